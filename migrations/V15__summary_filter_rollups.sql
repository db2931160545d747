-- Performance, round two: what a cached summary is keyed by, and rollups at the grain of the
-- summary's date filter (docs/summaries.md, docs/data-model.md).

-- Versions that rise with every committed change of data the summaries show but that does not
-- raise a campaign county's revision. One row, 'master': raised in the same transaction as every
-- audited change of a campaign, partner, county, host, official or product (countylive.audit.AuditTrail),
-- so a summary cached under an older version (a county's or a host's old name) is never served again.
CREATE TABLE data_version (
    name    VARCHAR(20) NOT NULL,
    version BIGINT      NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO data_version (name, version) VALUES ('master', 0);

-- Rollups at the grain of the summary's date filter: the host, official and product tables of a
-- date range add these up over the range's days instead of reading the range's sessions and sale
-- lines. One row per campaign, day, county (of the session) and person or product, keyed with the
-- day before the county so that a range of days is one range of the primary key. The ledger
-- recomputes a (campaign, county, day)'s rows with its county_day_sales row (countylive.ledger.Rollups).

-- A person's sessions of the day, with those sessions' sales; a session with two hosts counts for both.
CREATE TABLE host_day_sales (
    campaign_id BIGINT        NOT NULL,
    live_date   DATE          NOT NULL,
    county_code CHAR(6)       NOT NULL,
    host_id     BIGINT        NOT NULL,
    sessions    INT           NOT NULL,
    units       BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    views       BIGINT        NULL,
    PRIMARY KEY (campaign_id, live_date, county_code, host_id),
    KEY ix_host_day_sales_host (host_id),
    CONSTRAINT fk_host_day_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_host_day_sales_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE official_day_sales (
    campaign_id BIGINT        NOT NULL,
    live_date   DATE          NOT NULL,
    county_code CHAR(6)       NOT NULL,
    official_id BIGINT        NOT NULL,
    sessions    INT           NOT NULL,
    units       BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    views       BIGINT        NULL,
    PRIMARY KEY (campaign_id, live_date, county_code, official_id),
    KEY ix_official_day_sales_official (official_id),
    CONSTRAINT fk_official_day_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_official_day_sales_official FOREIGN KEY (official_id) REFERENCES official (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- A product's lines of the day in the county of the selling sessions (one line per session and product).
CREATE TABLE product_day_sales (
    campaign_id BIGINT        NOT NULL,
    live_date   DATE          NOT NULL,
    county_code CHAR(6)       NOT NULL,
    product_id  BIGINT        NOT NULL,
    line_count  INT           NOT NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, live_date, county_code, product_id),
    KEY ix_product_day_sales_product (product_id),
    CONSTRAINT fk_product_day_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_product_day_sales_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The backfill: the same statements as the ledger's (Rollups), over every campaign.
INSERT INTO host_day_sales (campaign_id, live_date, county_code, host_id, sessions, units, gross, refunds, views)
SELECT s.campaign_id, s.live_date, s.county_code, p.host_id, COUNT(*), COALESCE(SUM(t.units), 0),
       COALESCE(SUM(t.gross), 0), COALESCE(SUM(t.refunds), 0), SUM(s.views)
FROM live_session_host p JOIN live_session s ON s.id = p.session_id
LEFT JOIN session_sales t ON t.session_id = s.id
GROUP BY s.campaign_id, s.live_date, s.county_code, p.host_id;

INSERT INTO official_day_sales (campaign_id, live_date, county_code, official_id, sessions, units, gross, refunds,
                                views)
SELECT s.campaign_id, s.live_date, s.county_code, p.official_id, COUNT(*), COALESCE(SUM(t.units), 0),
       COALESCE(SUM(t.gross), 0), COALESCE(SUM(t.refunds), 0), SUM(s.views)
FROM live_session_official p JOIN live_session s ON s.id = p.session_id
LEFT JOIN session_sales t ON t.session_id = s.id
GROUP BY s.campaign_id, s.live_date, s.county_code, p.official_id;

INSERT INTO product_day_sales (campaign_id, live_date, county_code, product_id, line_count, units, orders, gross,
                               refunds)
SELECT l.campaign_id, l.live_date, l.county_code, l.product_id, COUNT(*), SUM(l.units), SUM(l.orders),
       SUM(l.gross), SUM(l.refunds)
FROM sale_line l
GROUP BY l.campaign_id, l.live_date, l.county_code, l.product_id;

-- A product's lines of a week (Monday to Sunday) in the county of the selling sessions: a long date
-- range adds up its whole weeks from here and only its first and last days from product_day_sales
-- (a month is about four weeks and a few days: a fifth of the rows). Products have the most rows of
-- the three (a county sells many products a day), hence a weekly level for them alone.
CREATE TABLE product_week_sales (
    campaign_id BIGINT        NOT NULL,
    week_start  DATE          NOT NULL,
    county_code CHAR(6)       NOT NULL,
    product_id  BIGINT        NOT NULL,
    line_count  INT           NOT NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, week_start, county_code, product_id),
    KEY ix_product_week_sales_product (product_id),
    CONSTRAINT fk_product_week_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_product_week_sales_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO product_week_sales (campaign_id, week_start, county_code, product_id, line_count, units, orders, gross,
                                refunds)
SELECT l.campaign_id, l.live_date - INTERVAL WEEKDAY(l.live_date) DAY AS week_start, l.county_code, l.product_id,
       COUNT(*), SUM(l.units), SUM(l.orders), SUM(l.gross), SUM(l.refunds)
FROM sale_line l
GROUP BY l.campaign_id, week_start, l.county_code, l.product_id;
