// The role settings a council sets (TEAM_ROLE_CLAIM, TEAM_ROLES, TEAM_ADMINS, TEAM_BACKUP_DIR), checked with
// clear messages, and the roles the identity provider's groups claim gives through them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rolesFromClaims } from '../../src/server/roles.js';
import { SettingsError, readSettings } from '../../src/server/settings.js';

const realEnv = {
  PUBLIC_URL: 'https://readiness.northshire.gov.uk',
  OIDC_ISSUER: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
  OIDC_CLIENT_ID: 'client',
  SESSION_SECRET: 'x'.repeat(32),
};
const ADMINS = '5c1e0a9e-0000-4000-8000-000000000001';
const POLICE = '5c1e0a9e-0000-4000-8000-000000000002';

test('Entra ID app roles or groups map to roles; a partner agency’s group names its agency', () => {
  const settings = readSettings({
    ...realEnv,
    TEAM_ROLE_CLAIM: 'roles',
    TEAM_ROLES: `admin=${ADMINS}, reader=Readiness.Reader, partner-auditor:police=${POLICE}`,
    TEAM_ADMINS: 'subject-1, subject-2',
    TEAM_BACKUP_DIR: '/var/backups/readiness',
  });
  assert.deepEqual(settings.admins, ['subject-1', 'subject-2']);
  assert.equal(settings.backupDir, '/var/backups/readiness');
  assert.deepEqual(rolesFromClaims({ roles: [POLICE, 'Readiness.Reader'] }, settings), {
    roles: ['partner-auditor', 'reader'],
    agency: 'police',
  });
  assert.deepEqual(rolesFromClaims({ roles: ADMINS }, settings), { roles: ['admin'] });
  assert.deepEqual(rolesFromClaims({ groups: [ADMINS] }, settings), { roles: [] }, 'another claim');
  assert.equal(readSettings(realEnv).backupDir, undefined, 'no backup folder unless set');
});

test('a mistaken TEAM_ROLES or TEAM_BACKUP_DIR stops the start and says what to fix', () => {
  assert.throws(
    () =>
      readSettings({
        ...realEnv,
        TEAM_ROLES: `owner=${ADMINS},reader=,partner-auditor=${POLICE},admin:police=${ADMINS}`,
        TEAM_BACKUP_DIR: 'backups',
        TEAM_ROLE_CLAIM: 'two claims',
      }),
    (error) => {
      assert.ok(error instanceof SettingsError);
      const text = error.problems.join('\n');
      assert.match(text, /"owner=.*" does not start with a role/);
      assert.match(text, /"reader=" needs the group or app role/);
      assert.match(text, /partner-auditor needs its agency/);
      assert.match(text, /only partner-auditor takes an agency/);
      assert.match(text, /TEAM_BACKUP_DIR must be a full folder path/);
      assert.match(text, /TEAM_ROLE_CLAIM must name one claim/);
      return true;
    },
  );
});
