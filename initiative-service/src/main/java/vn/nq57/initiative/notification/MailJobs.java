package vn.nq57.initiative.notification;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import vn.nq57.initiative.obligation.ObligationService;
import vn.nq57.initiative.obligation.ObligationService.ActiveObligation;
import vn.nq57.initiative.obligation.ReportingCalendar;
import vn.nq57.initiative.warning.Severity;
import vn.nq57.initiative.warning.Warning;
import vn.nq57.initiative.warning.WarningStatus;
import vn.nq57.platform.period.Period;
import vn.nq57.platform.security.Roles;

/**
 * The mails: a CRITICAL warning at once (to the admins and data clerks of its agency), reminders before a value is
 * due (7 and 1 days before, to the obliged agency's data clerks and admins), and a daily digest of the open warnings
 * of each user's agency and the agencies below it (unless the user opted out). Each mail is sent once
 * ({@link MailService}); the schedule runs every minute when mail is enabled.
 */
@ApplicationScoped
public class MailJobs {

    private static final Logger LOG = Logger.getLogger(MailJobs.class);
    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Inject
    Clock clock;

    @Inject
    EntityManager em;

    @Inject
    MailService mail;

    @Inject
    RecipientDirectory recipients;

    @Inject
    PreferenceService preferences;

    @Inject
    ObligationService obligations;

    @ConfigProperty(name = "nq57.mail.enabled", defaultValue = "false")
    boolean enabled;

    @ConfigProperty(name = "nq57.mail.digest-hour", defaultValue = "7")
    int digestHour;

    @ConfigProperty(name = "nq57.mail.reminder-days", defaultValue = "7,1")
    List<Integer> reminderDays;

    @ConfigProperty(name = "nq57.mail.portal-url", defaultValue = "http://127.0.0.1:8080")
    String portal;

    /** What one run sent. */
    public record Sent(int critical, int reminders, int digests) {
    }

    private volatile boolean stopping;

    /** No run while the application shuts down (its database pool is closing). */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent event) {
        stopping = true;
    }

    @Scheduled(every = "${nq57.mail.every:60s}", delayed = "${nq57.mail.delay:30s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @ActivateRequestContext
    void run() {
        if (!enabled || stopping) {
            return;
        }
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(Period.VIETNAM));
        try {
            int critical = critical();
            int reminders = 0;
            int digests = 0;
            if (now.toLocalTime().isAfter(LocalTime.of(digestHour, 0))) {
                reminders = reminders(now.toLocalDate());
                digests = digest(now.toLocalDate());
            }
            if (critical + reminders + digests > 0) {
                LOG.infof("mail: %d critical, %d reminder(s), %d digest(s) sent", critical, reminders, digests);
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "mail: run failed; retried at the next run");
        }
    }

    /** At most this many warnings listed in one critical mail; the rest are counted and shown in the portal. */
    static final int CRITICAL_LISTED = 20;

    /**
     * Mails the CRITICAL warnings still open (opened in the last two days) that a recipient was not told of yet: one
     * mail per recipient per run, listing them (a fresh instance with many values missing sends each admin and clerk
     * one mail, not one per warning). The keys stay one per warning and recipient, so a warning is never mailed twice.
     * Answers how many warnings were mailed (summed over recipients).
     */
    @ActivateRequestContext
    public int critical() {
        Map<String, Recipient> who = new LinkedHashMap<>();
        Map<String, List<Warning>> fresh = new LinkedHashMap<>();
        java.util.Set<String> told = mail.sentKeys("CRITICAL", 3);   // the warnings listed opened at most 2 days ago
        for (Warning w : Warning.<Warning>list("severity = ?1 and status = ?2 and since >= ?3 order by since", Severity.CRITICAL,
                WarningStatus.OPEN, OffsetDateTime.now(ZoneOffset.UTC).minusDays(2))) {
            if (w.agencyCode == null) {
                continue;
            }
            for (Recipient r : recipients.of(w.agencyCode, Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER)) {
                if (!told.contains(criticalKey(w, r))) {
                    who.putIfAbsent(r.subject(), r);
                    fresh.computeIfAbsent(r.subject(), k -> new ArrayList<>()).add(w);
                }
            }
        }
        int sent = 0;
        for (Map.Entry<String, List<Warning>> e : fresh.entrySet()) {
            Recipient r = who.get(e.getKey());
            List<Warning> list = e.getValue();
            boolean en = preferences.language(r).equals("en");
            String subject;
            StringBuilder body = new StringBuilder();
            if (list.size() == 1) {
                Warning w = list.get(0);
                subject = en ? "[NQ57] Critical warning: " + w.subjectLabel : "[NQ57] Cảnh báo nghiêm trọng: " + w.subjectLabel;
                body.append(en ? "A critical warning for " + w.agencyCode + ":\n\n" + w.reasonEn
                        : "Cảnh báo nghiêm trọng đối với " + w.agencyCode + ":\n\n" + w.reasonVi);
            } else {
                subject = en ? "[NQ57] " + list.size() + " new critical warnings"
                        : "[NQ57] " + list.size() + " cảnh báo nghiêm trọng mới";
                body.append(en ? list.size() + " new critical warnings for your agency:\n\n"
                        : list.size() + " cảnh báo nghiêm trọng mới đối với đơn vị của bạn:\n\n");
                for (Warning w : list.subList(0, Math.min(list.size(), CRITICAL_LISTED))) {
                    body.append("- ").append(w.agencyCode).append(": ").append(en ? w.reasonEn : w.reasonVi).append('\n');
                }
                if (list.size() > CRITICAL_LISTED) {
                    int more = list.size() - CRITICAL_LISTED;
                    body.append(en ? "… and " + more + " more\n" : "… và " + more + " cảnh báo khác\n");
                }
            }
            body.append("\n\n").append(en ? "Open: " : "Xem: ").append(portal).append(footer(en));
            sent += mail.sendOnce(list.stream().map(w -> criticalKey(w, r)).toList(), "CRITICAL", r, subject,
                    body.toString()).size();
        }
        return sent;
    }

    private static String criticalKey(Warning w, Recipient r) {
        return "critical:" + w.id + ":" + r.subject();
    }

    /** Reminders for values due in 7 and 1 days (by default) that are not reported yet. */
    @ActivateRequestContext
    public int reminders(LocalDate today) {
        int sent = 0;
        for (ActiveObligation o : obligations.active()) {
            for (int before : reminderDays) {
                LocalDate deadline = today.plusDays(before);
                Period p = Period.containing(o.frequency(), deadline.minusDays(o.deadlineDays()));
                if (!ReportingCalendar.deadline(p, o.deadlineDays()).equals(deadline) || !o.covers(p)
                        || reported(o.indicatorId(), o.agency(), p)) {
                    continue;
                }
                for (Recipient to : recipients.of(o.agency(), Roles.DATA_SUBMITTER, Roles.MINISTRY_ADMIN)) {
                    boolean en = preferences.language(to).equals("en");
                    String subject = en ? "[NQ57] Reminder: " + o.code() + " for " + p + " is due on " + deadline
                            : "[NQ57] Nhắc hạn báo cáo: " + o.code() + " kỳ " + p + " hạn " + DAY.format(deadline);
                    String body = (en ? o.agency() + " is due to report " + o.code() + " (" + o.name() + ") for " + p + " by "
                            + deadline + " (" + before + " day(s) left)."
                            : o.agency() + " cần báo cáo chỉ tiêu " + o.code() + " (" + o.name() + ") kỳ " + p + " trước ngày "
                            + DAY.format(deadline) + " (còn " + before + " ngày).")
                            + "\n\n" + (en ? "Report: " : "Báo cáo tại: ") + portal + footer(en);
                    if (mail.sendOnce("reminder:" + o.indicatorId() + ":" + o.agency() + ":" + p + ":" + before + ":" + to.subject(),
                            "REMINDER", to, subject, body)) {
                        sent++;
                    }
                }
            }
        }
        return sent;
    }

    /** One digest per user of the open warnings of their agency and those below it, once a day. */
    @ActivateRequestContext
    public int digest(LocalDate today) {
        Map<String, String> parent = new HashMap<>();
        for (Object o : em.createNativeQuery("SELECT a.code, p.code FROM agency a LEFT JOIN agency p ON p.id = a.parent_id")
                .getResultList()) {
            Object[] r = (Object[]) o;
            parent.put((String) r[0], (String) r[1]);
        }
        Map<String, List<Warning>> byAgency = new LinkedHashMap<>();
        for (Warning w : Warning.<Warning>list("status <> ?1 and agencyCode is not null order by since desc",
                WarningStatus.RESOLVED)) {
            for (String a = w.agencyCode; a != null; a = parent.get(a)) {
                byAgency.computeIfAbsent(a, k -> new ArrayList<>()).add(w);
                if (byAgency.size() > 10_000) {
                    break;
                }
            }
        }
        int sent = 0;
        for (Map.Entry<String, List<Warning>> e : byAgency.entrySet()) {
            List<Recipient> to = recipients.of(e.getKey(), Roles.MINISTRY_ADMIN, Roles.DATA_SUBMITTER, Roles.VIEWER);
            for (Recipient r : to) {
                if (!preferences.digest(r)) {
                    continue;
                }
                boolean en = preferences.language(r).equals("en");
                List<Warning> list = e.getValue();
                StringBuilder body = new StringBuilder(en
                        ? list.size() + " open warning(s) for " + e.getKey() + " and the agencies below it on " + today + ":\n\n"
                        : list.size() + " cảnh báo đang mở của " + e.getKey() + " và các đơn vị trực thuộc ngày "
                        + DAY.format(today) + ":\n\n");
                for (Warning w : list.subList(0, Math.min(list.size(), 50))) {
                    body.append("- [").append(w.severity).append("] ").append(en ? w.reasonEn : w.reasonVi).append('\n');
                }
                if (list.size() > 50) {
                    body.append(en ? "… and " + (list.size() - 50) + " more\n" : "… và " + (list.size() - 50) + " cảnh báo khác\n");
                }
                body.append('\n').append(en ? "All warnings: " : "Tất cả cảnh báo: ").append(portal).append(footer(en));
                String subject = en ? "[NQ57] Daily digest " + today + ": " + list.size() + " open warning(s)"
                        : "[NQ57] Tổng hợp ngày " + DAY.format(today) + ": " + list.size() + " cảnh báo đang mở";
                if (mail.sendOnce("digest:" + today + ":" + r.subject(), "DIGEST", r, subject, body.toString())) {
                    sent++;
                }
            }
        }
        return sent;
    }

    private boolean reported(UUID indicator, String agency, Period p) {
        return !em.createNativeQuery("SELECT 1 FROM reported_value WHERE indicator_id = :i AND agency_code = :a "
                        + "AND period = :p AND first_submitted_at IS NOT NULL").setParameter("i", indicator)
                .setParameter("a", agency).setParameter("p", p.toString()).getResultList().isEmpty();
    }

    private static String footer(boolean en) {
        return en ? "\n\n--\nNQ57 platform. Change your mail preferences in the portal (digest on/off, language)."
                : "\n\n--\nNền tảng NQ57. Thay đổi tùy chọn nhận thư (bản tổng hợp, ngôn ngữ) trên cổng thông tin.";
    }
}
