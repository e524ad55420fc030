// @vitest-environment node
import { describe, expect, test } from 'vitest';
import * as Y from 'yjs';
import type { SyncedRecord } from '../../src/storage/repositories/team-repository';
import { changesOf, conflictsOf, removeRecord, writeRecord } from '../../src/team/projector';
import { trimChangeLog } from '../../src/team/trim-change-log';
import { makeCriterionAssessment } from '../helpers/builders';

const DAY = 86_400_000;
const START = Date.parse('2026-01-01T09:00:00.000Z');
const at = (day: number) => new Date(START + day * DAY).toISOString();
const limits = (day: number, maxEntries = 1_000) => ({
  now: new Date(START + day * DAY),
  maxAgeDays: 30,
  maxEntries,
});

/** The team's copy of a unit, and editing sessions (each page load is a new Yjs client) joining it. */
function team() {
  const server = new Y.Doc();
  const sync = (doc: Y.Doc) => {
    Y.applyUpdate(doc, Y.encodeStateAsUpdate(server, Y.encodeStateVector(doc)), 'team');
    Y.applyUpdate(server, Y.encodeStateAsUpdate(doc, Y.encodeStateVector(server)), 'team');
  };
  const session = () => {
    const doc = new Y.Doc();
    sync(doc);
    return doc;
  };
  return { server, sync, session };
}

const record = makeCriterionAssessment({ grade: 'not-yet-graded', assignee: '' }) as unknown as SyncedRecord;

function grade(doc: Y.Doc, value: string, by: string, day: number): void {
  writeRecord(doc, 'criterionAssessments', { ...record, grade: value }, ['grade'], { by, at: at(day) });
}

describe('trimming a unit’s change log', () => {
  test('edits everyone has moved on from go once old; the latest edit and the field’s value stay', () => {
    const { server, sync, session } = team();
    const first = session();
    writeRecord(first, 'criterionAssessments', record, undefined, { by: 'Priya', at: at(0) });
    sync(first);
    for (let day = 1; day <= 40; day++) {
      const doc = session();
      grade(doc, day % 2 ? 'good' : 'outstanding', day % 2 ? 'Priya' : 'Sam', day);
      sync(doc);
    }
    expect(changesOf(server).size).toBe(40);
    const removed = trimChangeLog(server, limits(41));
    // Days 1–10 are more than 30 days old; day 40's edit is the latest and is kept whatever its age.
    expect(removed).toBe(10);
    expect(changesOf(server).size).toBe(30);
    expect(conflictsOf(server)).toEqual([]);

    // A session that opened before the trim, now editing from day 39's state, is still a conflict.
    const late = session();
    const stale = new Y.Doc();
    Y.applyUpdate(stale, Y.encodeStateAsUpdate(late));
    grade(late, 'requires-improvement', 'Asha', 42);
    sync(late);
    trimChangeLog(server, limits(100));
    grade(stale, 'inadequate', 'Ben', 42);
    sync(stale);
    const conflicts = conflictsOf(server);
    expect(conflicts).toHaveLength(1);
    expect(conflicts[0]!.versions.map((v) => `${v.by}:${String(v.value)}`).sort()).toEqual([
      'Asha:requires-improvement',
      'Ben:inadequate',
    ]);
  });

  test('an open conflict is kept however old, and shows the same after the trim', () => {
    const { server, sync, session } = team();
    const first = session();
    writeRecord(first, 'criterionAssessments', record, undefined, { by: 'Priya', at: at(0) });
    sync(first);
    const priya = session();
    const sam = session();
    grade(priya, 'good', 'Priya', 1);
    grade(sam, 'outstanding', 'Sam', 1);
    sync(priya);
    sync(sam);
    const before = conflictsOf(server);
    expect(before).toHaveLength(1);
    expect(trimChangeLog(server, limits(400, 0))).toBe(0);
    expect(conflictsOf(server)).toEqual(before);
  });

  test('beyond the entry limit the oldest moved-on entries go, however recent', () => {
    const { server, sync, session } = team();
    const first = session();
    writeRecord(first, 'criterionAssessments', record, undefined, { by: 'Priya', at: at(0) });
    sync(first);
    for (let day = 1; day <= 10; day++) {
      const doc = session();
      grade(doc, day % 2 ? 'good' : 'outstanding', 'Priya', day);
      sync(doc);
    }
    expect(trimChangeLog(server, limits(11, 4))).toBe(6);
    const left = [...changesOf(server).values()].map((e) => e.at).sort();
    expect(left).toEqual([at(7), at(8), at(9), at(10)]);
    expect(conflictsOf(server)).toEqual([]);
  });

  test('an entry that alone saw another’s latest edit stays, so no settled edit comes back as a conflict', () => {
    const { server, sync, session } = team();
    const first = session();
    writeRecord(first, 'criterionAssessments', record, undefined, { by: 'Priya', at: at(0) });
    sync(first);
    // Sam's computer clock runs weeks fast; Priya saw his edit, Asha saw only Priya's.
    const sam = session();
    grade(sam, 'outstanding', 'Sam', 55);
    sync(sam);
    const priya = session();
    grade(priya, 'good', 'Priya', 3);
    sync(priya);
    const asha = session();
    grade(asha, 'requires-improvement', 'Asha', 50);
    sync(asha);
    expect(conflictsOf(server)).toEqual([]);
    // Priya's entry is old and moved on from, but it alone says Sam's edit was seen.
    expect(trimChangeLog(server, limits(60))).toBe(0);
    expect(conflictsOf(server)).toEqual([]);
    // Once Sam's entry is old too, both go.
    expect(trimChangeLog(server, limits(90))).toBe(2);
    const replica = new Y.Doc();
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(server));
    expect(conflictsOf(replica)).toEqual([]);
    expect([...changesOf(replica).values()].map((e) => e.by)).toEqual(['Asha']);
  });

  test('the edits of a record removed for good go once old', () => {
    const { server, sync, session } = team();
    const doc = session();
    writeRecord(doc, 'criterionAssessments', record, undefined, { by: 'Priya', at: at(0) });
    grade(doc, 'good', 'Priya', 1);
    removeRecord(doc, 'criterionAssessments', record.id);
    sync(doc);
    expect(trimChangeLog(server, limits(10))).toBe(0);
    expect(trimChangeLog(server, limits(40))).toBe(1);
    expect(changesOf(server).size).toBe(0);
  });
});
