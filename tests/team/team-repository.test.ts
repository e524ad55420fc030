import { afterEach, describe, expect, test } from 'vitest';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import {
  ChangeNotAllowedError,
  TEAM_SNAPSHOT_KEY,
  teamRepository,
  type LocalChange,
  type SyncedRecord,
} from '../../src/storage/repositories/team-repository';
import { LocalInFlight } from '../../src/team/local-in-flight';
import { canonical } from '../../src/team/projector';
import { makeCriterionAssessment, makeEvidence } from '../helpers/builders';

const opened: WorkbookDatabase[] = [];
afterEach(async () => {
  await Promise.all(opened.splice(0).map((db) => db.delete()));
});
function freshDatabase(): WorkbookDatabase {
  const db = openWorkbookDatabase(`team-repository-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
}
const same = (a: unknown, b: unknown) => canonical(a ?? null) === canonical(b ?? null);
const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe('the workbook as team mode sees it', () => {
  test('local writes are reported with the fields they changed; writes from the team are not', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const seen: LocalChange[] = [];
    const stop = repository.watchLocalChanges((changes) => seen.push(...changes));
    const evidence = makeEvidence({ title: 'Audit summary' });
    await db.evidence.put(evidence);
    await db.evidence.put({ ...evidence, title: 'Audit summary, moderated' });
    await repository.writeFromTeam(
      [
        {
          table: 'evidence',
          put: [
            {
              id: evidence.id,
              record: { ...evidence, notes: 'From Sam' } as unknown as SyncedRecord,
              expected: { ...evidence, title: 'Audit summary, moderated' } as unknown as SyncedRecord,
            },
          ],
          remove: [],
        },
      ],
      same,
    );
    await db.evidence.delete(evidence.id);
    await settle();
    stop();
    expect(seen).toEqual([
      { table: 'evidence', id: evidence.id, fields: undefined, removed: false },
      { table: 'evidence', id: evidence.id, fields: ['title'], removed: false },
      { table: 'evidence', id: evidence.id, fields: [], removed: true },
    ]);
  });

  test('a change the team would refuse fails with the reason and keeps nothing; the team’s own writes pass', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const seen: LocalChange[] = [];
    const stop = repository.watchLocalChanges((changes) => seen.push(...changes), {
      refusal: (table, before, after) =>
        table === 'evidence' && (after?.['title'] === 'Refused' || (before && !after))
          ? 'Not yours to change.'
          : undefined,
    });
    const evidence = makeEvidence({ title: 'Audit summary' });
    await db.evidence.put(evidence);
    const refused = await db.evidence.put({ ...evidence, title: 'Refused' }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ChangeNotAllowedError);
    expect((refused as Error).message).toBe('Not yours to change.');
    await expect(db.evidence.delete(evidence.id)).rejects.toThrow('Not yours to change.');
    expect((await db.evidence.get(evidence.id))?.title).toBe('Audit summary');
    const fromTeam = { ...evidence, title: 'Refused' } as unknown as SyncedRecord;
    await repository.writeFromTeam(
      [
        {
          table: 'evidence',
          put: [{ id: evidence.id, record: fromTeam, expected: evidence as unknown as SyncedRecord }],
          remove: [],
        },
      ],
      same,
    );
    expect((await db.evidence.get(evidence.id))?.title).toBe('Refused');
    await settle();
    stop();
    expect(seen).toHaveLength(1);
  });

  test('a local change is in flight from the moment it is made until it commits or aborts', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const inFlight = new LocalInFlight();
    const committed: LocalChange[][] = [];
    const stop = repository.watchLocalChanges((changes) => committed.push(changes), {
      noted: (change) => inFlight.add(change),
      aborted: (changes) => inFlight.done(changes),
    });
    const evidence = makeEvidence({ title: 'Audit summary' });
    let duringTransaction = false;
    await db.transaction('rw', db.evidence, async () => {
      await db.evidence.put(evidence);
      duringTransaction = inFlight.has('evidence', evidence.id);
    });
    await settle();
    expect(duringTransaction).toBe(true);
    expect(committed).toHaveLength(1);
    expect(inFlight.has('evidence', evidence.id)).toBe(true);
    inFlight.done(committed[0]!);
    expect(inFlight.has('evidence', evidence.id)).toBe(false);

    const other = makeEvidence({ title: 'Never kept' });
    await db
      .transaction('rw', db.evidence, async () => {
        await db.evidence.put(other);
        throw new Error('Stopped');
      })
      .catch(() => undefined);
    await settle();
    stop();
    expect(inFlight.has('evidence', other.id)).toBe(false);
    expect(committed).toHaveLength(1);
  });

  test('a team write is skipped when a local write landed in between, so the local one is kept', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const record = makeCriterionAssessment({ strengths: 'Before.' });
    await db.criterionAssessments.put(record);
    const expected = (await db.criterionAssessments.get(record.id)) as unknown as SyncedRecord;
    await db.criterionAssessments.put({ ...record, strengths: 'Typed here meanwhile.' });
    const written = await repository.writeFromTeam(
      [
        {
          table: 'criterionAssessments',
          put: [{ id: record.id, record: { ...expected, strengths: 'From the team.' }, expected }],
          remove: [],
        },
      ],
      same,
    );
    expect(written).toBe(0);
    expect((await db.criterionAssessments.get(record.id))?.strengths).toBe('Typed here meanwhile.');
  });

  test('setting local work aside keeps every record in a copy and leaves the synced tables empty', async () => {
    const db = freshDatabase();
    const repository = teamRepository(db);
    const evidence = makeEvidence();
    const assessment = makeCriterionAssessment();
    await db.evidence.put(evidence);
    await db.criterionAssessments.put(assessment);
    expect(await repository.hasRecords()).toBe(true);
    await repository.setAsideForTeam('2026-06-01T09:00:00.000Z', 'Priya Shah');
    expect(await repository.hasRecords()).toBe(false);
    const copy = (await db.settings.get(TEAM_SNAPSHOT_KEY))?.value as { records: Record<string, unknown[]> };
    expect(copy.records['evidence']).toEqual([evidence]);
    expect(copy.records['criterionAssessments']).toEqual([assessment]);
    expect(await repository.setAsideTakenAt()).toBe('2026-06-01T09:00:00.000Z');
  });
});
