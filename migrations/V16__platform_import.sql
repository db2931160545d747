-- Imports of the platforms' own exports (Douyin compass, Taobao Live 生意参谋): countylive.platform.

-- What a platform reports of a session that County Live has no field for (buyers, average watch
-- time, conversion rates, 千川 spend …), kept with the session as the platform named it, and the
-- account and platform session id the session was matched by. Written by the ledger only.
CREATE TABLE live_session_platform (
    session_id          BIGINT       NOT NULL,
    account             VARCHAR(100) NULL,
    platform_session_id VARCHAR(64)  NULL,
    metrics             TEXT         NOT NULL,
    gross_source        VARCHAR(40)  NOT NULL,
    source_file         VARCHAR(200) NULL,
    updated_at          DATETIME(3)  NOT NULL,
    PRIMARY KEY (session_id),
    KEY ix_live_session_platform_account (account),
    CONSTRAINT fk_live_session_platform_session FOREIGN KEY (session_id) REFERENCES live_session (id)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A platform's product id, once a coordinator matched it to a County Live product: the next
-- export of the same product is matched without asking.
CREATE TABLE platform_product (
    platform    VARCHAR(20)  NOT NULL,
    external_id VARCHAR(64)  NOT NULL,
    product_id  BIGINT       NOT NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (platform, external_id, product_id),
    KEY ix_platform_product_product (product_id),
    CONSTRAINT fk_platform_product_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The state between an upload and its confirmation, kept in the database so that any app node
-- can show the preview and take the confirmation: the uploaded files themselves (read again for
-- each showing, against the data as it is then), and after the confirmation what it did. The
-- token is also the confirmation's one-time submission token: a double confirm writes once.
-- Kept for a day (countylive.platform.PreviewStore purges older ones).
CREATE TABLE platform_preview (
    token       CHAR(36)     NOT NULL,
    user_id     BIGINT       NOT NULL,
    campaign_id BIGINT       NOT NULL,
    county_code CHAR(6)      NOT NULL,
    outcome     TEXT         NULL,
    created_at  DATETIME(3)  NOT NULL,
    PRIMARY KEY (token),
    KEY ix_platform_preview_created (created_at),
    CONSTRAINT fk_platform_preview_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_platform_preview_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE platform_preview_file (
    token     CHAR(36)     NOT NULL,
    position  INT          NOT NULL,
    file_name VARCHAR(200) NOT NULL,
    content   LONGBLOB     NOT NULL,
    PRIMARY KEY (token, position),
    CONSTRAINT fk_platform_preview_file_preview FOREIGN KEY (token) REFERENCES platform_preview (token)
        ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
