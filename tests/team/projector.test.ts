// @vitest-environment node
import { beforeAll, describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { Framework } from '../../src/domain/framework/types';
import {
  WORK_TABLES,
  type SyncedRecord,
  type SyncedTable,
} from '../../src/storage/repositories/team-repository';
import {
  canonical,
  conflictsOf,
  readAllRecords,
  readRecord,
  settleConflict,
  watchTeamChanges,
  writeRecord,
} from '../../src/team/projector';
import { unitOfRecord } from '../../src/team/units';
import { makeCriterionAssessment, makeNarrative } from '../helpers/builders';
import { seededWorkspace } from '../helpers/seeded-workspace';
import { shippedLibrary } from '../helpers/shipped-library';

const who = (by: string, at = '2026-06-01T09:00:00.000Z') => ({ by, at });
const plain = (record: unknown) => JSON.parse(canonical(record)) as unknown;

/** Two replicas of one unit, connected by hand: what the server does between two browsers. */
function pair() {
  const a = new Y.Doc();
  const b = new Y.Doc();
  const sync = () => {
    Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)), 'team');
    Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)), 'team');
  };
  return { a, b, sync };
}

/** The seeded workspace's ids are any text a backup may hold; the server's unit names need UUIDs. */
function withUuids(records: Record<SyncedTable, SyncedRecord[]>): Record<SyncedTable, SyncedRecord[]> {
  const ids = new Map<string, string>();
  for (const table of WORK_TABLES) for (const r of records[table] ?? []) ids.set(r.id, crypto.randomUUID());
  const swap = (value: unknown): unknown =>
    typeof value === 'string'
      ? (ids.get(value) ?? value)
      : Array.isArray(value)
        ? value.map(swap)
        : value && typeof value === 'object'
          ? Object.fromEntries(Object.entries(value).map(([k, v]) => [k, swap(v)]))
          : value;
  return swap(records) as Record<SyncedTable, SyncedRecord[]>;
}

let shipped: readonly Framework[];
beforeAll(async () => {
  shipped = (await shippedLibrary()).shipped;
});

describe('records ↔ unit documents', () => {
  test('every record of every synced table comes back field for field through its unit', () => {
    const records = withUuids(seededWorkspace(7, shipped) as unknown as Record<SyncedTable, SyncedRecord[]>);
    const docs = new Map<string, Y.Doc>();
    const kinds = new Set<string>();
    for (const table of WORK_TABLES) {
      expect(records[table]?.length, `${table} in the seeded workspace`).toBeGreaterThan(0);
      for (const record of records[table]) {
        const unit = unitOfRecord(table, record);
        expect(unit, `${table} ${record.id}`).toBeDefined();
        kinds.add(unit!.split(':')[0]!);
        if (!docs.has(unit!)) docs.set(unit!, new Y.Doc());
        writeRecord(docs.get(unit!)!, table, record, undefined, who('Priya'));
      }
    }
    expect([...kinds].sort()).toEqual(['audit', 'cycle', 'moderation', 'registers', 'rehearsals', 'round']);
    // Through the wire format too: what a second browser receives.
    for (const [unit, doc] of docs) {
      const copy = new Y.Doc();
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc), 'team');
      for (const table of WORK_TABLES) {
        const expected = records[table].filter((r) => unitOfRecord(table, r) === unit);
        const back = readAllRecords(copy, table);
        expect(back.map(plain), `${table} in ${unit}`).toEqual(expect.arrayContaining(expected.map(plain)));
        expect(back).toHaveLength(expected.length);
      }
    }
  }, 30_000);

  test('writing back what the unit holds changes nothing, and an unchanged field is not touched', () => {
    const doc = new Y.Doc();
    const record = makeCriterionAssessment({ strengths: 'Strong front door.' }) as unknown as SyncedRecord;
    writeRecord(doc, 'criterionAssessments', record, undefined, who('Priya'));
    const before = Y.encodeStateVector(doc);
    const again = readRecord(doc, 'criterionAssessments', record.id)!;
    expect(writeRecord(doc, 'criterionAssessments', again, undefined, who('Priya'))).toBe(false);
    expect(Y.encodeStateVector(doc)).toEqual(before);
  });

  test('a record no unit accepts (an id that is not a UUID) is left out, not sent', () => {
    expect(unitOfRecord('caseAudits', { id: 'audit-1' } as SyncedRecord)).toBeUndefined();
  });

  test('only changes from the team are reported back for the workbook', () => {
    const { a, b, sync } = pair();
    const seen: string[] = [];
    watchTeamChanges(a, ['narratives'], (table, ids) => seen.push(...[...ids].map((id) => `${table}/${id}`)));
    const narrative = makeNarrative({ answers: { 'what-we-know': 'We know.' } }) as unknown as SyncedRecord;
    writeRecord(a, 'narratives', narrative, undefined, who('Priya'));
    expect(seen).toEqual([]);
    sync();
    writeRecord(
      b,
      'narratives',
      { ...narrative, answers: { 'what-we-know': 'We know well.' } },
      ['answers'],
      who('Sam'),
    );
    sync();
    expect(seen).toEqual([`narratives/${narrative.id}`]);
    expect(readRecord(a, 'narratives', narrative.id)!['answers']).toEqual({
      'what-we-know': 'We know well.',
    });
  });
});

describe('two people, one field', () => {
  test('both typed into one narrative answer: both texts are kept, and the field is shown as a conflict', () => {
    const { a, b, sync } = pair();
    const narrative = makeNarrative({
      answers: { 'what-we-know': 'Children are safe.' },
    }) as unknown as SyncedRecord;
    writeRecord(a, 'narratives', narrative, undefined, who('Priya'));
    sync();
    writeRecord(
      a,
      'narratives',
      { ...narrative, answers: { 'what-we-know': 'Priya: Children are safe.' } },
      ['answers'],
      who('Priya'),
    );
    writeRecord(
      b,
      'narratives',
      { ...narrative, answers: { 'what-we-know': 'Children are safe. Sam adds this.' } },
      ['answers'],
      who('Sam'),
    );
    sync();
    const text = (doc: Y.Doc) =>
      (readRecord(doc, 'narratives', narrative.id)!['answers'] as Record<string, string>)['what-we-know'];
    expect(text(a)).toBe('Priya: Children are safe. Sam adds this.');
    expect(text(b)).toBe(text(a));
    const [conflict] = conflictsOf(a);
    expect(conflictsOf(a)).toHaveLength(1);
    expect(conflict).toMatchObject({ table: 'narratives', id: narrative.id, field: 'answers', merged: true });
    expect(conflict!.versions.map((v) => v.by).sort()).toEqual(['Priya', 'Sam']);
    // Both sides' words are in the text itself: nothing to choose between, only to read through.
    expect(conflict!.versions.map((v) => v.value)).toEqual([null, null]);
    settleConflict(b, conflictsOf(b)[0]!, conflict!.current, who('Sam'));
    sync();
    expect(conflictsOf(a)).toEqual([]);
    expect(text(a)).toBe('Priya: Children are safe. Sam adds this.');
  });

  test('two grades set from the same starting point: one wins in Yjs, both are shown, settling picks one', () => {
    const { a, b, sync } = pair();
    const record = makeCriterionAssessment({ grade: 'not-yet-graded' }) as unknown as SyncedRecord;
    writeRecord(a, 'criterionAssessments', record, undefined, who('Priya'));
    sync();
    writeRecord(a, 'criterionAssessments', { ...record, grade: 'good' }, ['grade'], who('Priya'));
    writeRecord(b, 'criterionAssessments', { ...record, grade: 'outstanding' }, ['grade'], who('Sam'));
    sync();
    const winner = readRecord(a, 'criterionAssessments', record.id)!['grade'];
    expect(readRecord(b, 'criterionAssessments', record.id)!['grade']).toBe(winner);
    const conflicts = conflictsOf(b);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.versions.map((v) => `${v.by}:${String(v.value)}`).sort()).toEqual([
      'Priya:good',
      'Sam:outstanding',
    ]);
    settleConflict(a, conflictsOf(a)[0]!, 'good', who('Priya'));
    sync();
    expect(conflictsOf(b)).toEqual([]);
    expect(readRecord(b, 'criterionAssessments', record.id)!['grade']).toBe('good');
  });

  test('typing on after the other had seen the first words is still a conflict if they typed meanwhile', () => {
    const { a, b, sync } = pair();
    const record = makeCriterionAssessment({ strengths: 'Start.' }) as unknown as SyncedRecord;
    writeRecord(a, 'criterionAssessments', record, undefined, who('Priya'));
    sync();
    writeRecord(
      a,
      'criterionAssessments',
      { ...record, strengths: 'Start. Priya 1.' },
      ['strengths'],
      who('Priya'),
    );
    sync();
    writeRecord(
      b,
      'criterionAssessments',
      { ...record, strengths: 'Start. Priya 1. Sam.' },
      ['strengths'],
      who('Sam'),
    );
    writeRecord(
      a,
      'criterionAssessments',
      { ...record, strengths: 'Start. Priya 1. Priya 2.' },
      ['strengths'],
      who('Priya'),
    );
    sync();
    expect(conflictsOf(a).map((c) => c.versions.map((v) => v.by).sort())).toEqual([['Priya', 'Sam']]);
    // Typing on after seeing both settles it.
    const now = readRecord(b, 'criterionAssessments', record.id)!['strengths'] as string;
    writeRecord(
      b,
      'criterionAssessments',
      { ...record, strengths: `${now} More.` },
      ['strengths'],
      who('Sam'),
    );
    sync();
    expect(conflictsOf(a)).toEqual([]);
  });

  test('one person changing a grade after seeing the other’s change is no conflict', () => {
    const { a, b, sync } = pair();
    const record = makeCriterionAssessment({ grade: 'not-yet-graded' }) as unknown as SyncedRecord;
    writeRecord(a, 'criterionAssessments', record, undefined, who('Priya'));
    sync();
    writeRecord(a, 'criterionAssessments', { ...record, grade: 'good' }, ['grade'], who('Priya'));
    sync();
    writeRecord(b, 'criterionAssessments', { ...record, grade: 'outstanding' }, ['grade'], who('Sam'));
    sync();
    writeRecord(a, 'criterionAssessments', { ...record, grade: 'good' }, ['grade'], who('Priya'));
    sync();
    expect(conflictsOf(a)).toEqual([]);
    expect(readRecord(b, 'criterionAssessments', record.id)!['grade']).toBe('good');
  });

  test('history entries written on both sides are all kept', () => {
    const { a, b, sync } = pair();
    const record = makeCriterionAssessment({ history: [] }) as unknown as SyncedRecord;
    writeRecord(a, 'criterionAssessments', record, undefined, who('Priya'));
    sync();
    const entry = (by: string, to: string) => ({
      at: '2026-06-01T09:00:00.000Z',
      by,
      field: 'grade',
      from: 'not-yet-graded',
      to,
    });
    writeRecord(
      a,
      'criterionAssessments',
      { ...record, history: [entry('Priya', 'good')] },
      ['history'],
      who('Priya'),
    );
    writeRecord(
      b,
      'criterionAssessments',
      { ...record, history: [entry('Sam', 'outstanding')] },
      ['history'],
      who('Sam'),
    );
    sync();
    const history = readRecord(a, 'criterionAssessments', record.id)!['history'] as { by: string }[];
    expect(history.map((h) => h.by).sort()).toEqual(['Priya', 'Sam']);
    expect(readRecord(b, 'criterionAssessments', record.id)!['history']).toEqual(history);
  });
});

describe('a page that opened before a colleague’s words arrived', () => {
  const setUp = () => {
    const { a, b, sync } = pair();
    const record = makeCriterionAssessment({
      strengths: 'Contacts are screened the same day.',
    }) as unknown as SyncedRecord;
    writeRecord(a, 'criterionAssessments', record, undefined, who('Priya'));
    sync();
    writeRecord(
      b,
      'criterionAssessments',
      { ...record, strengths: `Sam first. ${record['strengths'] as string}` },
      ['strengths'],
      who('Sam'),
    );
    sync();
    return { a, b, sync, record, base: record['strengths'] as string };
  };
  const strengths = (doc: Y.Doc, id: string) => readRecord(doc, 'criterionAssessments', id)!['strengths'];

  test('its edit is made in the newer text, keeping the colleague’s words', () => {
    const { a, b, sync, record, base } = setUp();
    // Priya's editor still shows the text it opened with, and she adds a sentence at the end.
    writeRecord(
      a,
      'criterionAssessments',
      { ...record, strengths: `${base} Priya adds.` },
      ['strengths'],
      who('Priya'),
      () => [base],
    );
    sync();
    expect(strengths(b, record.id)).toBe('Sam first. Contacts are screened the same day. Priya adds.');
  });

  test('an edit whose place cannot be found changes nothing and is shown beside the team’s text', () => {
    const { a, b, sync, record, base } = setUp();
    writeRecord(
      b,
      'criterionAssessments',
      { ...record, strengths: 'Sam rewrote it all.' },
      ['strengths'],
      who('Sam'),
    );
    sync();
    writeRecord(
      a,
      'criterionAssessments',
      { ...record, strengths: `${base.replace('same day', 'same hour')}` },
      ['strengths'],
      who('Priya'),
      () => [base],
    );
    sync();
    expect(strengths(b, record.id)).toBe('Sam rewrote it all.');
    const [conflict] = conflictsOf(b);
    expect(conflict?.versions.map((v) => v.value)).toEqual(
      expect.arrayContaining(['Sam rewrote it all.', 'Contacts are screened the same hour.']),
    );
  });
});
