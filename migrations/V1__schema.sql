-- County Live: the schema of the whole domain.
-- Runs unchanged on MySQL 8 and MariaDB 10.11+. No triggers, no stored procedures, no reliance
-- on the order of AUTO_INCREMENT values, so the data can move to a MySQL cluster or TiDB.
-- Money is DECIMAL(14,2) (yuan with fen). Audience counts are NULL when not reported.
-- `version` columns carry optimistic locking for records edited through forms.

-- Regions (GB/T 2260). The codes are the keys: they are what people and other systems quote.
CREATE TABLE province (
    code CHAR(6)     NOT NULL,
    name VARCHAR(50) NOT NULL,
    PRIMARY KEY (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE prefecture (
    code          CHAR(6)     NOT NULL,
    province_code CHAR(6)     NOT NULL,
    name          VARCHAR(50) NOT NULL,
    PRIMARY KEY (code),
    CONSTRAINT fk_prefecture_province FOREIGN KEY (province_code) REFERENCES province (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE county (
    code            CHAR(6)     NOT NULL,
    prefecture_code CHAR(6)     NOT NULL,
    province_code   CHAR(6)     NOT NULL,
    name            VARCHAR(50) NOT NULL,
    poverty_county  BOOLEAN     NOT NULL DEFAULT FALSE,
    version         INT         NOT NULL DEFAULT 0,
    PRIMARY KEY (code),
    KEY ix_county_province (province_code, code),
    KEY ix_county_name (name),
    CONSTRAINT fk_county_prefecture FOREIGN KEY (prefecture_code) REFERENCES prefecture (code),
    CONSTRAINT fk_county_province FOREIGN KEY (province_code) REFERENCES province (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Partners: platforms, associations, societies behind campaigns.
CREATE TABLE partner (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(100) NOT NULL,
    kind       VARCHAR(20)  NOT NULL,
    version    INT          NOT NULL DEFAULT 0,
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_partner_name (name),
    CONSTRAINT ck_partner_kind CHECK (kind IN ('PLATFORM', 'ASSOCIATION', 'SOCIETY', 'GOVERNMENT', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign (
    id            BIGINT        NOT NULL AUTO_INCREMENT,
    name          VARCHAR(100)  NOT NULL,
    theme         VARCHAR(100)  NULL,
    starts_on     DATE          NOT NULL,
    ends_on       DATE          NOT NULL,
    status        VARCHAR(10)   NOT NULL DEFAULT 'PLANNED',
    description   TEXT          NULL,
    target_gross  DECIMAL(14,2) NULL,
    target_people INT           NULL,
    version       INT           NOT NULL DEFAULT 0,
    created_at    DATETIME(3)   NOT NULL,
    updated_at    DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_campaign_name (name),
    KEY ix_campaign_period (starts_on, ends_on),
    CONSTRAINT ck_campaign_period CHECK (ends_on >= starts_on),
    CONSTRAINT ck_campaign_status CHECK (status IN ('PLANNED', 'ACTIVE', 'CLOSED')),
    CONSTRAINT ck_campaign_targets CHECK ((target_gross IS NULL OR target_gross >= 0)
                                     AND (target_people IS NULL OR target_people >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE campaign_partner (
    campaign_id BIGINT NOT NULL,
    partner_id  BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, partner_id),
    KEY ix_campaign_partner_partner (partner_id),
    CONSTRAINT fk_campaign_partner_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_partner_partner FOREIGN KEY (partner_id) REFERENCES partner (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The counties taking part in a campaign; sessions may only be entered for these.
CREATE TABLE campaign_county (
    campaign_id BIGINT  NOT NULL,
    county_code CHAR(6) NOT NULL,
    PRIMARY KEY (campaign_id, county_code),
    KEY ix_campaign_county_county (county_code, campaign_id),
    CONSTRAINT fk_campaign_county_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_campaign_county_county FOREIGN KEY (county_code) REFERENCES county (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE official (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    name        VARCHAR(50) NOT NULL,
    title       VARCHAR(50) NOT NULL,
    county_code CHAR(6)     NOT NULL,
    version     INT         NOT NULL DEFAULT 0,
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    KEY ix_official_county (county_code, name),
    CONSTRAINT fk_official_county FOREIGN KEY (county_code) REFERENCES county (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE host (
    id         BIGINT       NOT NULL AUTO_INCREMENT,
    name       VARCHAR(50)  NOT NULL,
    platform   VARCHAR(20)  NOT NULL,
    handle     VARCHAR(100) NOT NULL,
    followers  BIGINT       NULL,
    version    INT          NOT NULL DEFAULT 0,
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_host_handle (platform, handle),
    KEY ix_host_name (name),
    CONSTRAINT ck_host_platform CHECK (platform IN ('DOUYIN', 'KUAISHOU', 'TAOBAO', 'OTHER')),
    CONSTRAINT ck_host_followers CHECK (followers IS NULL OR followers >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE product (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    name            VARCHAR(100)  NOT NULL,
    category        VARCHAR(50)   NOT NULL,
    unit            VARCHAR(20)   NOT NULL,
    reference_price DECIMAL(14,2) NULL,
    county_code     CHAR(6)       NOT NULL,
    producer        VARCHAR(100)  NULL,
    version         INT           NOT NULL DEFAULT 0,
    created_at      DATETIME(3)   NOT NULL,
    updated_at      DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_product_county_name (county_code, name),
    KEY ix_product_category (category),
    CONSTRAINT fk_product_county FOREIGN KEY (county_code) REFERENCES county (code),
    CONSTRAINT ck_product_price CHECK (reference_price IS NULL OR reference_price >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One broadcast. live_date is the (Beijing-time) day the session started: summaries group by it.
CREATE TABLE live_session (
    id             BIGINT      NOT NULL AUTO_INCREMENT,
    campaign_id    BIGINT      NOT NULL,
    county_code    CHAR(6)     NOT NULL,
    platform       VARCHAR(20) NOT NULL,
    live_date      DATE        NOT NULL,
    starts_at      DATETIME    NOT NULL,
    ends_at        DATETIME    NOT NULL,
    views          BIGINT      NULL,
    unique_viewers BIGINT      NULL,
    peak_viewers   BIGINT      NULL,
    new_followers  BIGINT      NULL,
    version        INT         NOT NULL DEFAULT 0,
    created_at     DATETIME(3) NOT NULL,
    updated_at     DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    -- the target of sale_line's composite key: it keeps the copies in sale_line in step
    UNIQUE KEY uq_live_session_scope (id, campaign_id, county_code, live_date),
    KEY ix_live_session_campaign_county (campaign_id, county_code, live_date),
    KEY ix_live_session_campaign_day (campaign_id, live_date, county_code),
    KEY ix_live_session_county (county_code, live_date),
    CONSTRAINT fk_live_session_campaign_county FOREIGN KEY (campaign_id, county_code)
        REFERENCES campaign_county (campaign_id, county_code),
    CONSTRAINT ck_live_session_platform CHECK (platform IN ('DOUYIN', 'KUAISHOU', 'TAOBAO', 'OTHER')),
    CONSTRAINT ck_live_session_times CHECK (ends_at > starts_at),
    CONSTRAINT ck_live_session_day CHECK (live_date = CAST(starts_at AS DATE)),
    CONSTRAINT ck_live_session_audience CHECK ((views IS NULL OR views >= 0)
                                           AND (unique_viewers IS NULL OR unique_viewers >= 0)
                                           AND (peak_viewers IS NULL OR peak_viewers >= 0)
                                           AND (new_followers IS NULL OR new_followers >= 0))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE live_session_host (
    session_id BIGINT NOT NULL,
    host_id    BIGINT NOT NULL,
    PRIMARY KEY (session_id, host_id),
    KEY ix_live_session_host_host (host_id, session_id),
    CONSTRAINT fk_live_session_host_session FOREIGN KEY (session_id) REFERENCES live_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_live_session_host_host FOREIGN KEY (host_id) REFERENCES host (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE live_session_official (
    session_id  BIGINT NOT NULL,
    official_id BIGINT NOT NULL,
    PRIMARY KEY (session_id, official_id),
    KEY ix_live_session_official_official (official_id, session_id),
    CONSTRAINT fk_live_session_official_session FOREIGN KEY (session_id) REFERENCES live_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_live_session_official_official FOREIGN KEY (official_id) REFERENCES official (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- What one session sold of one product. campaign_id, county_code and live_date repeat the
-- session's so that summaries aggregate from one covering index without a join; the composite
-- foreign key (with ON UPDATE CASCADE) guarantees they never disagree with the session.
CREATE TABLE sale_line (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    session_id  BIGINT        NOT NULL,
    campaign_id BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    live_date   DATE          NOT NULL,
    product_id  BIGINT        NOT NULL,
    on_behalf   BOOLEAN       NOT NULL DEFAULT FALSE,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL DEFAULT 0,
    version     INT           NOT NULL DEFAULT 0,
    created_at  DATETIME(3)   NOT NULL,
    updated_at  DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sale_line_session_product (session_id, product_id),
    KEY ix_sale_line_campaign_county (campaign_id, county_code, live_date, units, orders, gross, refunds),
    KEY ix_sale_line_campaign_day (campaign_id, live_date, county_code, units, orders, gross, refunds),
    KEY ix_sale_line_campaign_product (campaign_id, product_id, units, orders, gross, refunds),
    KEY ix_sale_line_session_scope (session_id, campaign_id, county_code, live_date),
    KEY ix_sale_line_product (product_id),
    CONSTRAINT fk_sale_line_session FOREIGN KEY (session_id, campaign_id, county_code, live_date)
        REFERENCES live_session (id, campaign_id, county_code, live_date) ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT fk_sale_line_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_sale_line_counts CHECK (units >= 0 AND orders >= 0),
    CONSTRAINT ck_sale_line_money CHECK (gross >= 0 AND refunds >= 0 AND refunds <= gross)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Registered poor households (建档立卡贫困户). Personal data: names are seen only by the
-- coordinators of the household's county and by administrators.
CREATE TABLE household (
    id              BIGINT       NOT NULL AUTO_INCREMENT,
    registration_no VARCHAR(30)  NOT NULL,
    county_code     CHAR(6)      NOT NULL,
    village         VARCHAR(100) NOT NULL,
    head_name       VARCHAR(50)  NOT NULL,
    members         INT          NOT NULL,
    version         INT          NOT NULL DEFAULT 0,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_household_registration (registration_no),
    KEY ix_household_county (county_code, village),
    CONSTRAINT fk_household_county FOREIGN KEY (county_code) REFERENCES county (code),
    CONSTRAINT ck_household_members CHECK (members BETWEEN 1 AND 50)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A household's part in a campaign, optionally through one product. People assisted count each
-- household once however many links it has.
CREATE TABLE beneficiary_link (
    id           BIGINT        NOT NULL AUTO_INCREMENT,
    campaign_id  BIGINT        NOT NULL,
    household_id BIGINT        NOT NULL,
    county_code  CHAR(6)       NOT NULL,
    product_id   BIGINT        NULL,
    income       DECIMAL(14,2) NOT NULL DEFAULT 0,
    version      INT           NOT NULL DEFAULT 0,
    created_at   DATETIME(3)   NOT NULL,
    updated_at   DATETIME(3)   NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_beneficiary_link (campaign_id, household_id, product_id),
    KEY ix_beneficiary_campaign_county (campaign_id, county_code, household_id, income),
    KEY ix_beneficiary_household (household_id),
    KEY ix_beneficiary_product (product_id),
    CONSTRAINT fk_beneficiary_campaign_county FOREIGN KEY (campaign_id, county_code)
        REFERENCES campaign_county (campaign_id, county_code),
    CONSTRAINT fk_beneficiary_household FOREIGN KEY (household_id) REFERENCES household (id),
    CONSTRAINT fk_beneficiary_product FOREIGN KEY (product_id) REFERENCES product (id),
    CONSTRAINT ck_beneficiary_income CHECK (income >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Accounts. Coordinators are bound to counties through user_county.
CREATE TABLE app_user (
    id                  BIGINT       NOT NULL AUTO_INCREMENT,
    username            VARCHAR(50)  NOT NULL,
    display_name        VARCHAR(50)  NOT NULL,
    password_hash       VARCHAR(100) NOT NULL,
    role                VARCHAR(20)  NOT NULL,
    enabled             BOOLEAN      NOT NULL DEFAULT TRUE,
    password_changed_at DATETIME(3)  NOT NULL,
    version             INT          NOT NULL DEFAULT 0,
    created_at          DATETIME(3)  NOT NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_app_user_username (username),
    CONSTRAINT ck_app_user_role CHECK (role IN ('ADMIN', 'COORDINATOR', 'ASSOCIATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_county (
    user_id     BIGINT  NOT NULL,
    county_code CHAR(6) NOT NULL,
    PRIMARY KEY (user_id, county_code),
    KEY ix_user_county_county (county_code),
    CONSTRAINT fk_user_county_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_county_county FOREIGN KEY (county_code) REFERENCES county (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Server-side login sessions: the cookie holds a random token, the table its SHA-256, so a
-- logout or a disabled account ends the session on every app node at once.
CREATE TABLE login_session (
    token_hash   CHAR(64)    NOT NULL,
    user_id      BIGINT      NOT NULL,
    csrf_token   CHAR(43)    NOT NULL,
    created_at   DATETIME(3) NOT NULL,
    last_seen_at DATETIME(3) NOT NULL,
    PRIMARY KEY (token_hash),
    KEY ix_login_session_user (user_id),
    KEY ix_login_session_seen (last_seen_at),
    CONSTRAINT fk_login_session_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Failed logins per account and per address, for throttling.
CREATE TABLE login_throttle (
    subject         VARCHAR(120) NOT NULL,
    failures        INT          NOT NULL,
    last_failure_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (subject)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per form submission token: a second POST of the same form finds its row and is
-- answered with the record the first one made, never a second record.
CREATE TABLE form_submission (
    token       CHAR(36)     NOT NULL,
    result_path VARCHAR(200) NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (token),
    KEY ix_form_submission_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Bulk imports of sales; the file hash makes a re-upload of the same file a no-op.
CREATE TABLE sale_import (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    campaign_id BIGINT      NOT NULL,
    county_code CHAR(6)     NOT NULL,
    file_sha256 CHAR(64)    NOT NULL,
    file_name   VARCHAR(200) NOT NULL,
    row_count   INT         NOT NULL,
    user_id     BIGINT      NOT NULL,
    created_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uq_sale_import_file (campaign_id, county_code, file_sha256),
    CONSTRAINT fk_sale_import_campaign_county FOREIGN KEY (campaign_id, county_code)
        REFERENCES campaign_county (campaign_id, county_code),
    CONSTRAINT fk_sale_import_user FOREIGN KEY (user_id) REFERENCES app_user (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- Every create, update and delete of a business record: who, when, and the field values
-- before and after (a JSON object {"field": [before, after]}).
CREATE TABLE audit_event (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    occurred_at DATETIME(3) NOT NULL,
    user_id     BIGINT      NULL,
    username    VARCHAR(50) NOT NULL,
    action      VARCHAR(10) NOT NULL,
    entity_type VARCHAR(40) NOT NULL,
    entity_id   VARCHAR(40) NOT NULL,
    county_code CHAR(6)     NULL,
    changes     LONGTEXT    NOT NULL,
    PRIMARY KEY (id),
    KEY ix_audit_entity (entity_type, entity_id, occurred_at),
    KEY ix_audit_user (user_id, occurred_at),
    KEY ix_audit_time (occurred_at),
    CONSTRAINT ck_audit_action CHECK (action IN ('CREATE', 'UPDATE', 'DELETE', 'IMPORT'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
