package vn.nq57.platform.security;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.JWTAuthContextInfo;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.SecretKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Verifies a bearer token once and reuses the verified token for its next requests: a client sends the same token
 * for minutes, and checking its signature and parsing its claims again each time was a tenth of a service's CPU.
 * A verified token is reused until the earlier of its {@code exp} and {@code nq57.security.token-cache.max-age}
 * after its verification (which bounds how long a token keeps passing after its signing key is withdrawn); at most
 * {@code nq57.security.token-cache.size} tokens are kept (a full cache drops the entries past their time, at most
 * once a second, then stops storing), and tokens longer than 8 KB are verified each time. {@code max-age} 0 turns the cache off.
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class CachingJwtParser implements JWTParser {

    private static final int MAX_TOKEN_LENGTH = 8192;

    @Inject
    DefaultJWTParser verifier;

    @ConfigProperty(name = "nq57.security.token-cache.max-age", defaultValue = "PT60S")
    Duration maxAge;

    @ConfigProperty(name = "nq57.security.token-cache.size", defaultValue = "10000")
    int size;

    private record Verified(JsonWebToken token, long validUntilMillis) {
    }

    private final Map<String, Verified> cache = new ConcurrentHashMap<>();
    private volatile long lastSweep;

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        if (maxAge.isZero() || token.length() > MAX_TOKEN_LENGTH) {
            return verifier.parse(token);
        }
        long now = System.currentTimeMillis();
        Verified known = cache.get(token);
        if (known != null) {
            if (now < known.validUntilMillis()) {
                return known.token();
            }
            cache.remove(token, known);
        }
        JsonWebToken verified = verifier.parse(token);
        long until = now + maxAge.toMillis();
        if (verified.getExpirationTime() > 0) {
            until = Math.min(until, verified.getExpirationTime() * 1000);
        }
        if (cache.size() >= size && now - lastSweep > 1000) {
            // at most once a second: a cache full of live tokens is not scanned again for every new token
            lastSweep = now;
            cache.values().removeIf(v -> v.validUntilMillis() <= now);
        }
        if (cache.size() < size && until > now) {
            cache.put(token, new Verified(verified, until));
        }
        return verified;
    }

    @Override
    public JsonWebToken parse(String token, JWTAuthContextInfo context) throws ParseException {
        return verifier.parse(token, context);
    }

    @Override
    public JsonWebToken verify(String token, PublicKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, SecretKey key) throws ParseException {
        return verifier.verify(token, key);
    }

    @Override
    public JsonWebToken verify(String token, String secret) throws ParseException {
        return verifier.verify(token, secret);
    }

    @Override
    public JsonWebToken decrypt(String token, PrivateKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, SecretKey key) throws ParseException {
        return verifier.decrypt(token, key);
    }

    @Override
    public JsonWebToken decrypt(String token, String secret) throws ParseException {
        return verifier.decrypt(token, secret);
    }

    @Override
    public JsonWebToken parseOnly(String token) throws ParseException {
        return verifier.parseOnly(token);
    }
}
