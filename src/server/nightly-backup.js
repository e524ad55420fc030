// @ts-check
/*
 * The nightly backup (design.md §8): once a night, every stored sync unit is read and two files are
 * written in TEAM_BACKUP_DIR: the workspace as a backup in the app's own format (restore it with
 * "Restore from a backup" in any browser), read from the units the way browsers read them
 * (src/team/unit-layout.js), and the units' Yjs states as they are stored, for a restore of the team
 * server itself. Each file is written to a temporary name and renamed, so a crash leaves last night's
 * file whole; the last 14 nights of each are kept. The units to read are the shared ones and those
 * listed in the registers unit's directory (every browser lists each unit it opens there). A unit
 * that cannot be read fails the whole night's backup: a backup missing records would pass for whole.
 * Logs carry counts, sizes and file names only.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import * as Y from 'yjs';
import { readUnitRecords } from '../team/unit-layout.js';
import { errorCode } from './log.js';
import { writeAtomically } from './store/file-store.js';
import { SHARED_UNITS, isUnitName } from './unit-names.js';

/** The tables of a workspace backup, in the file's order (src/export/backup/backup-format.ts). */
export const BACKUP_TABLES = /** @type {const} */ ([
  'settings',
  'frameworks',
  'cycles',
  'criterionAssessments',
  'judgementAssessments',
  'narratives',
  'evidence',
  'actions',
  'recommendations',
  'auditRounds',
  'caseAudits',
  'moderations',
  'indicators',
  'rehearsals',
  'notificationItems',
  'comments',
]);
export const BACKUPS_KEPT = 14;
const BACKUP_FILE = /^team-backup-(\d{4}-\d{2}-\d{2})\.json$/;
const UNITS_FILE = /^team-units-(\d{4}-\d{2}-\d{2})\.json$/;
const ROW_STAMPS = new Set(['id', 'updatedAt', 'updatedBy']);

/**
 * @param {import('./store/unit-store.js').UnitStore} store
 * @returns {Promise<Map<string, Uint8Array>>} every stored unit's state, by name
 */
async function readUnits(store) {
  /** @type {Map<string, Uint8Array>} */
  const states = new Map();
  const registers = await store.fetch('registers');
  const listed = [];
  if (registers) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, registers);
    listed.push(...doc.getMap('units').keys());
    doc.destroy();
  }
  for (const name of new Set([...SHARED_UNITS, ...listed])) {
    if (!isUnitName(name)) continue;
    const state = name === 'registers' ? registers : await store.fetch(name);
    if (state) states.set(name, state);
  }
  return states;
}

/**
 * The workspace backup of the units' states, as src/export/backup/backup-format.ts's buildBackup makes it.
 * A unit's settings and frameworks records are the workbook's rows with `id` as their `key`.
 * @param {Map<string, Uint8Array>} states
 * @param {{ appVersion: string, exportedAt: string }} details
 */
export function buildTeamBackup(states, details) {
  /** @type {Record<string, Map<string, Record<string, unknown>>>} */
  const byTable = Object.fromEntries(BACKUP_TABLES.map((table) => [table, new Map()]));
  for (const state of states.values()) {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, state);
    for (const table of BACKUP_TABLES) {
      for (const record of readUnitRecords(doc, table)) {
        const id = String(record['id']);
        const held = byTable[table]?.get(id);
        // One record lives in one unit; should two hold it, the later change is the one kept.
        if (!held || String(record['updatedAt'] ?? '') > String(held['updatedAt'] ?? ''))
          byTable[table]?.set(id, record);
      }
    }
    doc.destroy();
  }
  /** @type {Record<string, Record<string, unknown>[]>} */
  const records = {};
  for (const table of BACKUP_TABLES) {
    const list = [...(byTable[table]?.values() ?? [])].sort((a, b) =>
      String(a['id']) < String(b['id']) ? -1 : 1,
    );
    records[table] = list.map((record) => rowOf(table, record));
  }
  return { formatName: 'readiness-workspace', formatVersion: 1, ...details, records };
}

/**
 * @param {string} table
 * @param {Record<string, unknown>} record
 */
function rowOf(table, record) {
  const { id, ...rest } = record;
  if (table === 'frameworks') return { key: id, ...rest };
  if (table !== 'settings') return record;
  const value = Object.fromEntries(Object.entries(record).filter(([field]) => !ROW_STAMPS.has(field)));
  return { key: id, value, updatedAt: rest['updatedAt'], updatedBy: rest['updatedBy'] };
}

/**
 * Writes tonight's two files and removes those beyond the last 14 nights. Resolves to what was written.
 * @param {{
 *   store: import('./store/unit-store.js').UnitStore,
 *   dir: string,
 *   now: Date,
 *   appVersion: string,
 *   log: import('./log.js').Log,
 * }} options
 */
export async function writeNightlyBackup({ store, dir, now, appVersion, log }) {
  const started = Date.now();
  try {
    const states = await readUnits(store);
    const exportedAt = now.toISOString();
    const backup = buildTeamBackup(states, { appVersion, exportedAt });
    const day = exportedAt.slice(0, 10);
    const units = {
      formatName: 'readiness-team-units',
      formatVersion: 1,
      takenAt: exportedAt,
      units: Object.fromEntries(
        [...states].map(([name, state]) => [name, Buffer.from(state).toString('base64')]),
      ),
    };
    const backupBytes = Buffer.from(JSON.stringify(backup));
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await writeAtomically(dir, join(dir, `team-units-${day}.json`), Buffer.from(JSON.stringify(units)));
    await writeAtomically(dir, join(dir, `team-backup-${day}.json`), backupBytes);
    const removed = await keepNewest(dir);
    const recordCount = Object.values(backup.records).reduce((sum, list) => sum + list.length, 0);
    log.info('backup-written', {
      file: `team-backup-${day}.json`,
      units: states.size,
      records: recordCount,
      bytes: backupBytes.byteLength,
      removed,
      ms: Date.now() - started,
    });
    return { file: join(dir, `team-backup-${day}.json`), units: states.size, records: recordCount };
  } catch (error) {
    log.error('backup-failed', { store: store.kind, error: errorCode(error) });
    throw error;
  }
}

/** @param {string} dir */
async function keepNewest(dir) {
  const names = await readdir(dir);
  let removed = 0;
  for (const pattern of [BACKUP_FILE, UNITS_FILE]) {
    const nights = names.filter((name) => pattern.test(name)).sort();
    for (const old of nights.slice(0, Math.max(0, nights.length - BACKUPS_KEPT))) {
      await rm(join(dir, old), { force: true });
      removed++;
    }
  }
  // A temporary file left by a crash mid-write.
  for (const name of names.filter((n) => /^team-(backup|units)-.*\.tmp$/.test(n))) {
    await rm(join(dir, name), { force: true });
  }
  return removed;
}

/**
 * Runs the backup every night at `hour` o'clock server time. A night whose backup fails is logged and
 * the next night tries again.
 * @param {{
 *   store: import('./store/unit-store.js').UnitStore,
 *   dir: string,
 *   appVersion: string,
 *   log: import('./log.js').Log,
 *   hour?: number,
 *   now?: () => Date,
 * }} options
 */
export function scheduleNightlyBackups({ hour = 2, now = () => new Date(), ...options }) {
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @type {Promise<unknown>} */
  let running = Promise.resolve();
  let stopped = false;
  const next = () => {
    const at = now();
    const due = new Date(at);
    due.setHours(hour, 0, 0, 0);
    if (due <= at) due.setDate(due.getDate() + 1);
    timer = setTimeout(() => {
      running = writeNightlyBackup({ ...options, now: now() }).catch(() => undefined);
      void running.then(() => {
        if (!stopped) next();
      });
    }, due.getTime() - at.getTime());
    timer.unref();
  };
  next();
  return {
    /** Stops the schedule; resolves once a backup under way has finished. */
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
