-- Mail notifications (issue #14): each user's preferences, and a log of every mail sent so that nothing is sent
-- twice (after a restart, or by two replicas).
CREATE TABLE notification_preference (
    user_subject VARCHAR(100) PRIMARY KEY,
    digest       BOOLEAN      NOT NULL DEFAULT TRUE,
    language     VARCHAR(2)   NOT NULL DEFAULT 'vi',
    updated_at   TIMESTAMPTZ  NOT NULL DEFAULT now()
);

CREATE TABLE mail_log (
    mail_key     VARCHAR(400) PRIMARY KEY,
    recipient    VARCHAR(320) NOT NULL,
    kind         VARCHAR(20)  NOT NULL,
    subject      TEXT         NOT NULL,
    sent_at      TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX mail_log_sent_idx ON mail_log (sent_at DESC);
