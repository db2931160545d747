-- Sign-off (docs/summaries.md, "Final and provisional figures"): per campaign and county, the
-- county's coordinator submits its figures, association staff accept them or return them with a
-- reason, and an administrator may reopen accepted figures, with a reason. The ledger refuses any
-- change to a submitted county's data by its coordinator and to an accepted county's data by anyone.
-- The state lives on the campaign county's row, which the ledger's lock updates too: a transition
-- and a change to the county's data take turns, and each raises the county's revision.
ALTER TABLE campaign_county
    ADD COLUMN sign_off    VARCHAR(12)  NOT NULL DEFAULT 'OPEN',
    ADD COLUMN sign_off_at DATETIME(3)  NULL,
    ADD COLUMN sign_off_by VARCHAR(100) NULL,
    ADD CONSTRAINT ck_campaign_county_sign_off CHECK (sign_off IN ('OPEN', 'SUBMITTED', 'ACCEPTED', 'RETURNED')),
    ADD KEY ix_campaign_county_sign_off (campaign_id, sign_off, county_code);

-- Every transition, with who, when and why: the campaign page's timeline. A campaign closed with
-- counties not yet accepted records the administrator's override here too (county_code NULL).
CREATE TABLE sign_off_event (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    campaign_id BIGINT       NOT NULL,
    county_code CHAR(6)      NULL,
    action      VARCHAR(16)  NOT NULL,
    from_state  VARCHAR(12)  NULL,
    to_state    VARCHAR(12)  NULL,
    user_id     BIGINT       NULL,
    user_name   VARCHAR(100) NOT NULL,
    occurred_at DATETIME(3)  NOT NULL,
    reason      VARCHAR(500) NULL,
    PRIMARY KEY (id),
    KEY ix_sign_off_event_campaign (campaign_id, occurred_at),
    CONSTRAINT fk_sign_off_event_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT ck_sign_off_event_action CHECK (action IN ('SUBMIT', 'ACCEPT', 'RETURN', 'REOPEN', 'CLOSE_OVERRIDE'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
