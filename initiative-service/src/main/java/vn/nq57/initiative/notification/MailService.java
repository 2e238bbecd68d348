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

    /** The keys of the mails of a kind sent in the last {@code days} days (one query). */
    public java.util.Set<String> sentKeys(String kind, int days) {
        return log.keys(kind, days);
    }

    /**
     * One mail standing for several keys (one per item it lists): sent when at least one key is new, and every key it
     * claimed is released again when sending fails. Answers the keys it sent (empty: nothing new, or it failed).
     */
    public java.util.List<String> sendOnce(java.util.List<String> keys, String kind, Recipient to, String subject,
            String body) {
        java.util.List<String> claimed = log.claimAll(keys, to.email(), kind, subject);
        if (claimed.isEmpty()) {
            return claimed;
        }
        try {
            mailer.send(Mail.withText(to.email(), subject, body));
            return claimed;
        } catch (RuntimeException e) {
            claimed.forEach(log::release);
            LOG.warnf("mail: sending %s to %s failed (%s); retried at the next run", kind, to.email(), e.getMessage());
            return java.util.List.of();
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

        /** Claims the keys not logged yet, in one transaction; answers those it claimed. */
        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public java.util.List<String> claimAll(java.util.List<String> keys, String recipient, String kind, String subject) {
            java.util.List<String> claimed = new java.util.ArrayList<>();
            for (String key : keys) {
                if (claim(key, recipient, kind, subject)) {
                    claimed.add(key);
                }
            }
            return claimed;
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        public void release(String key) {
            em.createNativeQuery("DELETE FROM mail_log WHERE mail_key = :k").setParameter("k", key).executeUpdate();
        }

        @Transactional(Transactional.TxType.REQUIRES_NEW)
        @SuppressWarnings("unchecked")
        public java.util.Set<String> keys(String kind, int days) {
            return new java.util.HashSet<>(em.createNativeQuery("SELECT mail_key FROM mail_log WHERE kind = :kind "
                            + "AND sent_at >= now() - :days * interval '1 day'").setParameter("kind", kind)
                    .setParameter("days", days).getResultList());
        }

    }
}
