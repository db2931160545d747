-- The national overview at scale (docs/performance.md): one row per campaign county with its
-- sessions' figures and sales, the sum of its county_day_sales rows (the peak their largest). The
-- overview's campaign, province and national figures add up these few thousand rows instead of
-- county_day_sales, which has a row per county and day (170,000 rows at 10 million sale lines);
-- a campaign's headline and county table read its rows when no date range narrows them. The ledger recomputes a
-- campaign county's row from its county_day_sales rows whenever it recomputes any of them
-- (countylive.ledger.Rollups). views stays NULL when no session of the county reported views.
CREATE TABLE county_sales (
    campaign_id BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    sessions    INT           NOT NULL,
    live_seconds BIGINT       NOT NULL,
    views       BIGINT        NULL,
    sessions_with_views INT   NOT NULL,
    peak_viewers BIGINT       NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    gross_with_views DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, county_code),
    KEY ix_county_sales_county (county_code, campaign_id),
    CONSTRAINT fk_county_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO county_sales (campaign_id, county_code, sessions, live_seconds, views, sessions_with_views, peak_viewers,
                          units, orders, gross, refunds, gross_with_views)
SELECT campaign_id, county_code, SUM(sessions), SUM(live_seconds), SUM(views), SUM(sessions_with_views),
       MAX(peak_viewers), SUM(units), SUM(orders), SUM(gross), SUM(refunds), SUM(gross_with_views)
FROM county_day_sales
GROUP BY campaign_id, county_code;
