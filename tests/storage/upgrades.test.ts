import { existsSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { openWorkbookDatabase, SCHEMA_VERSIONS } from '../../src/storage/db';
import { createFrozenDatabase, findUntestedUpgrades, readFrozenDatabase } from './frozen-database';

const list = (folder: string) => (existsSync(folder) ? readdirSync(folder) : []);

describe('database versions', () => {
  it('every version that transforms data has its upgrade file, a test and a frozen database before it', () => {
    const problems = findUntestedUpgrades(SCHEMA_VERSIONS, {
      upgradeFiles: list('src/storage/upgrades'),
      testFiles: list('tests/storage/upgrades'),
      fixtureFiles: list('tests/fixtures/databases'),
    });
    expect(problems).toEqual([]);
  });

  it('the check itself catches an upgrade without a file, a test or an older frozen database', () => {
    const versions = [
      { version: 1, stores: {} },
      { version: 2, stores: {}, upgrade: async () => undefined },
      { version: 3, stores: {} },
    ];
    expect(
      findUntestedUpgrades(versions, { upgradeFiles: [], testFiles: [], fixtureFiles: ['v1.json'] }),
    ).toEqual([
      'version 2 has no frozen database tests/fixtures/databases/v2.json',
      'version 2 transforms data but has no src/storage/upgrades/v2-*.ts',
      'version 2 transforms data but has no tests/storage/upgrades/v2-*.test.ts',
    ]);
    expect(
      findUntestedUpgrades(versions, {
        upgradeFiles: ['v2-split-names.ts'],
        testFiles: ['v2-split-names.test.ts'],
        fixtureFiles: ['v1.json', 'v2.json'],
      }),
    ).toEqual([]);
  });

  it('versions are numbered in order and never reuse a number', () => {
    const numbers = SCHEMA_VERSIONS.map((v) => v.version);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  const latest = Math.max(...SCHEMA_VERSIONS.map((v) => v.version));
  const older = SCHEMA_VERSIONS.filter((v) => v.version < latest).map((v) => v.version);
  it.each(older)(
    'a frozen version %i database opens at the latest version with every record kept',
    async (version) => {
      const frozen = readFrozenDatabase(version);
      const name = `frozen-v${version}-${crypto.randomUUID()}`;
      await createFrozenDatabase(name, frozen);
      const db = openWorkbookDatabase(name);
      await db.open();
      expect(db.verno).toBe(latest);
      for (const [table, rows] of Object.entries(frozen.tables)) {
        expect(await db.table(table).toArray()).toEqual(rows);
      }
      for (const table of db.tables.filter((t) => !(t.name in frozen.tables))) {
        expect(await table.count(), `${table.name} starts empty`).toBe(0);
      }
      await db.caseAudits.add({ id: 'new-audit', criterionIds: ['hp-front-door'] } as never);
      expect(await db.caseAudits.where('criterionIds').equals('hp-front-door').count()).toBe(1);
      await db.delete();
    },
  );
});
