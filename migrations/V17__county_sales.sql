-- The national overview at scale (docs/performance.md): one row per campaign county with its
-- sessions' figures and sales, the sum of its county_day_sales rows. The overview's campaign,
-- province and national figures add up these few thousand rows instead of county_day_sales, which
-- has a row per county and day (170,000 rows at 10 million sale lines). The ledger recomputes a
-- campaign county's row from its county_day_sales rows whenever it recomputes any of them
-- (countylive.ledger.Rollups). views stays NULL when no session of the county reported views.
CREATE TABLE county_sales (
    campaign_id BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    sessions    INT           NOT NULL,
    views       BIGINT        NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, county_code),
    KEY ix_county_sales_county (county_code, campaign_id),
    CONSTRAINT fk_county_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO county_sales (campaign_id, county_code, sessions, views, units, orders, gross, refunds)
SELECT campaign_id, county_code, SUM(sessions), SUM(views), SUM(units), SUM(orders), SUM(gross), SUM(refunds)
FROM county_day_sales
GROUP BY campaign_id, county_code;
