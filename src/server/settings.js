// @ts-check
/*
 * The team server's settings, read once from the environment. Every problem is collected and reported
 * together in plain words, so a council's administrator fixes them in one go; the server never starts
 * with a half-valid configuration (no default secret, no plain-http identity provider off this machine).
 */
import { fileURLToPath } from 'node:url';
import { isAbsolute, resolve } from 'node:path';
import { DEMO_ROLES, parseRoleMappings } from './roles.js';

/**
 * @typedef {object} OidcSettings
 * @property {URL} issuer The identity provider's issuer, e.g. https://login.microsoftonline.com/<tenant>/v2.0
 * @property {string} clientId
 * @property {string | undefined} clientSecret Absent for a public client (PKCE only).
 */

/**
 * @typedef {object} Settings
 * @property {number} port
 * @property {string} host
 * @property {URL} publicUrl The address people type, e.g. https://readiness.council.gov.uk/ (always ends in /).
 * @property {OidcSettings | undefined} oidc Undefined only in demo mode until the demo provider has started.
 * @property {string} sessionSecret
 * @property {number} sessionHours
 * @property {string | undefined} databaseUrl
 * @property {string} dataDir
 * @property {string} workspace
 * @property {string} appDir
 * @property {number} maxMessageBytes
 * @property {number} maxConnectionsPerUser
 * @property {boolean} demo
 * @property {string} roleClaim The ID token claim holding groups or app roles (TEAM_ROLE_CLAIM).
 * @property {import('./roles.js').RoleMapping[]} roleMappings Claim value → role (TEAM_ROLES).
 * @property {string[]} admins OIDC subjects who are always administrators (TEAM_ADMINS).
 * @property {string | undefined} backupDir Where the nightly backup writes (TEAM_BACKUP_DIR); none when unset.
 */

const DEFAULT_APP_DIR = fileURLToPath(new URL('../../dist', import.meta.url));
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

export class SettingsError extends Error {
  /** @param {string[]} problems */
  constructor(problems) {
    super(`The team server cannot start:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/** @param {URL} url */
export function isLoopback(url) {
  return LOOPBACK.has(url.hostname);
}

/**
 * @param {Record<string, string | undefined>} env
 * @param {{ demo?: boolean, randomSecret?: () => string }} [options]
 * @returns {Settings}
 */
export function readSettings(env, options = {}) {
  const demo = options.demo === true;
  /** @type {string[]} */
  const problems = [];
  const text = (/** @type {string} */ name) => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };
  const whole = (/** @type {string} */ name, /** @type {number} */ fallback, min = 1, max = 2 ** 31) => {
    const raw = text(name);
    if (raw === undefined) return fallback;
    const value = Number(raw);
    if (Number.isInteger(value) && value >= min && value <= max) return value;
    problems.push(`${name} must be a whole number from ${min} to ${max} (it is "${raw}").`);
    return fallback;
  };

  const port = whole('PORT', 8080, 0, 65535);
  const host = text('HOST') ?? (demo ? '127.0.0.1' : '0.0.0.0');
  if (demo && host !== '127.0.0.1') problems.push('Demo mode listens on 127.0.0.1 only: leave HOST unset.');
  const publicUrl = readPublicUrl(
    text('PUBLIC_URL') ?? (demo ? `http://127.0.0.1:${port}/` : undefined),
    problems,
  );

  let oidc;
  const issuer = text('OIDC_ISSUER');
  if (demo) {
    if (issuer)
      problems.push('Demo mode brings its own practice sign-in: unset OIDC_ISSUER, or drop --demo.');
  } else {
    oidc = readOidc(issuer, text('OIDC_CLIENT_ID'), text('OIDC_CLIENT_SECRET'), problems);
  }

  let sessionSecret = text('SESSION_SECRET');
  if (!sessionSecret && demo && options.randomSecret) sessionSecret = options.randomSecret();
  if (!sessionSecret || sessionSecret.length < 32) {
    problems.push('SESSION_SECRET must be set to a random value of at least 32 characters.');
  }

  const settings = {
    port,
    host,
    publicUrl: publicUrl ?? new URL('http://127.0.0.1/'),
    oidc,
    sessionSecret: sessionSecret ?? '',
    sessionHours: whole('TEAM_SESSION_HOURS', 12, 1, 24 * 30),
    databaseUrl: text('DATABASE_URL'),
    dataDir: resolve(text('TEAM_DATA_DIR') ?? (demo ? './team-data-demo' : './team-data')),
    workspace: text('TEAM_WORKSPACE') ?? (demo ? 'Demo workspace (not for real data)' : 'Team workspace'),
    appDir: resolve(text('TEAM_APP_DIR') ?? DEFAULT_APP_DIR),
    maxMessageBytes: whole('TEAM_MAX_MESSAGE_BYTES', 8 * 1024 * 1024, 1024),
    maxConnectionsPerUser: whole('TEAM_MAX_CONNECTIONS_PER_USER', 20, 1, 10_000),
    demo,
    roleClaim: text('TEAM_ROLE_CLAIM') ?? 'groups',
    roleMappings: parseRoleMappings(text('TEAM_ROLES') ?? (demo ? DEMO_ROLES : undefined), problems),
    admins: (text('TEAM_ADMINS') ?? '')
      .split(',')
      .map((id) => id.trim())
      .filter(Boolean),
    backupDir: readBackupDir(text('TEAM_BACKUP_DIR'), problems),
  };
  if (!/^[\w.:/-]{1,200}$/.test(settings.roleClaim)) {
    problems.push('TEAM_ROLE_CLAIM must name one claim, e.g. groups or roles.');
  }
  if (settings.workspace.length > 200) problems.push('TEAM_WORKSPACE must be at most 200 characters.');
  if (problems.length) throw new SettingsError(problems);
  return settings;
}

/**
 * @param {string | undefined} raw
 * @param {string[]} problems
 */
function readBackupDir(raw, problems) {
  if (raw === undefined) return undefined;
  if (!isAbsolute(raw)) {
    problems.push(
      `TEAM_BACKUP_DIR must be a full folder path, e.g. /var/backups/readiness (it is "${raw}").`,
    );
    return undefined;
  }
  return resolve(raw);
}

/**
 * @param {string | undefined} raw
 * @param {string[]} problems
 */
function readPublicUrl(raw, problems) {
  if (!raw) {
    problems.push('PUBLIC_URL must be set to the address people use, e.g. https://readiness.council.gov.uk');
    return undefined;
  }
  let url;
  try {
    url = new URL(raw);
  } catch {
    problems.push(`PUBLIC_URL is not a web address ("${raw}").`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    problems.push('PUBLIC_URL must start with https:// (plain http is only for 127.0.0.1 or localhost).');
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    problems.push('PUBLIC_URL must be the bare address with no path: the server serves the app at its root.');
  }
  return new URL(`${url.origin}/`);
}

/**
 * @param {string | undefined} issuer
 * @param {string | undefined} clientId
 * @param {string | undefined} clientSecret
 * @param {string[]} problems
 * @returns {OidcSettings | undefined}
 */
function readOidc(issuer, clientId, clientSecret, problems) {
  if (!issuer) problems.push('OIDC_ISSUER must name the identity provider (or run with --demo to try it).');
  if (!clientId) problems.push('OIDC_CLIENT_ID must be set to the app registration’s client id.');
  if (!issuer || !clientId) return undefined;
  let url;
  try {
    url = new URL(issuer);
  } catch {
    problems.push(`OIDC_ISSUER is not a web address ("${issuer}").`);
    return undefined;
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopback(url))) {
    problems.push(
      'OIDC_ISSUER must start with https:// (plain http is only for a provider on this machine).',
    );
  }
  return { issuer: url, clientId, clientSecret };
}
