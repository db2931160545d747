-- Maintained rollups of sale_line for the summaries (docs/summaries.md, docs/data-model.md).
-- Kept in step by countylive.summary.SalesRollup in the same transaction as every write of
-- sale_line (no triggers): each refresh deletes the rows of the keys it is given and inserts
-- them again aggregated from sale_line, so it is idempotent.

-- One row per session that has sale lines; campaign, county and day copied from the session.
-- line_count: LINES is a reserved word in MySQL and MariaDB.
CREATE TABLE session_sales (
    session_id  BIGINT        NOT NULL,
    campaign_id BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    live_date   DATE          NOT NULL,
    line_count  BIGINT        NOT NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (session_id),
    KEY ix_session_sales_campaign_county (campaign_id, county_code, live_date, units, orders, gross, refunds),
    KEY ix_session_sales_campaign_day (campaign_id, live_date, county_code, units, orders, gross, refunds),
    CONSTRAINT fk_session_sales_session FOREIGN KEY (session_id) REFERENCES live_session (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

-- One row per campaign, product and county of the sessions that sold it (the session's county,
-- not the product's: a product sold on behalf counts in the selling county, as in sale_line).
CREATE TABLE product_sales (
    campaign_id BIGINT        NOT NULL,
    product_id  BIGINT        NOT NULL,
    county_code CHAR(6)       NOT NULL,
    line_count  BIGINT        NOT NULL,
    units       BIGINT        NOT NULL,
    orders      BIGINT        NOT NULL,
    gross       DECIMAL(14,2) NOT NULL,
    refunds     DECIMAL(14,2) NOT NULL,
    PRIMARY KEY (campaign_id, product_id, county_code),
    KEY ix_product_sales_product (product_id),
    CONSTRAINT fk_product_sales_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE,
    CONSTRAINT fk_product_sales_product FOREIGN KEY (product_id) REFERENCES product (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO session_sales (session_id, campaign_id, county_code, live_date, line_count, units, orders, gross, refunds)
SELECT session_id, campaign_id, county_code, live_date, COUNT(*), SUM(units), SUM(orders), SUM(gross), SUM(refunds)
FROM sale_line
GROUP BY session_id, campaign_id, county_code, live_date;

INSERT INTO product_sales (campaign_id, product_id, county_code, line_count, units, orders, gross, refunds)
SELECT campaign_id, product_id, county_code, COUNT(*), SUM(units), SUM(orders), SUM(gross), SUM(refunds)
FROM sale_line
GROUP BY campaign_id, product_id, county_code;
