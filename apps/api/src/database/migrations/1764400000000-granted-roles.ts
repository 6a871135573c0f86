import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Rights are granted, never declared. Declared affiliations stay a profile statement;
 * what a person may do at an organisation is an `organisation_memberships` row that an
 * organisation admin (or a site admin) granted, and what they may moderate is a
 * `community_moderators` row a site admin appointed. Both are read by the one permission
 * policy (modules/access) when a session is resolved.
 *
 * Existing declared "policy author" affiliations become granted POLICY_AUTHOR memberships
 * once, here, so no author loses the right they had on upgrade; from now on declaring one
 * grants nothing.
 */
export class GrantedRoles1764400000000 implements MigrationInterface {
  name = 'GrantedRoles1764400000000';

  async up(db: QueryRunner): Promise<void> {
    await db.query(`CREATE TYPE organisation_role AS ENUM ('MEMBER', 'POLICY_AUTHOR', 'ORG_ADMIN')`);
    await db.query(`
      CREATE TABLE organisation_memberships (
        organisation_id uuid NOT NULL REFERENCES organisations (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        role organisation_role NOT NULL,
        granted_by uuid REFERENCES users (id) ON DELETE SET NULL,
        granted_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (organisation_id, user_id)
      )`);
    await db.query(`CREATE INDEX organisation_memberships_user_id_idx ON organisation_memberships (user_id)`);
    await db.query(`
      INSERT INTO organisation_memberships (organisation_id, user_id, role)
      SELECT DISTINCT organisation_id, user_id, 'POLICY_AUTHOR'::organisation_role
        FROM affiliations WHERE lower(role) = 'policy author'`);

    await db.query(`
      CREATE TABLE community_moderators (
        community_id uuid NOT NULL REFERENCES communities (id) ON DELETE CASCADE,
        user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        appointed_by uuid REFERENCES users (id) ON DELETE SET NULL,
        appointed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (community_id, user_id)
      )`);
    await db.query(`CREATE INDEX community_moderators_user_id_idx ON community_moderators (user_id)`);

    // A suspended member keeps reading; the permission policy refuses them every write
    // until this instant. Erased accounts keep their row (posts point at it) with nothing
    // personal left in it.
    await db.query(`ALTER TABLE users ADD COLUMN suspended_until timestamptz`);
    await db.query(`ALTER TABLE users ADD COLUMN suspension_reason text CHECK (length(suspension_reason) <= 500)`);
    await db.query(`ALTER TABLE users ADD COLUMN erased_at timestamptz`);
  }

  async down(db: QueryRunner): Promise<void> {
    await db.query(`ALTER TABLE users DROP COLUMN erased_at, DROP COLUMN suspension_reason, DROP COLUMN suspended_until`);
    await db.query(`DROP TABLE community_moderators`);
    await db.query(`DROP TABLE organisation_memberships`);
    await db.query(`DROP TYPE organisation_role`);
  }
}
