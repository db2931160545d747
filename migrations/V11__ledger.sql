-- The ledger (docs/architecture.md, "Write path"): every change to sessions, sale lines,
-- households and beneficiary links goes through countylive.ledger.

-- A campaign county's revision: the ledger's lock on a campaign county is an UPDATE of this row,
-- so every committed change to the county's data in the campaign raises it by one. Unlike a
-- SELECT … FOR UPDATE, the UPDATE is replicated, so two cluster nodes writing one county conflict
-- at commit instead of both recomputing its rollups. A campaign's revision is the sum of its
-- counties' and of those that left it (retired_revision), so it never goes down
-- (countylive.campaign.Campaigns#revision). Changes of the campaign itself lock all its counties.
ALTER TABLE campaign_county ADD COLUMN revision BIGINT NOT NULL DEFAULT 0;
ALTER TABLE campaign ADD COLUMN retired_revision BIGINT NOT NULL DEFAULT 0;

-- Where an entry is filed besides under its own record (a sale line's entries under its session,
-- a beneficiary link's under its household), and the import file that made a change.
ALTER TABLE audit_event
    ADD COLUMN scope_type  VARCHAR(40)  NULL,
    ADD COLUMN scope_id    VARCHAR(40)  NULL,
    ADD COLUMN source_file VARCHAR(200) NULL,
    ADD KEY ix_audit_scope (scope_type, scope_id, entity_type, occurred_at);

-- Entries written before: a line's creation and deletion name its session, its updates do not
-- (they hold the changed fields only) and take the session of the line's creation.
UPDATE audit_event SET scope_type = 'live_session',
       scope_id = JSON_UNQUOTE(JSON_EXTRACT(changes, '$.sessionId[1]'))
WHERE entity_type = 'sale_line' AND action = 'CREATE';
UPDATE audit_event SET scope_type = 'live_session',
       scope_id = JSON_UNQUOTE(JSON_EXTRACT(changes, '$.sessionId[0]'))
WHERE entity_type = 'sale_line' AND action = 'DELETE';
UPDATE audit_event u JOIN audit_event c
    ON c.entity_type = 'sale_line' AND c.action = 'CREATE' AND c.entity_id = u.entity_id
SET u.scope_type = c.scope_type, u.scope_id = c.scope_id
WHERE u.entity_type = 'sale_line' AND u.action = 'UPDATE';

UPDATE audit_event SET scope_type = 'household',
       scope_id = JSON_UNQUOTE(JSON_EXTRACT(changes, '$.householdId[1]'))
WHERE entity_type = 'beneficiary_link' AND action = 'CREATE';
UPDATE audit_event SET scope_type = 'household',
       scope_id = JSON_UNQUOTE(JSON_EXTRACT(changes, '$.householdId[0]'))
WHERE entity_type = 'beneficiary_link' AND action = 'DELETE';
UPDATE audit_event u JOIN audit_event c
    ON c.entity_type = 'beneficiary_link' AND c.action = 'CREATE' AND c.entity_id = u.entity_id
SET u.scope_type = c.scope_type, u.scope_id = c.scope_id
WHERE u.entity_type = 'beneficiary_link' AND u.action = 'UPDATE';

-- An import may be made by a program (user_id NULL), as audit entries may.
ALTER TABLE sale_import MODIFY user_id BIGINT NULL;

-- An import's summary entry names its file in its own column too.
UPDATE audit_event SET source_file = LEFT(JSON_UNQUOTE(JSON_EXTRACT(changes, '$.file[1]')), 200)
WHERE entity_type = 'sale_import' AND action = 'IMPORT';
