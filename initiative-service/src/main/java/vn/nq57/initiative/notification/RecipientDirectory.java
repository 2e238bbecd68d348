package vn.nq57.initiative.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
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
 * Who receives mail for an agency and role: the realm's users with that realm role whose {@code agency} attribute is
 * the agency, read through Keycloak's admin API with the service's own service account (role {@code view-users}),
 * cached for a few minutes; and, for installs without one or for tests, a list in configuration
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

    private record Cached(long at, List<UserRepresentation> users) {
    }

    private final Map<String, Cached> byRole = new ConcurrentHashMap<>();

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
                for (UserRepresentation u : members(role)) {
                    List<String> agencies = u.getAttributes() == null ? null : u.getAttributes().get("agency");
                    if (u.getEmail() != null && Boolean.TRUE.equals(u.isEnabled()) && agencies != null
                            && agencies.stream().anyMatch(code::equalsIgnoreCase)) {
                        String lang = u.getAttributes().getOrDefault("locale", List.of("vi")).get(0);
                        String name = ((u.getFirstName() == null ? "" : u.getFirstName()) + " "
                                + (u.getLastName() == null ? "" : u.getLastName())).trim();
                        out.putIfAbsent(u.getId(), new Recipient(u.getId(), name.isEmpty() ? u.getUsername() : name,
                                u.getEmail(), lang.startsWith("en") ? "en" : "vi", code));
                    }
                }
            }
        }
        return new ArrayList<>(out.values());
    }

    private List<UserRepresentation> members(String role) {
        Cached c = byRole.get(role);
        long now = System.currentTimeMillis();
        if (c != null && now - c.at() < cacheSeconds * 1000) {
            return c.users();
        }
        try {
            List<UserRepresentation> users = new ArrayList<>();
            for (int first = 0; ; first += 500) {
                List<UserRepresentation> page = keycloak.get().realm(realm).roles().get(role)
                        .getUserMembers(false, first, 500);
                users.addAll(page);
                if (page.size() < 500) {
                    break;
                }
            }
            byRole.put(role, new Cached(now, users));
            return users;
        } catch (RuntimeException e) {
            LOG.warnf("recipients: cannot read the members of role %s from Keycloak (%s); using the last known list",
                    role, e.getMessage());
            return c == null ? List.of() : c.users();
        }
    }
}
