package vn.nq57.initiative.notification;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.nq57.initiative.warning.Warning;
import vn.nq57.initiative.warning.WarningService;
import vn.nq57.initiative.warning.WarningViews.NotificationView;
import vn.nq57.initiative.warning.WarningViews.WarningView;
import vn.nq57.platform.paging.Page;
import vn.nq57.platform.paging.PageRequest;
import vn.nq57.platform.security.Caller;

/**
 * In-app notifications: the warnings of the signed-in user's scope (their agency and below; all for central admins)
 * opened in the last days, each with the user's own read mark.
 */
@ApplicationScoped
public class NotificationService {

    @Inject
    EntityManager em;

    @Inject
    WarningService warnings;

    @Inject
    Caller caller;

    @ConfigProperty(name = "nq57.notifications.days", defaultValue = "90")
    int days;

    private record Where(String sql, Set<String> scope) {
    }

    private Where where(boolean unreadOnly) {
        Set<String> scope = warnings.scope();
        StringBuilder sql = new StringBuilder(" FROM warning w WHERE w.since >= :since");
        if (scope != null) {
            sql.append(" AND w.agency_code IN (:scope)");
        }
        if (unreadOnly) {
            sql.append(" AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.warning_id = w.id "
                    + "AND r.user_subject = :user)");
        }
        return new Where(sql.toString(), scope);
    }

    private jakarta.persistence.Query query(String select, Where w, boolean unreadOnly) {
        var q = em.createNativeQuery(select + w.sql() + (select.contains("count") ? "" : " ORDER BY w.since DESC, w.id"));
        q.setParameter("since", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days));
        if (w.scope() != null) {
            q.setParameter("scope", w.scope());
        }
        if (unreadOnly) {
            q.setParameter("user", caller.subject());
        }
        return q;
    }

    public Page<NotificationView> list(boolean unreadOnly, PageRequest page) {
        Where w = where(unreadOnly);
        if (w.scope() != null && w.scope().isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        long total = ((Number) query("SELECT count(*)", w, unreadOnly).getSingleResult()).longValue();
        @SuppressWarnings("unchecked")
        List<UUID> ids = query("SELECT w.id", w, unreadOnly).setFirstResult(page.offset()).setMaxResults(page.size)
                .getResultList();
        List<NotificationView> items = new ArrayList<>();
        if (!ids.isEmpty()) {
            @SuppressWarnings("unchecked")
            List<UUID> read = em.createNativeQuery("SELECT warning_id FROM notification_read WHERE user_subject = :u "
                    + "AND warning_id IN (:ids)").setParameter("u", caller.subject()).setParameter("ids", ids)
                    .getResultList();
            Set<UUID> readSet = Set.copyOf(read);
            for (Warning x : Warning.<Warning>list("id in ?1 order by since desc, id", ids)) {
                items.add(new NotificationView(WarningView.of(x), readSet.contains(x.id)));
            }
        }
        return Page.of(items, page, total);
    }

    public long unread() {
        Where w = where(true);
        if (w.scope() != null && w.scope().isEmpty()) {
            return 0;
        }
        return ((Number) query("SELECT count(*)", w, true).getSingleResult()).longValue();
    }

    /** Marks one warning read for the caller (404 when unknown or outside their scope); idempotent. */
    @Transactional
    public void markRead(UUID id) {
        Warning w = warnings.get(id);
        em.createNativeQuery("INSERT INTO notification_read (user_subject, warning_id) VALUES (:u, :id) "
                + "ON CONFLICT DO NOTHING").setParameter("u", caller.subject()).setParameter("id", w.id).executeUpdate();
    }

    /** Marks every notification of the caller's scope read; answers how many were unread. */
    @Transactional
    public long markAllRead() {
        Where w = where(true);
        if (w.scope() != null && w.scope().isEmpty()) {
            return 0;
        }
        var q = em.createNativeQuery("INSERT INTO notification_read (user_subject, warning_id) SELECT :user, w.id"
                + w.sql() + " ON CONFLICT DO NOTHING");
        q.setParameter("since", OffsetDateTime.now(ZoneOffset.UTC).minusDays(days)).setParameter("user", caller.subject());
        if (w.scope() != null) {
            q.setParameter("scope", w.scope());
        }
        return q.executeUpdate();
    }
}
