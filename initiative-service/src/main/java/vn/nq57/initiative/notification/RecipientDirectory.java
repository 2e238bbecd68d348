package vn.nq57.initiative.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.representations.idm.UserRepresentation;

/**
 * Who receives mail for an agency and role: the realm's users whose {@code agency} attribute is the agency and whose
 * effective realm roles include the role, read through Keycloak's admin API with the service's own service account
 * (realm-management {@code view-users} and {@code query-users}: nothing more), cached per agency for a few minutes; and, for installs without one or for tests, a list in configuration
 * ({@code nq57.recipients.static}: {@code AGENCY|role|username|email|language} entries).
 */
@ApplicationScoped
public class RecipientDirectory {

    private static final Logger LOG = Logger.getLogger(RecipientDirectory.class);

    @Inject
    Instance<Keycloak> keycloak;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.realm", defaultValue = "nq57")
    String realm;

    @ConfigProperty(name = "quarkus.keycloak.admin-client.server-url")
    Optional<String> keycloakUrl;

    @ConfigProperty(name = "nq57.recipients.static")
    Optional<List<String>> statics;

    @ConfigProperty(name = "nq57.recipients.cache-seconds", defaultValue = "300")
    long cacheSeconds;

    private record Member(Recipient recipient, Set<String> roles) {
    }

    private record Cached(long at, List<Member> members) {
    }

    private final Map<String, Cached> byAgency = new ConcurrentHashMap<>();

    /** The recipients of an agency with any of the roles, each once, with an e-mail address. */
    public List<Recipient> of(String agency, String... roles) {
        Map<String, Recipient> out = new LinkedHashMap<>();
        String code = agency.toUpperCase(Locale.ROOT);
        for (String role : roles) {
            statics.orElse(List.of()).stream().map(s -> s.split("\\|")).filter(p -> p.length >= 4)
                    .filter(p -> p[0].trim().equalsIgnoreCase(code) && p[1].trim().equals(role))
                    .forEach(p -> out.putIfAbsent(p[2].trim(), new Recipient(p[2].trim(), p[2].trim(), p[3].trim(),
                            p.length > 4 ? p[4].trim() : "vi", code)));
            if (keycloakUrl.isPresent() && keycloak.isResolvable()) {
                for (Member m : members(code)) {
                    if (m.roles().contains(role)) {
                        out.putIfAbsent(m.recipient().subject(), m.recipient());
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    /** The enabled users of an agency (attribute {@code agency}) with an address, and their effective realm roles. */
    private List<Member> members(String agency) {
        Cached c = byAgency.get(agency);
        long now = System.currentTimeMillis();
        if (c != null && now - c.at() < cacheSeconds * 1000) {
            return c.members();
        }
        try {
            List<Member> members = new ArrayList<>();
            var users = keycloak.get().realm(realm).users();
            for (UserRepresentation u : users.searchByAttributes(0, 1000, true, false, "agency:" + agency)) {
                if (u.getEmail() == null || !Boolean.TRUE.equals(u.isEnabled())) {
                    continue;
                }
                Set<String> roles = new HashSet<>();
                users.get(u.getId()).roles().realmLevel().listEffective().forEach(r -> roles.add(r.getName()));
                Map<String, List<String>> attributes = u.getAttributes() == null ? Map.of() : u.getAttributes();
                String lang = attributes.getOrDefault("locale", List.of("vi")).get(0);
                String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                        + (u.getLastName() == null ? "" : u.getLastName())).trim();
                members.add(new Member(new Recipient(u.getId(), name.isEmpty() ? u.getUsername() : name, u.getEmail(),
                        lang.startsWith("en") ? "en" : "vi", agency), roles));
            }
            byAgency.put(agency, new Cached(now, members));
            return members;
        } catch (RuntimeException e) {
            LOG.warnf("recipients: cannot read the users of %s from Keycloak (%s); using the last known list for %d s",
                    agency, e.getMessage(), cacheSeconds);
            List<Member> last = c == null ? List.of() : c.members();
            byAgency.put(agency, new Cached(now, last));
            return last;
        }
    }
}
