-- The latest result of each integrity check (countylive.integrity, docs/operations.md "Integrity
-- checks"): one row per check, replaced at every run, so that the administrators' page shows what
-- the scheduled job or the last "run now" found, and when. findings holds the first offending
-- records as JSON: [{"key": message key, "link": path, "arguments": [...]}].
CREATE TABLE integrity_check (
    code      VARCHAR(40)  NOT NULL,
    found     BIGINT       NOT NULL,
    findings  LONGTEXT     NOT NULL,
    failed    BOOLEAN      NOT NULL DEFAULT FALSE,
    ran_at    DATETIME(3)  NOT NULL,
    ran_by    VARCHAR(50)  NOT NULL,
    took_ms   BIGINT       NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- When the account last logged in, for the check of accounts nobody uses any more. Accounts with a
-- session now take that session's start.
ALTER TABLE app_user ADD COLUMN last_login_at DATETIME(3) NULL;
UPDATE app_user u SET last_login_at = (SELECT MAX(s.created_at) FROM login_session s WHERE s.user_id = u.id);
