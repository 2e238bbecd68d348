package vn.nq57.initiative.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import vn.nq57.initiative.warning.WarningViews.MailPreferences;
import vn.nq57.platform.security.Caller;

/** Each user's mail preferences: the daily digest on or off, and the language (vi or en). */
@ApplicationScoped
public class PreferenceService {

    @Inject
    EntityManager em;

    @Inject
    Caller caller;

    public MailPreferences mine() {
        return of(caller.subject(), null);
    }

    @Transactional
    public MailPreferences update(MailPreferences p) {
        em.createNativeQuery("INSERT INTO notification_preference (user_subject, digest, language, updated_at) "
                        + "VALUES (:u, :d, :l, now()) ON CONFLICT (user_subject) DO UPDATE SET digest = excluded.digest, "
                        + "language = excluded.language, updated_at = now()")
                .setParameter("u", caller.subject()).setParameter("d", p.digest()).setParameter("l", p.language())
                .executeUpdate();
        return mine();
    }

    boolean digest(Recipient r) {
        return of(r.subject(), r.language()).digest();
    }

    String language(Recipient r) {
        return of(r.subject(), r.language()).language();
    }

    private MailPreferences of(String subject, String fallbackLanguage) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT digest, language FROM notification_preference "
                + "WHERE user_subject = :u").setParameter("u", subject).getResultList();
        if (rows.isEmpty()) {
            return new MailPreferences(true, fallbackLanguage == null ? "vi" : fallbackLanguage);
        }
        return new MailPreferences((Boolean) rows.get(0)[0], (String) rows.get(0)[1]);
    }
}
