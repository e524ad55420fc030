/*
 * Frozen databases for upgrade tests: a database declared exactly as an older version declared it,
 * filled from tests/fixtures/databases/v<N>.json, then closed, so the current code can open and
 * upgrade it. Also the pure check that every upgrade has its file, its test and its frozen databases.
 */
import { existsSync, readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import type { SchemaVersion } from '../../src/storage/db';

export const FIXTURE_FOLDER = 'tests/fixtures/databases';

export interface FrozenDatabase {
  version: number;
  /** The stores every version up to this one declared, as they were declared then. */
  schema: { version: number; stores: Record<string, string> }[];
  tables: Record<string, Record<string, unknown>[]>;
}

export function readFrozenDatabase(version: number): FrozenDatabase {
  return JSON.parse(readFileSync(`${FIXTURE_FOLDER}/v${version}.json`, 'utf8')) as FrozenDatabase;
}

/**
 * What a frozen database must hold once opened by the current code: its own records, unless a later
 * version transforms data, in which case v<N>-at-latest.json says exactly what they become.
 */
export function expectedAtLatest(frozen: FrozenDatabase): FrozenDatabase['tables'] {
  const file = `${FIXTURE_FOLDER}/v${frozen.version}-at-latest.json`;
  if (!existsSync(file)) return frozen.tables;
  return (JSON.parse(readFileSync(file, 'utf8')) as Pick<FrozenDatabase, 'tables'>).tables;
}

/** Declares only the versions up to the frozen one (taken from `versions`), fills it, closes it. */
export async function createFrozenDatabase(
  name: string,
  frozen: FrozenDatabase,
  versions: readonly SchemaVersion[],
): Promise<void> {
  const db = new Dexie(name);
  for (const { version, stores } of versions.filter((v) => v.version <= frozen.version)) {
    db.version(version).stores(stores);
  }
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(frozen.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}

export interface UpgradeFiles {
  /** File names in src/storage/upgrades */
  upgradeFiles: string[];
  /** File names in tests/storage/upgrades */
  testFiles: string[];
  /** File names in tests/fixtures/databases */
  fixtureFiles: string[];
}

/**
 * Everything missing, as sentences: every version below the latest needs a frozen database; a
 * version that transforms data needs its upgrade file, its test and a frozen database of the version
 * before; and every frozen database older than a transforming version needs v<N>-at-latest.json.
 */
export function findUntestedUpgrades(versions: readonly SchemaVersion[], files: UpgradeFiles): string[] {
  const problems: string[] = [];
  const latest = Math.max(...versions.map((v) => v.version));
  const hasFixture = (version: number) => files.fixtureFiles.includes(`v${version}.json`);
  for (const { version, upgrade } of versions) {
    if (version < latest && !hasFixture(version)) {
      problems.push(`version ${version} has no frozen database ${FIXTURE_FOLDER}/v${version}.json`);
    }
    const transformedLater = versions.some((v) => v.version > version && v.upgrade);
    if (version < latest && transformedLater && !files.fixtureFiles.includes(`v${version}-at-latest.json`)) {
      problems.push(
        `version ${version} is transformed by a later upgrade but has no ${FIXTURE_FOLDER}/v${version}-at-latest.json`,
      );
    }
    if (upgrade) problems.push(...missingForUpgrade(version, versions, files));
  }
  return problems;
}

function missingForUpgrade(
  version: number,
  versions: readonly SchemaVersion[],
  files: UpgradeFiles,
): string[] {
  const problems: string[] = [];
  const named = (f: string) => f.startsWith(`v${version}-`);
  if (!files.upgradeFiles.some((f) => named(f) && f.endsWith('.ts'))) {
    problems.push(`version ${version} transforms data but has no src/storage/upgrades/v${version}-*.ts`);
  }
  if (!files.testFiles.some((f) => named(f) && f.endsWith('.test.ts'))) {
    problems.push(
      `version ${version} transforms data but has no tests/storage/upgrades/v${version}-*.test.ts`,
    );
  }
  const before = Math.max(...versions.map((v) => v.version).filter((v) => v < version));
  if (Number.isFinite(before) && !files.fixtureFiles.includes(`v${before}.json`)) {
    problems.push(
      `version ${version} transforms data but there is no frozen ${FIXTURE_FOLDER}/v${before}.json`,
    );
  }
  return problems;
}
