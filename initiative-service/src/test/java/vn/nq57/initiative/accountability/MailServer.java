package vn.nq57.initiative.accountability;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server for the tests (GreenMail, in this JVM) and the static recipients of the test agency TMAIL: an
 * admin (Vietnamese), a data clerk (English) and a leader (viewer).
 */
public class MailServer implements QuarkusTestResourceLifecycleManager {

    static final String AGENCY = "TMAIL";
    static GreenMail smtp;

    @Override
    public Map<String, String> start() {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED",
                "nq57.recipients.static", AGENCY + "|ministry-admin|admin.tmail|admin.tmail@nq57.test|vi,"
                        + AGENCY + "|data-submitter|clerk.tmail|clerk.tmail@nq57.test|en,"
                        + AGENCY + "|viewer|leader.tmail|leader.tmail@nq57.test|vi");
    }

    @Override
    public void stop() {
        if (smtp != null) {
            smtp.stop();
        }
    }
}
