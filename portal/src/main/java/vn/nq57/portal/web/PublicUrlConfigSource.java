package vn.nq57.portal.web;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * The portal's external base URL ({@code NQ57_PORTAL_PUBLIC_URL}, e.g. {@code https://portal.nq57.gov.vn}, set by the
 * Helm chart from the Ingress host): behind a TLS-terminating Ingress the portal itself is reached over plain HTTP, so
 * when the public URL is https the redirect URIs sent to Keycloak are made https too. Environment variables and system
 * properties still win (ordinal 275: above application.properties, below the environment).
 */
public class PublicUrlConfigSource implements ConfigSource {

    static final String FORCE_HTTPS = "quarkus.oidc.authentication.force-redirect-https-scheme";

    private final Map<String, String> values;

    public PublicUrlConfigSource() {
        String url = System.getenv("NQ57_PORTAL_PUBLIC_URL");
        values = url != null && url.strip().toLowerCase(java.util.Locale.ROOT).startsWith("https://")
                ? Map.of(FORCE_HTTPS, "true") : Map.of();
    }

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String name) {
        return values.get(name);
    }

    @Override
    public String getName() {
        return "NQ57_PORTAL_PUBLIC_URL";
    }

    @Override
    public int getOrdinal() {
        return 275;
    }
}
