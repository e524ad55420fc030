/*
 * Frozen databases for upgrade tests: a database declared exactly as an older version declared it,
 * filled from tests/fixtures/databases/v<N>.json, then closed, so the current code can open it.
 */
import { readFileSync } from 'node:fs';
import { Dexie } from 'dexie';
import { SCHEMA_VERSIONS, type SchemaVersion } from '../../src/storage/db';

export interface FrozenDatabase {
  version: number;
  tables: Record<string, Record<string, unknown>[]>;
}

export function readFrozenDatabase(version: number): FrozenDatabase {
  return JSON.parse(readFileSync(`tests/fixtures/databases/v${version}.json`, 'utf8')) as FrozenDatabase;
}

export async function createFrozenDatabase(name: string, frozen: FrozenDatabase): Promise<void> {
  const db = new Dexie(name);
  for (const { version, stores } of SCHEMA_VERSIONS.filter((v) => v.version <= frozen.version)) {
    db.version(version).stores(stores);
  }
  await db.open();
  await db.transaction('rw', db.tables, async () => {
    for (const [table, rows] of Object.entries(frozen.tables)) await db.table(table).bulkAdd(rows);
  });
  db.close();
}

export interface UpgradeFiles {
  upgradeFiles: string[];
  testFiles: string[];
  fixtureFiles: string[];
}

/** What is missing for each version: an upgrade file, its test, frozen databases of older versions. */
export function findUntestedUpgrades(versions: readonly SchemaVersion[], files: UpgradeFiles): string[] {
  const problems: string[] = [];
  const latest = Math.max(...versions.map((v) => v.version));
  for (const { version, upgrade } of versions) {
    if (version < latest && !files.fixtureFiles.includes(`v${version}.json`)) {
      problems.push(`version ${version} has no frozen database tests/fixtures/databases/v${version}.json`);
    }
    if (!upgrade) continue;
    if (!files.upgradeFiles.some((f) => f.startsWith(`v${version}-`))) {
      problems.push(`version ${version} transforms data but has no src/storage/upgrades/v${version}-*.ts`);
    }
    if (!files.testFiles.some((f) => f.startsWith(`v${version}-`) && f.endsWith('.test.ts'))) {
      problems.push(
        `version ${version} transforms data but has no tests/storage/upgrades/v${version}-*.test.ts`,
      );
    }
  }
  return problems;
}
