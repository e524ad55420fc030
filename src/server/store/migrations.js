// @ts-check
/*
 * PostgreSQL schema migrations: numbered, append-only, never edited once released. The server applies
 * the missing ones in order at start and refuses to run against a database migrated by a newer version.
 */

/** @type {ReadonlyArray<{ id: number, name: string, sql: string }>} */
export const MIGRATIONS = [
  {
    id: 1,
    name: 'documents',
    sql: `
      CREATE TABLE team_documents (
        name text PRIMARY KEY,
        state bytea NOT NULL,
        state_sha256 bytea NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );`,
  },
];
