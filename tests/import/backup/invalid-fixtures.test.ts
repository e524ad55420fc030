// @vitest-environment node
/*
 * Every hostile or broken backup in tests/fixtures/invalid/backups goes through the backup door, never
 * throws, and explains itself with exactly the messages listed for it in expected.json: refused (nothing
 * restored), or restored with what was set aside. Each fixture is valid-base.json with one thing wrong.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBackupFile, readBackupValue } from '../../../src/import/backup/read-backup';
import { formatIssue } from '../../../src/validation/messages';
import { shippedLibrary } from '../../helpers/shipped-library';

const folder = 'tests/fixtures/invalid/backups';
const fixtures = readdirSync(folder)
  .filter((name) => name !== 'expected.json')
  .sort();
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<
  string,
  { outcome: 'refused' | 'restored'; messages: string[] }
>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(folder, name)));

describe('invalid backup fixtures', () => {
  it('has an expected outcome for every fixture, and a fixture for every expected outcome', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(40);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
    expect(expected['valid-base.json']).toEqual({ outcome: 'restored', messages: [] });
  });

  it.each(fixtures)('reads %s with the expected outcome and messages', async (name) => {
    const read = await readBackupFile(bytesOf(name), undefined, await shippedLibrary());
    const { outcome, messages } = expected[name]!;
    if (outcome === 'refused') {
      expect(read.ok).toBe(false);
      if (read.ok) return;
      expect(read.messages.map(formatIssue)).toEqual(messages);
      expect(read.messages.every((m) => m.severity === 'error')).toBe(true);
      return;
    }
    expect(read.ok ? read.setAside.map(formatIssue) : read.messages.map(formatIssue)).toEqual(messages);
    if (!read.ok) return;
    expect(read.setAside.every((m) => m.severity === 'warning')).toBe(true);
    // What was set aside is gone: the restored records pass the door again with nothing to say.
    const again = readBackupValue(structuredClone(read.backup), await shippedLibrary());
    expect(again.ok && again.setAside).toEqual([]);
  });

  it('never changes the file it reads, whatever it sets aside', async () => {
    const library = await shippedLibrary();
    for (const name of fixtures) {
      const value = JSON.parse(new TextDecoder().decode(bytesOf(name)));
      const before = JSON.stringify(value);
      readBackupValue(value, library);
      // The door fills in tables older files lack; apart from that the value is as it was.
      expect(JSON.stringify(value), name).toBe(before);
    }
  });

  it('refuses a cycle on an unknown framework even without the shipped frameworks at hand', async () => {
    const read = await readBackupFile(bytesOf('cycle-unknown-framework.json'));
    expect(read.ok).toBe(false);
    // …and restores the valid file, knowing the shipped ids and versions from their index.
    const valid = await readBackupFile(bytesOf('valid-base.json'));
    expect(valid.ok && valid.setAside).toEqual([]);
  });

  it('never throws, and never shows code words, whatever value replaces any field', async () => {
    const library = await shippedLibrary();
    const base = JSON.parse(new TextDecoder().decode(bytesOf('valid-base.json')));
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      // The embedded framework has its own door and its own hostile-value test.
      if (path.length) paths.push(path);
      if (value && typeof value === 'object' && path.at(-1) !== 'framework')
        for (const [key, child] of Object.entries(value))
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(base, []);
    const hostile: unknown[] = [null, 1.5, -1, '', 'constructor', '__proto__', [], {}, 'x'.repeat(3000)];
    const leaks = /undefined|\[object|function|NaN|a problem was found|\(schema/;
    for (const path of paths) {
      for (const value of [...hostile, '__delete__']) {
        const copy = structuredClone(base);
        const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
        if (value === '__delete__') delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = value;
        const read = readBackupValue(copy, library);
        const messages = read.ok ? read.setAside : read.messages;
        for (const message of messages.map(formatIssue)) expect(message, path.join('/')).not.toMatch(leaks);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  }, 60_000);
});
