// @vitest-environment node
/*
 * Every hostile or broken framework file in tests/fixtures/invalid/frameworks is refused, never throws,
 * and explains itself with exactly the messages listed for it in expected.json.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { MAX_FRAMEWORK_BYTES, readFrameworkFile } from '../../../src/import/framework/import-framework';
import { formatIssue } from '../../../src/validation/messages';

const folder = 'tests/fixtures/invalid/frameworks';
const fixtures = readdirSync(folder)
  .filter((name) => name !== 'expected.json')
  .sort();
const expected = JSON.parse(readFileSync(join(folder, 'expected.json'), 'utf8')) as Record<string, string[]>;
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(folder, name)));

describe('invalid framework fixtures', () => {
  it('has an expected list for every fixture, and a fixture for every expected list', () => {
    expect(fixtures.length).toBeGreaterThanOrEqual(25);
    expect(Object.keys(expected).sort()).toEqual(fixtures);
  });

  it.each(fixtures)('refuses %s with the expected messages', (name) => {
    const result = readFrameworkFile(bytesOf(name));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages.map(formatIssue)).toEqual(expected[name]);
    expect(result.messages.every((m) => m.severity === 'error')).toBe(true);
  });

  it('never throws, whatever the fixture', () => {
    for (const name of fixtures) expect(() => readFrameworkFile(bytesOf(name)), name).not.toThrow();
  });

  it('refuses __proto__ fields as unknown without polluting Object.prototype', () => {
    const result = readFrameworkFile(bytesOf('proto-pollution.json'));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['unknown-field', 'unknown-field']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    readFrameworkFile(bytesOf('field-named-constructor.json'));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('explains, without throwing or leaking code words, any field replaced by a hostile value', () => {
    const framework = JSON.parse(readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8'));
    const question = { id: 'q1', text: 'Seen alone?', answerType: 'grade', criterionIds: ['c'] };
    const domain = { id: 'v', title: 'Voice', graded: true, questions: [question] };
    const tool = { id: 'cic', version: 1, title: 'Audit', caseType: 'children-in-care', scaleId: 's' };
    framework.auditTools = [{ ...tool, domains: [domain] }];
    framework.criteria[0].gradeDescriptors = { good: 'Good practice.' };
    framework.criteria[0].extensions = { localRef: 'EX-1' };
    framework.supersedes = { frameworkId: 'old', version: 1, criterionMap: { a: ['c'] } };
    const paths: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (path.length) paths.push(path);
      if (value && typeof value === 'object')
        for (const [key, child] of Object.entries(value))
          walk(child, [...path, Array.isArray(value) ? Number(key) : key]);
    };
    walk(framework, []);
    const hostile: unknown[] = [
      null,
      1.5,
      -1,
      '',
      'constructor',
      [],
      {},
      { hostileKey: { polluted: true } },
      'x'.repeat(7000),
    ];
    const leaks = /undefined|\[object|function|NaN|a problem was found|\(schema/;
    for (const path of paths) {
      for (const value of [...hostile, '__delete__']) {
        const copy = structuredClone(framework);
        const parent = path.slice(0, -1).reduce((node, key) => node[key], copy);
        if (value === '__delete__') delete parent[path.at(-1)!];
        else parent[path.at(-1)!] = value;
        // A real "__proto__" key, as JSON.parse makes it: an object literal would set the prototype instead.
        const text = JSON.stringify(copy).replace('"hostileKey"', '"__proto__"');
        const result = readFrameworkFile(new TextEncoder().encode(text));
        if (result.ok) continue;
        for (const message of result.messages.map(formatIssue))
          expect(message, path.join('/')).not.toMatch(leaks);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses a file over 5 MB with the size message before parsing it', () => {
    // A valid framework padded with spaces past the limit: only its size is wrong.
    const framework = readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8');
    const text = framework + ' '.repeat(MAX_FRAMEWORK_BYTES + 1 - framework.length);
    const bytes = new TextEncoder().encode(text);
    expect(bytes.byteLength).toBe(MAX_FRAMEWORK_BYTES + 1);
    const parse = vi.spyOn(JSON, 'parse');
    const decode = vi.spyOn(TextDecoder.prototype, 'decode');
    const result = readFrameworkFile(bytes);
    expect(parse).not.toHaveBeenCalled();
    expect(decode).not.toHaveBeenCalled();
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.messages.map(formatIssue)).toEqual([
      'The file: the file is 5.1 MB, larger than the 5.0 MB this import accepts. Check it is the right file.',
    ]);
  });

  it('accepts the same framework when it is just under the limit', () => {
    const framework = readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8');
    const text = framework + ' '.repeat(MAX_FRAMEWORK_BYTES - framework.length);
    expect(readFrameworkFile(new TextEncoder().encode(text)).ok).toBe(true);
  });
});
