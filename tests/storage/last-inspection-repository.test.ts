import { afterEach, describe, expect, it } from 'vitest';
import type { LastInspection } from '../../src/domain/inspection-report/last-inspection';
import { openWorkbookDatabase } from '../../src/storage/db';
import {
  LAST_INSPECTION_KEY,
  lastInspectionRepository,
} from '../../src/storage/repositories/last-inspection-repository';

const last: LastInspection = {
  kind: 'sif-report',
  councilName: 'Westmere',
  frameworkId: 'sif-2013',
  frameworkVersion: 1,
  grades: [
    {
      name: 'The effectiveness of the LSCB',
      grade: 'Inadequate',
      judgementId: 'lscb',
      levelId: 'inadequate',
    },
  ],
  fileName: 'sif.pdf',
  recordedAt: '2026-12-02T06:00:00.000Z',
  recordedBy: 'Sam',
};

describe('the last inspection repository', () => {
  let name = '';
  afterEach(async () => {
    const { default: Dexie } = await import('dexie');
    await Dexie.delete(name);
  });

  it('keeps the record under its own settings key, beside the workspace settings', async () => {
    name = `last-inspection-${Math.random()}`;
    const db = openWorkbookDatabase(name);
    const repository = lastInspectionRepository(db);
    expect(await repository.getLastInspection()).toBeUndefined();
    await repository.saveLastInspection(last, { by: 'Sam', now: '2026-12-02T06:00:00.000Z' });
    expect(await repository.getLastInspection()).toEqual(last);
    const row = await db.settings.get(LAST_INSPECTION_KEY);
    expect(row).toMatchObject({ updatedBy: 'Sam', updatedAt: '2026-12-02T06:00:00.000Z' });
    await db.settings.put({ key: LAST_INSPECTION_KEY, value: { kind: 42 }, updatedAt: '', updatedBy: '' });
    expect(await repository.getLastInspection()).toBeUndefined();
    db.close();
  });
});
