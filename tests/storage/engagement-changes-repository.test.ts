import { afterEach, describe, expect, it } from 'vitest';
import { NO_ENGAGEMENT_CHANGES } from '../../src/domain/rehearsal/engagement-pack';
import { openWorkbookDatabase } from '../../src/storage/db';
import {
  ENGAGEMENT_CHANGES_PREFIX,
  engagementChangesRepository,
} from '../../src/storage/repositories/engagement-changes-repository';

const SAM = { by: 'Sam', now: '2026-12-02T06:00:00.000Z' };

describe('the engagement meeting changes repository', () => {
  let name = '';
  afterEach(async () => {
    const { default: Dexie } = await import('dexie');
    await Dexie.delete(name);
  });

  it('keeps each cycle’s four texts apart, one text saved at a time without losing the others', async () => {
    name = `engagement-changes-${Math.random()}`;
    const db = openWorkbookDatabase(name);
    const repository = engagementChangesRepository(db);
    expect(await repository.getEngagementChanges('c-1')).toEqual(NO_ENGAGEMENT_CHANGES);
    await repository.saveEngagementChange('c-1', 'leaders', 'New director', SAM);
    await repository.saveEngagementChange('c-1', 'systems', 'New case system', SAM);
    await repository.saveEngagementChange('c-2', 'leaders', 'Next year', SAM);
    expect(await repository.getEngagementChanges('c-1')).toEqual({
      ...NO_ENGAGEMENT_CHANGES,
      leaders: 'New director',
      systems: 'New case system',
    });
    expect((await repository.getEngagementChanges('c-2')).leaders).toBe('Next year');
    expect(await db.settings.get(`${ENGAGEMENT_CHANGES_PREFIX}c-1`)).toMatchObject({ updatedBy: 'Sam' });
    // The workspace settings row is untouched.
    expect(await db.settings.get('workspace')).toBeUndefined();
    await db.settings.put({
      key: `${ENGAGEMENT_CHANGES_PREFIX}c-1`,
      value: 'damaged',
      updatedAt: '',
      updatedBy: '',
    });
    expect(await repository.getEngagementChanges('c-1')).toEqual(NO_ENGAGEMENT_CHANGES);
    db.close();
  });
});
