import { describe, expect, it } from 'vitest';
import { SaveStatusManager } from '../../src/state/save-status.svelte';
import { JOURNAL_KEY, WriteJournal } from '../../src/state/write-journal';
import { workbookDatabase } from '../../src/storage/db';
import { journalRepository } from '../../src/storage/repositories/journal-repository';
import { makeCycle, makeEvidence, makeCriterionAssessment } from '../helpers/builders';
import { memoryStorage } from '../helpers/memory-storage';

describe('writes in flight when a tab closes', () => {
  it('are noted synchronously on close and forgotten once written', async () => {
    const storage = memoryStorage();
    const journal = new WriteJournal(() => storage);
    const saves = new SaveStatusManager();
    saves.useJournal(journal);
    let finish!: () => void;
    const entry = {
      table: 'evidence',
      record: { ...makeEvidence({ id: 'e1' }), updatedAt: '2025-06-01T10:00:00Z' },
    };
    const gate = new Promise<void>((resolve) => (finish = resolve));
    const pending = saves.run(() => gate, undefined, entry);
    saves.flushForClose();
    expect(JSON.parse(storage.getItem(JOURNAL_KEY)!)).toEqual([entry]);
    finish();
    await pending;
    expect(new WriteJournal(() => storage).take()).toEqual([entry]);
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
    // Once written, nothing is noted on the next close.
    saves.flushForClose();
    expect(storage.getItem(JOURNAL_KEY)).toBeNull();
  });

  it('ignores a damaged note', () => {
    const storage = memoryStorage();
    storage.setItem(JOURNAL_KEY, '{not json');
    expect(new WriteJournal(() => storage).take()).toEqual([]);
    storage.setItem(JOURNAL_KEY, JSON.stringify([{ table: 'evidence' }, 7]));
    expect(new WriteJournal(() => storage).take()).toEqual([]);
  });

  it('are put back only where the stored copy is older, never into a final cycle or another table', async () => {
    const db = workbookDatabase();
    await db.delete();
    await db.open();
    await db.cycles.bulkAdd([makeCycle({ id: 'draft' }), makeCycle({ id: 'final', status: 'final' })]);
    await db.evidence.add(makeEvidence({ id: 'newer', title: 'Stored', updatedAt: '2025-06-02T00:00:00Z' }));
    await db.evidence.add(makeEvidence({ id: 'older', title: 'Stored', updatedAt: '2025-05-01T00:00:00Z' }));
    const at = '2025-06-01T00:00:00Z';
    const restored = await journalRepository(db).replay([
      {
        table: 'evidence',
        record: { ...makeEvidence({ id: 'newer', title: 'From the closed tab' }), updatedAt: at },
      },
      {
        table: 'evidence',
        record: { ...makeEvidence({ id: 'older', title: 'From the closed tab' }), updatedAt: at },
      },
      {
        table: 'criterionAssessments',
        record: { ...makeCriterionAssessment({ id: 'c1', cycleId: 'draft' }), updatedAt: at },
      },
      {
        table: 'criterionAssessments',
        record: { ...makeCriterionAssessment({ id: 'c2', cycleId: 'final' }), updatedAt: at },
      },
      { table: 'settings', record: { id: 'workspace', updatedAt: at } },
    ]);
    expect(restored).toBe(2);
    expect((await db.evidence.get('newer'))!.title).toBe('Stored');
    expect((await db.evidence.get('older'))!.title).toBe('From the closed tab');
    expect(await db.criterionAssessments.get('c1')).toBeDefined();
    expect(await db.criterionAssessments.get('c2')).toBeUndefined();
    expect(await db.settings.get('workspace')).toBeUndefined();
  });
});
