import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkbookDatabase, SCHEMA_VERSIONS, type SchemaVersion } from '../../src/storage/db';
import {
  createFrozenDatabase,
  expectedAtLatest,
  FIXTURE_FOLDER,
  findUntestedUpgrades,
  readFrozenDatabase,
} from './frozen-database';

const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);
const LATEST = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
const OLDER = SCHEMA_VERSIONS.filter((v) => v.version < LATEST).map((v) => v.version);
const upgradeModules = import.meta.glob<Record<string, unknown>>('../../src/storage/upgrades/v*.ts', {
  eager: true,
});

describe('database versions', () => {
  it('every version has its frozen database, and every upgrade its file, test and older database', () => {
    const problems = findUntestedUpgrades(SCHEMA_VERSIONS, {
      upgradeFiles: list('src/storage/upgrades'),
      testFiles: list('tests/storage/upgrades'),
      fixtureFiles: list(FIXTURE_FOLDER),
    });
    expect(problems).toEqual([]);
  });

  it('every upgrade is the function its file exports', () => {
    for (const { version, upgrade } of SCHEMA_VERSIONS.filter((v) => v.upgrade)) {
      const file = Object.keys(upgradeModules).find((path) => path.includes(`/upgrades/v${version}-`));
      expect(file, `src/storage/upgrades/v${version}-*.ts`).toBeDefined();
      expect(Object.values(upgradeModules[file!]!)).toContain(upgrade);
    }
  });

  it('versions are numbered 1, 2, 3… in order, never reused or skipped', () => {
    expect(SCHEMA_VERSIONS.map((v) => v.version)).toEqual(SCHEMA_VERSIONS.map((_, index) => index + 1));
  });

  it.each(OLDER)(
    'version %i is declared exactly as its frozen database recorded (append-only)',
    (version) => {
      const declared = SCHEMA_VERSIONS.filter((v) => v.version <= version).map((v) => ({
        version: v.version,
        stores: v.stores,
      }));
      expect(declared).toEqual(readFrozenDatabase(version).schema);
    },
  );

  it.each(OLDER)('the frozen version %i database holds a record in every table it had', (version) => {
    const frozen = readFrozenDatabase(version);
    const tables = [...new Set(frozen.schema.flatMap((v) => Object.keys(v.stores)))].sort();
    expect(Object.keys(frozen.tables).sort()).toEqual(tables);
    for (const table of tables) expect(frozen.tables[table]!.length, table).toBeGreaterThan(0);
  });
});

describe('upgrading a frozen database to the latest version', () => {
  it.each(OLDER)(
    'version %i: every record is kept and every new table is empty and usable',
    async (version) => {
      const frozen = readFrozenDatabase(version);
      const name = `frozen-v${version}-${crypto.randomUUID()}`;
      await createFrozenDatabase(name, frozen, SCHEMA_VERSIONS);
      const db = openWorkbookDatabase(name);
      await db.open();
      try {
        expect(db.verno).toBe(LATEST);
        const expected = expectedAtLatest(frozen);
        for (const [table, rows] of Object.entries(expected)) {
          expect(sortByKey(await db.table(table).toArray()), table).toEqual(sortByKey(rows));
        }
        for (const table of db.tables.filter((t) => !(t.name in expected))) {
          expect(await table.count(), `${table.name} starts empty`).toBe(0);
          await table.add(probe(table.schema.primKey.keyPath));
          expect(await table.count(), `${table.name} takes a record`).toBe(1);
        }
        expectEveryIndexBuilt(db.backendDB(), db.tables);
      } finally {
        await db.delete();
      }
    },
  );

  it('the frozen database is really old: it has only the tables of its version', async () => {
    const frozen = readFrozenDatabase(1);
    const name = `frozen-check-${crypto.randomUUID()}`;
    await createFrozenDatabase(name, frozen, SCHEMA_VERSIONS);
    const raw = await rawOpen(name);
    expect(raw.version).toBe(10);
    expect([...raw.objectStoreNames].sort()).toEqual(['frameworks', 'settings']);
    raw.close();
    indexedDB.deleteDatabase(name);
  });
});

describe('findUntestedUpgrades (the check itself)', () => {
  const versions: SchemaVersion[] = [
    { version: 1, stores: {} },
    { version: 2, stores: {}, upgrade: async () => undefined },
    { version: 3, stores: {} },
  ];

  it('names everything missing for an upgrade without a file, a test or frozen databases', () => {
    expect(findUntestedUpgrades(versions, { upgradeFiles: [], testFiles: [], fixtureFiles: [] })).toEqual([
      'version 1 has no frozen database tests/fixtures/databases/v1.json',
      'version 1 is transformed by a later upgrade but has no tests/fixtures/databases/v1-at-latest.json',
      'version 2 has no frozen database tests/fixtures/databases/v2.json',
      'version 2 transforms data but has no src/storage/upgrades/v2-*.ts',
      'version 2 transforms data but has no tests/storage/upgrades/v2-*.test.ts',
      'version 2 transforms data but there is no frozen tests/fixtures/databases/v1.json',
    ]);
  });

  it('is satisfied once every file is there', () => {
    expect(
      findUntestedUpgrades(versions, {
        upgradeFiles: ['README.md', 'v2-split-names.ts'],
        testFiles: ['v2-split-names.test.ts'],
        fixtureFiles: ['v1.json', 'v1-at-latest.json', 'v2.json'],
      }),
    ).toEqual([]);
  });

  it('does not take a file of another version, or a non-test file, for the one needed', () => {
    expect(
      findUntestedUpgrades(versions, {
        upgradeFiles: ['v3-split-names.ts', 'v2-split-names.md'],
        testFiles: ['v2-split-names.ts'],
        fixtureFiles: ['v1.json', 'v1-at-latest.json', 'v2.json'],
      }),
    ).toEqual([
      'version 2 transforms data but has no src/storage/upgrades/v2-*.ts',
      'version 2 transforms data but has no tests/storage/upgrades/v2-*.test.ts',
    ]);
  });

  it('asks only for frozen databases of older versions when nothing transforms data', () => {
    const plain = versions.map(({ version, stores }) => ({ version, stores }));
    expect(
      findUntestedUpgrades(plain, { upgradeFiles: [], testFiles: [], fixtureFiles: ['v1.json'] }),
    ).toEqual(['version 2 has no frozen database tests/fixtures/databases/v2.json']);
  });
});

function sortByKey(rows: unknown[]): unknown[] {
  const key = (row: unknown) =>
    JSON.stringify((row as { id?: unknown; key?: unknown }).id ?? (row as { key?: unknown }).key);
  return [...rows].sort((a, b) => key(a).localeCompare(key(b)));
}

function probe(keyPath: string | string[] | null | undefined): Record<string, string> {
  if (typeof keyPath !== 'string') throw new Error('Every table is keyed by one field');
  return { [keyPath]: 'probe' };
}

/** The browser's own stores carry every index the current schema declares, and no other. */
function expectEveryIndexBuilt(
  idb: IDBDatabase,
  tables: { name: string; schema: { indexes: { name: string }[] } }[],
) {
  const transaction = idb.transaction(
    tables.map((t) => t.name),
    'readonly',
  );
  for (const table of tables) {
    const built = [...transaction.objectStore(table.name).indexNames].sort();
    expect(built, `${table.name} indexes`).toEqual(table.schema.indexes.map((i) => i.name).sort());
  }
}

function rawOpen(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}
