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
