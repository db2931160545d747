-- Rollups at the grain of the summary's tables, so that a summary of a million sale lines reads
-- a few thousand rows (docs/performance.md). Kept in step by countylive.summary.SalesRollup in the
-- same transaction as every write of sessions and sale lines, like session_sales and product_sales.

-- One row per campaign, county and day with sessions: the session figures and, from
-- session_sales, the sales. The headline, the county and day tables and the overview add these up.
-- views stays NULL when no session of the day reported views, as a sum of the sessions would;
-- gross_with_views is the gross of the sessions that did report views (the numerator of sales
-- per thousand views).
CREATE TABLE county_day_sales (
    campaign_id        BIGINT        NOT NULL,
    county_code        CHAR(6)       NOT NULL,
    live_date          DATE          NOT NULL,
    sessions           INT           NOT NULL,
    live_seconds       BIGINT        NOT NULL,
    views              BIGINT        NULL,
    sessions_with_views INT          NOT NULL,
    peak_viewers       BIGINT        NULL,
    units              BIGINT        NOT NULL,
    orders             BIGINT        NOT NULL,
    gross              DECIMAL(14,2) NOT NULL,
    refunds            DECIMAL(14,2) NOT NULL,
    gross_with_views   DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, county_code, live_date),
    KEY ix_county_day_sales_day (campaign_id, live_date, county_code),
    CONSTRAINT fk_county_day_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per campaign, host and county of the sessions the host took part in: the host table
-- and the count of hosts. A session with two hosts counts for both.
CREATE TABLE host_sales (
    campaign_id BIGINT        NOT NULL,
    host_id     BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    sessions    INT           NOT NULL,
    units       BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    views       BIGINT        NULL,
    PRIMARY KEY (campaign_id, host_id, county_code),
    KEY ix_host_sales_host (host_id),
    CONSTRAINT fk_host_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_host_sales_host FOREIGN KEY (host_id) REFERENCES host (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The same for officials.
CREATE TABLE official_sales (
    campaign_id BIGINT        NOT NULL,
    official_id BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    sessions    INT           NOT NULL,
    units       BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    views       BIGINT        NULL,
    PRIMARY KEY (campaign_id, official_id, county_code),
    KEY ix_official_sales_official (official_id),
    CONSTRAINT fk_official_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_official_sales_official FOREIGN KEY (official_id) REFERENCES official (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- The summary's session list takes the first sessions in time order straight from this index.
CREATE INDEX ix_live_session_campaign_start ON live_session (campaign_id, live_date, starts_at);

INSERT INTO county_day_sales (campaign_id, county_code, live_date, sessions, live_seconds, views, sessions_with_views,
                              peak_viewers, units, orders, gross, refunds, gross_with_views)
SELECT s.campaign_id, s.county_code, s.live_date, COUNT(*), SUM(TIMESTAMPDIFF(SECOND, s.starts_at, s.ends_at)),
       SUM(s.views), COUNT(s.views), MAX(s.peak_viewers), COALESCE(SUM(t.units), 0), COALESCE(SUM(t.orders), 0),
       COALESCE(SUM(t.gross), 0), COALESCE(SUM(t.refunds), 0),
       COALESCE(SUM(CASE WHEN s.views IS NOT NULL THEN t.gross END), 0)
FROM live_session s LEFT JOIN session_sales t ON t.session_id = s.id
GROUP BY s.campaign_id, s.county_code, s.live_date;

INSERT INTO host_sales (campaign_id, host_id, county_code, sessions, units, gross, refunds, views)
SELECT s.campaign_id, h.host_id, s.county_code, COUNT(*), COALESCE(SUM(t.units), 0), COALESCE(SUM(t.gross), 0),
       COALESCE(SUM(t.refunds), 0), SUM(s.views)
FROM live_session_host h JOIN live_session s ON s.id = h.session_id LEFT JOIN session_sales t ON t.session_id = s.id
GROUP BY s.campaign_id, h.host_id, s.county_code;

INSERT INTO official_sales (campaign_id, official_id, county_code, sessions, units, gross, refunds, views)
SELECT s.campaign_id, o.official_id, s.county_code, COUNT(*), COALESCE(SUM(t.units), 0), COALESCE(SUM(t.gross), 0),
       COALESCE(SUM(t.refunds), 0), SUM(s.views)
FROM live_session_official o JOIN live_session s ON s.id = o.session_id LEFT JOIN session_sales t ON t.session_id = s.id
GROUP BY s.campaign_id, o.official_id, s.county_code;
