package vn.nq57.initiative.notification;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

/**
 * Sends a mail at most once per key: the key is logged ({@code mail_log}) in its own committed transaction before the
 * mail goes out, and removed again when sending fails (so a later run retries). A restart or a second replica finds
 * the key and sends nothing.
 */
@ApplicationScoped
public class MailService {

    private static final Logger LOG = Logger.getLogger(MailService.class);

    @Inject
    Mailer mailer;

    @Inject
    MailLog log;

    /** Sends unless the key was sent before; answers whether it sent. */
    public boolean sendOnce(String key, String kind, Recipient to, String subject, String body) {
        if (!log.claim(key, to.email(), kind, subject)) {
            return false;
        }
        try {
            mailer.send(Mail.withText(to.email(), subject, body));
            return true;
        } catch (RuntimeException e) {
            log.release(key);
            LOG.warnf("mail: sending %s to %s failed (%s); retried at the next run", kind, to.email(), e.getMessage());
            return false;
        }
    }

    /** The log of sent mails, written in transactions of their own. */
    @ApplicationScoped
    public static class MailLog {

        @Inject
        EntityManager em;

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean claim(String key, String recipient, String kind, String subject) {
            return em.createNativeQuery("INSERT INTO mail_log (mail_key, recipient, kind, subject) "
                            + "VALUES (:k, :r, :kind, :s) ON CONFLICT DO NOTHING")
                    .setParameter("k", key.length() > 400 ? key.substring(0, 400) : key).setParameter("r", recipient)
                    .setParameter("kind", kind).setParameter("s", subject).executeUpdate() == 1;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void release(String key) {
            em.createNativeQuery("DELETE FROM mail_log WHERE mail_key = :k").setParameter("k", key).executeUpdate();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public boolean has(String key) {
            return !em.createNativeQuery("SELECT 1 FROM mail_log WHERE mail_key = :k").setParameter("k", key)
                    .getResultList().isEmpty();
        }
    }
}
