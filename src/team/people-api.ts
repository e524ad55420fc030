/*
 * An administrator's view of the team server's people and roles (/auth/people, same origin): everyone
 * who has signed in, by name, with the roles they have now, and the record of every change of role. The
 * server checks that the caller is an administrator and that a grant is valid; this only asks and says.
 */

import type { Role } from '../server/roles.js';

export type RoleId = Role;

/** Each of the server's roles (src/server/roles.js) in words: a role added there must be named here. */
export const ROLE_NAMES: Readonly<Record<RoleId, string>> = {
  admin: 'Administrator',
  contributor: 'Contributor',
  auditor: 'Auditor',
  moderator: 'Moderator',
  'partner-auditor': 'Partner-agency auditor',
  reader: 'Reader',
};

export const AGENCY_PROBLEM = 'Enter the partner agency, such as police or health';

export interface KnownPerson {
  userId: string;
  name: string;
  email?: string;
  /** Every role they have now: from the identity provider at their last sign-in, and granted here. */
  roles: RoleId[];
  /** The roles an administrator granted in the workspace. */
  granted: RoleId[];
  agency: string | null;
  seenAt: string;
}

export interface RoleChange {
  at: string;
  by: string;
  subject: string;
  before: { roles: RoleId[]; agency: string | null } | null;
  after: { roles: RoleId[]; agency: string | null } | null;
}

export interface People {
  known: KnownPerson[];
  changes: RoleChange[];
}

export type PeopleOutcome = { ok: true; people: People } | { ok: false; problem: string };

const PROBLEMS: Record<string, string> = {
  forbidden: 'Only a workspace administrator can see and change people’s roles.',
  'not-signed-in': 'You are signed out. Sign in again to change people’s roles.',
  roles: 'Choose roles from the list.',
  agency: AGENCY_PROBLEM,
};
const UNREACHABLE = 'The team server could not be reached. Check your connection and try again.';

function problemOf(status: number, body: { error?: string; problem?: string } | undefined): string {
  if (status === 403) return PROBLEMS.forbidden!;
  if (status === 401) return PROBLEMS['not-signed-in']!;
  return PROBLEMS[body?.problem ?? ''] ?? `The team server refused the change (${body?.problem ?? status}).`;
}

async function answer(response: Response | undefined): Promise<PeopleOutcome | undefined> {
  if (!response) return { ok: false, problem: UNREACHABLE };
  if (response.ok) return undefined;
  const body = (await response.json().catch(() => undefined)) as
    { error?: string; problem?: string } | undefined;
  return { ok: false, problem: problemOf(response.status, body) };
}

export async function loadPeople(): Promise<PeopleOutcome> {
  const response = await fetch('/auth/people', { headers: { accept: 'application/json' } }).catch(
    () => undefined,
  );
  const refused = await answer(response);
  if (refused) return refused;
  const body = (await response!.json().catch(() => ({}))) as Partial<People> & { changes?: unknown[] };
  const changes = (body.changes ?? []).filter((c): c is RoleChange & { kind: string } =>
    Boolean(c && typeof c === 'object' && (c as { kind?: unknown }).kind === 'grant'),
  );
  return { ok: true, people: { known: body.known ?? [], changes } };
}

/** Sets the roles granted in the workspace to one person (replacing what was granted before). */
export async function grantRoles(userId: string, roles: RoleId[], agency: string): Promise<PeopleOutcome> {
  const response = await fetch('/auth/people', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      id: userId,
      roles,
      ...(agency.trim() ? { agency: agency.trim().toLowerCase() } : {}),
    }),
  }).catch(() => undefined);
  const refused = await answer(response);
  if (refused) return refused;
  return loadPeople();
}
