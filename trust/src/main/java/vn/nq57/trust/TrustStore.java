package vn.nq57.trust;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The JVM's trust store for an instance whose peers (central's services and Keycloak, its own Keycloak, PostgreSQL)
 * present certificates of a private CA: the JDK's default CAs plus every certificate of a PEM trust bundle (a file
 * with one or many certificates, or a directory of such files, as cert-manager's trust-manager writes them).
 *
 * <p>Run before the application, with its own image:
 * {@code java -cp '/deployments/lib/main/*' vn.nq57.trust.TrustStore /etc/nq57/trust /var/run/nq57/truststore.p12}
 * and start the JVM with {@code -Djavax.net.ssl.trustStore=... -Djavax.net.ssl.trustStorePassword=changeit
 * -Djavax.net.ssl.trustStoreType=PKCS12}. The store holds public certificates only; its password {@value #PASSWORD}
 * protects nothing secret (it is the JDK's own default).
 */
public final class TrustStore {

    public static final String PASSWORD = "changeit";

    private TrustStore() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: TrustStore <PEM file or directory> <out.p12>");
            System.exit(2);
        }
        try {
            Result result = write(Path.of(args[0]), Path.of(args[1]));
            System.out.printf("trust store %s: %d JDK CAs + %d from %s%n", args[1], result.jdk(), result.added().size(),
                    args[0]);
            for (X509Certificate c : result.added()) {
                System.out.printf("  %s (until %s)%n", c.getSubjectX500Principal().getName(), c.getNotAfter().toInstant());
            }
        } catch (IllegalArgumentException e) {
            System.err.println("trust store not written: " + e.getMessage());
            System.exit(1);
        }
    }

    /** How many CAs came from the JDK, and the bundle's certificates that were added. */
    public record Result(int jdk, List<X509Certificate> added) {
    }

    /** Writes the JDK's CAs and the bundle's certificates to {@code out} (PKCS12); refuses a bundle without any. */
    public static Result write(Path bundle, Path out) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = read(bundle);
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("no certificate in " + bundle);
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int jdk = 0;
        KeyStore defaults = jdkDefaults();
        for (Enumeration<String> aliases = defaults.aliases(); aliases.hasMoreElements(); ) {
            String alias = aliases.nextElement();
            if (defaults.isCertificateEntry(alias)) {
                store.setCertificateEntry("jdk-" + alias, defaults.getCertificate(alias));
                jdk++;
            }
        }
        for (int i = 0; i < certificates.size(); i++) {
            store.setCertificateEntry("bundle-" + i, certificates.get(i));
        }
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        try (OutputStream os = Files.newOutputStream(out)) {
            store.store(os, PASSWORD.toCharArray());
        }
        return new Result(jdk, certificates);
    }

    /** Every certificate of a PEM (or DER) file, or of the regular files of a directory, in name order. */
    static List<X509Certificate> read(Path bundle) throws IOException, GeneralSecurityException {
        if (!Files.exists(bundle)) {
            throw new IllegalArgumentException(bundle + " does not exist");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(bundle)) {
            try (Stream<Path> list = Files.list(bundle)) {
                // a mounted ConfigMap/Secret also holds ..data links and dot directories: regular files only
                list.filter(p -> !p.getFileName().toString().startsWith("."))
                        .filter(Files::isRegularFile).sorted().forEach(files::add);
            }
        } else {
            files.add(bundle);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<X509Certificate> certificates = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                Collection<? extends Certificate> read = factory.generateCertificates(in);
                for (Certificate c : read) {
                    certificates.add((X509Certificate) c);
                }
            } catch (java.security.cert.CertificateException e) {
                throw new IllegalArgumentException(file + " is not a PEM certificate bundle: " + e.getMessage());
            }
        }
        return certificates;
    }

    /** The JDK's default trust store (lib/security/cacerts). */
    static KeyStore jdkDefaults() throws IOException, GeneralSecurityException {
        Path cacerts = Path.of(System.getProperty("java.home"), "lib", "security", "cacerts");
        KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
        try (InputStream in = Files.newInputStream(cacerts)) {
            store.load(in, null);
        }
        return store;
    }
}
