package vn.nq57.initiative.notification;

/** Someone mail goes to: the user's subject (for preferences and the log), name, address, language, agency. */
public record Recipient(String subject, String name, String email, String language, String agency) {
}
