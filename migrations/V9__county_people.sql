-- People assisted per campaign and household county: the distinct households linked to the
-- campaign (each once however many links it has) and their members. Kept in step by
-- countylive.summary.PeopleRollup in the same transaction as every change of a link or of a linked
-- household; the headline, the county table and the overview add these rows up instead of
-- joining every link of a campaign to its household.
CREATE TABLE county_people (
    campaign_id BIGINT  NOT NULL,
    county_code CHAR(6) NOT NULL,
    households  INT     NOT NULL,
    people      BIGINT  NOT NULL,
    PRIMARY KEY (campaign_id, county_code),
    CONSTRAINT fk_county_people_campaign FOREIGN KEY (campaign_id) REFERENCES campaign (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO county_people (campaign_id, county_code, households, people)
SELECT b.campaign_id, h.county_code, COUNT(*), SUM(h.members)
FROM (SELECT DISTINCT campaign_id, household_id FROM beneficiary_link) b JOIN household h ON h.id = b.household_id
GROUP BY b.campaign_id, h.county_code;
