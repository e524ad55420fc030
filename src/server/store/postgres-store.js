// @ts-check
/*
 * Sync units in PostgreSQL: one row per unit (name, state as bytea, its SHA-256, updated_at). Migrations
 * run under an advisory lock so two starting servers never race. A row whose checksum does not match
 * is refused on load, never replaced.
 */
import pg from 'pg';
import { MIGRATIONS } from './migrations.js';
import { UnitLoadError, sha256 } from './unit-store.js';

/** An arbitrary constant that names this application's migration lock. */
const MIGRATION_LOCK = 7_301_946;

/**
 * @param {string} connectionString
 * @returns {Promise<import('./unit-store.js').UnitStore>}
 */
export async function openPostgresStore(connectionString) {
  const pool = new pg.Pool({ connectionString, max: 10, connectionTimeoutMillis: 10_000 });
  // An idle client that loses its connection must not crash the process; the next query reconnects.
  pool.on('error', () => undefined);
  try {
    await migrate(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return {
    kind: 'postgres',
    async fetch(name) {
      const result = await pool.query('SELECT state, state_sha256 FROM team_documents WHERE name = $1', [
        name,
      ]);
      const row = result.rows[0];
      if (!row) return null;
      if (!Buffer.isBuffer(row.state) || !sha256(row.state).equals(row.state_sha256)) {
        throw new UnitLoadError('checksum-mismatch');
      }
      return new Uint8Array(row.state.buffer, row.state.byteOffset, row.state.byteLength);
    },
    async store(name, state) {
      const bytes = Buffer.from(state.buffer, state.byteOffset, state.byteLength);
      await pool.query(
        `INSERT INTO team_documents (name, state, state_sha256, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (name) DO UPDATE SET state = $2, state_sha256 = $3, updated_at = now()`,
        [name, bytes, sha256(bytes)],
      );
    },
    async loadAccess() {
      const grants = await pool.query(
        'SELECT user_id, roles, agency, granted_by, granted_at FROM team_role_grants ORDER BY user_id',
      );
      const allocations = await pool.query('SELECT name, allocation FROM team_unit_allocations');
      const people = await pool.query(
        'SELECT user_id, name, email, claimed_roles, claimed_agency, seen_at FROM team_people ORDER BY name',
      );
      return {
        people: people.rows.map((row) => ({
          userId: row.user_id,
          name: row.name,
          ...(row.email ? { email: row.email } : {}),
          claimedRoles: row.claimed_roles,
          ...(row.claimed_agency ? { claimedAgency: row.claimed_agency } : {}),
          seenAt: new Date(row.seen_at).toISOString(),
        })),
        grants: grants.rows.map((row) => ({
          userId: row.user_id,
          roles: row.roles,
          ...(row.agency ? { agency: row.agency } : {}),
          grantedBy: row.granted_by,
          grantedAt: new Date(row.granted_at).toISOString(),
        })),
        allocations: allocations.rows.map((row) => ({ unit: row.name, allocation: row.allocation })),
      };
    },
    async saveGrant(grant, change) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO team_role_grants (user_id, roles, agency, granted_by, granted_at) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (user_id) DO UPDATE SET roles = $2, agency = $3, granted_by = $4, granted_at = $5`,
          [grant.userId, grant.roles, grant.agency ?? null, grant.grantedBy, grant.grantedAt],
        );
        await recordChange(client, change);
      });
    },
    async savePerson(person) {
      await pool.query(
        `INSERT INTO team_people (user_id, name, email, claimed_roles, claimed_agency, seen_at)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (user_id) DO UPDATE SET name = $2, email = $3, claimed_roles = $4, claimed_agency = $5, seen_at = $6`,
        [
          person.userId,
          person.name,
          person.email ?? null,
          person.claimedRoles ?? [],
          person.claimedAgency ?? null,
          person.seenAt,
        ],
      );
    },
    async saveAllocation(unit, allocation, change) {
      await inTransaction(pool, async (client) => {
        await client.query(
          `INSERT INTO team_unit_allocations (name, allocation, updated_at) VALUES ($1, $2, now())
           ON CONFLICT (name) DO UPDATE SET allocation = $2, updated_at = now()`,
          [unit, JSON.stringify(allocation)],
        );
        await recordChange(client, change);
      });
    },
    async accessChanges(limit) {
      const result = await pool.query(
        'SELECT at, by_user, kind, subject, before, after FROM team_access_changes ORDER BY id DESC LIMIT $1',
        [limit],
      );
      return result.rows.map((row) => ({
        at: new Date(row.at).toISOString(),
        by: row.by_user,
        kind: row.kind,
        subject: row.subject,
        before: row.before,
        after: row.after,
      }));
    },
    close: () => pool.end(),
  };
}

/**
 * @param {pg.Pool} pool
 * @param {(client: pg.PoolClient) => Promise<void>} work
 */
async function inTransaction(pool, work) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await work(client);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/**
 * @param {pg.PoolClient} client
 * @param {import('./unit-store.js').AccessChange} change
 */
function recordChange(client, change) {
  return client.query(
    'INSERT INTO team_access_changes (at, by_user, kind, subject, before, after) VALUES ($1, $2, $3, $4, $5, $6)',
    [
      change.at,
      change.by,
      change.kind,
      change.subject,
      JSON.stringify(change.before ?? null),
      JSON.stringify(change.after ?? null),
    ],
  );
}

/** @param {pg.Pool} pool */
async function migrate(pool) {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    await client.query(`CREATE TABLE IF NOT EXISTS team_migrations (
      id integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
    const applied = new Set(
      (await client.query('SELECT id FROM team_migrations')).rows.map((row) => Number(row.id)),
    );
    const newest = Math.max(0, ...applied);
    const known = Math.max(...MIGRATIONS.map((m) => m.id));
    if (newest > known) {
      throw new Error(
        `The database was set up by a newer team server (migration ${newest}; this one knows up to ${known}).`,
      );
    }
    for (const migration of MIGRATIONS) {
      if (applied.has(migration.id)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO team_migrations (id, name) VALUES ($1, $2)', [
        migration.id,
        migration.name,
      ]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}
