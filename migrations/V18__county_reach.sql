-- People assisted across all campaigns, per household county: the county's households linked to
-- any campaign, each once however many campaigns link it, and their members. The national
-- overview adds these rows up (at most one per county) instead of matching every household
-- against every link (60,000 households and 72,000 links at 10 million sale lines). Kept by the
-- ledger with county_people (countylive.ledger.PeopleRollup): every change of a link or of a linked
-- household recomputes the rows of the households' counties. The overview restricted to accepted
-- figures still counts from the links, as only their campaign counties' sign-off says which count.
CREATE TABLE county_reach (
    county_code CHAR(6) NOT NULL,
    households  INT     NOT NULL,
    people      BIGINT  NOT NULL,
    PRIMARY KEY (county_code),
    CONSTRAINT fk_county_reach_county FOREIGN KEY (county_code) REFERENCES county (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

INSERT INTO county_reach (county_code, households, people)
SELECT h.county_code, COUNT(*), SUM(h.members)
FROM household h
WHERE EXISTS (SELECT 1 FROM beneficiary_link b WHERE b.household_id = h.id)
GROUP BY h.county_code;
