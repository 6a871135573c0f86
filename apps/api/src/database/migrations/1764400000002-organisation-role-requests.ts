import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Asking for an organisation role, and the record of every grant, change and revocation.
 *
 * A person asks ("let me author policies for the county council", with a note); the
 * organisation's admins (or a site admin) approve or decline; the person may withdraw while
 * it is pending. At most one request per person and organisation is pending at a time, so
 * admins never see the same ask twice.
 *
 * `organisation_role_changes` is append-only (the same trigger as revisions): who changed
 * whose role from what to what, when and why. `actor_id` null means the system did it
 * (this migration, the demo seed); `to_role` null means the role was revoked.
 */
export class OrganisationRoleRequests1764400000002 implements MigrationInterface {
  name = 'OrganisationRoleRequests1764400000002';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE role_request_status AS ENUM ('PENDING', 'APPROVED', 'DECLINED', 'WITHDRAWN')`);
    await db.query(`
      CREATE TABLE organisation_role_requests (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role organisation_role NOT NULL,
        note text CHECK (length(note) <= 500),
        status role_request_status NOT NULL DEFAULT 'PENDING',
        -- The admin who approved or declined, or the requester who withdrew.
        decided_by uuid REFERENCES users (id) ON DELETE SET NULL,
        decided_at timestamptz(3),
        decision_note text CHECK (length(decision_note) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT now(),
        CHECK ((status = 'PENDING') = (decided_at IS NULL)),
        CHECK (status <> 'PENDING' OR decision_note IS NULL)
      )`);
    // One pending ask per person and organisation; also the index of an organisation's queue.
    await db.query(`
      CREATE UNIQUE INDEX organisation_role_requests_one_pending
        ON organisation_role_requests (organisation_id, user_id) WHERE status = 'PENDING'`);
    await db.query(`CREATE INDEX organisation_role_requests_user_idx ON organisation_role_requests (user_id, created_at DESC)`);

    await db.query(`
      CREATE TABLE organisation_role_changes (
        id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
        organisation_id uuid NOT NULL REFERENCES organisations (id),
        user_id uuid NOT NULL REFERENCES users (id),
        actor_id uuid REFERENCES users (id),
        from_role organisation_role,
        to_role organisation_role,
        reason text CHECK (length(reason) <= 500),
        created_at timestamptz(3) NOT NULL DEFAULT clock_timestamp(),
        CHECK (from_role IS DISTINCT FROM to_role)
      )`);
    await db.query(`CREATE INDEX organisation_role_changes_organisation_idx ON organisation_role_changes (organisation_id, created_at DESC, id DESC)`);
    await db.query(`CREATE INDEX organisation_role_changes_user_idx ON organisation_role_changes (user_id)`);
    await db.query(`
      CREATE TRIGGER organisation_role_changes_append_only BEFORE UPDATE OR DELETE ON organisation_role_changes
        FOR EACH ROW EXECUTE FUNCTION refuse_row_change()`);

    // Roles held before changes were recorded (converted from declared "policy author"
    // affiliations by 1764400000000) get their grant on the record, by the system.
    await db.query(`
      INSERT INTO organisation_role_changes (organisation_id, user_id, actor_id, from_role, to_role, reason, created_at)
      SELECT organisation_id, user_id, granted_by, NULL, role, 'Held before role changes were recorded.', granted_at
        FROM organisation_memberships`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`DROP TABLE organisation_role_changes`);
    await db.query(`DROP TABLE organisation_role_requests`);
    await db.query(`DROP TYPE role_request_status`);
  }
}
