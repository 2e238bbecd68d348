package vn.nq57.trust;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.List;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrustStoreTest {

    @TempDir
    Path dir;

    private static Path resource(String name) throws Exception {
        return Path.of(TrustStoreTest.class.getResource("/" + name).toURI());
    }

    private static List<String> trustedSubjects(Path store) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, TrustStore.PASSWORD.toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        X509TrustManager tm = (X509TrustManager) tmf.getTrustManagers()[0];
        return Arrays.stream(tm.getAcceptedIssuers()).map(c -> c.getSubjectX500Principal().getName()).toList();
    }

    @Test
    void a_bundle_file_with_two_certificates_adds_both_to_the_jdk_cas() throws Exception {
        Path out = dir.resolve("run/truststore.p12");
        TrustStore.Result result = TrustStore.write(resource("bundle.pem"), out);

        assertThat(result.added()).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("O=NQ57,CN=NQ57 test central-ca (tests only)", "O=NQ57,CN=NQ57 test sso-ca (tests only)");
        assertThat(result.jdk()).as("the JDK's public CAs stay trusted").isGreaterThan(50);
        List<String> trusted = trustedSubjects(out);
        assertThat(trusted).hasSize(result.jdk() + 2)
                .contains("O=NQ57,CN=NQ57 test central-ca (tests only)", "O=NQ57,CN=NQ57 test sso-ca (tests only)");
    }

    @Test
    void a_mounted_directory_gives_its_files_in_name_order_and_skips_the_mount_links() throws Exception {
        Path bundle = Files.createDirectories(dir.resolve("trust"));
        Files.copy(resource("sso-ca.pem"), bundle.resolve("b-sso.crt"));
        Files.copy(resource("central-ca.pem"), bundle.resolve("a-central.crt"));
        Files.createDirectories(bundle.resolve("..2026_12_03"));
        Files.writeString(bundle.resolve(".hidden"), "not a certificate");

        List<X509Certificate> read = TrustStore.read(bundle);

        assertThat(read).extracting(c -> c.getSubjectX500Principal().getName())
                .containsExactly("O=NQ57,CN=NQ57 test central-ca (tests only)", "O=NQ57,CN=NQ57 test sso-ca (tests only)");
    }

    @Test
    void a_bundle_without_certificates_or_a_missing_one_writes_nothing() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty.pem"), "");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n");
        Path out = dir.resolve("truststore.p12");

        assertThatThrownBy(() -> TrustStore.write(empty, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no certificate in");
        assertThatThrownBy(() -> TrustStore.write(garbage, out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("is not a PEM certificate bundle");
        assertThatThrownBy(() -> TrustStore.write(dir.resolve("absent"), out)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not exist");
        assertThat(out).doesNotExist();
    }
}
