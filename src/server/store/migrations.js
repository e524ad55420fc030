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
  {
    id: 2,
    name: 'roles and allocations',
    sql: `
      CREATE TABLE team_role_grants (
        user_id text PRIMARY KEY,
        roles text[] NOT NULL,
        agency text,
        granted_by text NOT NULL,
        granted_at timestamptz NOT NULL
      );
      CREATE TABLE team_unit_allocations (
        name text PRIMARY KEY,
        allocation jsonb NOT NULL,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE team_access_changes (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL,
        by_user text NOT NULL,
        kind text NOT NULL,
        subject text NOT NULL,
        before jsonb,
        after jsonb
      );`,
  },
  {
    id: 3,
    name: 'people who have signed in',
    sql: `
      CREATE TABLE team_people (
        user_id text PRIMARY KEY,
        name text NOT NULL,
        email text,
        claimed_roles text[] NOT NULL DEFAULT '{}',
        claimed_agency text,
        seen_at timestamptz NOT NULL
      );`,
  },
];
