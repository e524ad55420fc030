import { describe, expect, it } from 'vitest';
import { registerRepository } from '../../src/storage/repositories/register-repository';
import { AUTHOR, makeAction, makeEvidence, makeRecommendation } from '../helpers/builders';
import { useFreshDatabase } from './fresh-database';
import { reactive } from './svelte-state.svelte';

const database = useFreshDatabase('register');
const later = { by: 'Second Person', now: '2025-07-01T12:00:00.000Z' };
const latest = { by: 'Third Person', now: '2025-08-01T12:00:00.000Z' };

describe('saving and listing', () => {
  it('saves each register apart, stamped, and lists only its own live records', async () => {
    const repo = registerRepository(database());
    const evidence = makeEvidence({ notes: 'Moderated by two managers.' });
    const action = makeAction({ criterionIds: ['hp-front-door'], recommendationIds: ['rec-x'] });
    const recommendation = makeRecommendation({ priorityAction: true });
    expect(await repo.saveEvidence(evidence, later)).toEqual({ ...evidence, ...stampOf(later) });
    await repo.saveAction(action, later);
    await repo.saveRecommendation(recommendation, later);
    expect(await repo.listEvidence()).toEqual([{ ...evidence, ...stampOf(later) }]);
    expect(await repo.listActions()).toEqual([{ ...action, ...stampOf(later) }]);
    expect(await repo.listRecommendations()).toEqual([{ ...recommendation, ...stampOf(later) }]);
  });

  it('stores a plain copy of a record held in Svelte state', async () => {
    const repo = registerRepository(database());
    const action = makeAction({ progressNotes: [{ at: AUTHOR.now, by: AUTHOR.by, text: 'Started.' }] });
    const live = reactive(structuredClone(action));
    await repo.saveAction(live, later);
    live.progressNotes.push({ at: later.now, by: later.by, text: 'Not saved yet.' });
    expect(await database().actions.get(action.id)).toEqual({ ...action, ...stampOf(later) });
  });
});

describe('soft delete and undo', () => {
  it('hides a deleted record from its list, keeps it with deletedAt, and lists it as deleted', async () => {
    const repo = registerRepository(database());
    const [kept, deleted] = [makeEvidence(), makeEvidence({ title: 'Old scorecard' })];
    await repo.saveEvidence(kept, AUTHOR);
    await repo.saveEvidence(deleted, AUTHOR);
    const result = await repo.deleteEvidence(deleted.id, later);
    const expected = { ...deleted, deletedAt: later.now, ...stampOf(later) };
    expect(result).toEqual(expected);
    expect(await repo.listEvidence()).toEqual([kept]);
    expect(await repo.listDeletedEvidence()).toEqual([expected]);
    expect(await database().evidence.get(deleted.id)).toEqual(expected);
  });

  it('undo brings the record back with every field as it was and no deletedAt', async () => {
    const repo = registerRepository(database());
    const action = makeAction({
      description: 'Weekly oversight.',
      completedAt: '2025-06-20',
      progressNotes: [{ at: AUTHOR.now, by: AUTHOR.by, text: 'Begun.' }],
      criterionIds: ['hp-front-door'],
      judgementIds: ['help-and-protection'],
      recommendationIds: ['rec-1'],
      auditIds: ['audit-1'],
    });
    await repo.saveAction(action, AUTHOR);
    await repo.deleteAction(action.id, later);
    const restored = await repo.restoreAction(action.id, latest);
    expect(restored).toEqual({ ...action, ...stampOf(latest) });
    expect(restored && 'deletedAt' in restored).toBe(false);
    expect(await repo.listActions()).toEqual([restored]);
    expect(await repo.listDeletedActions()).toEqual([]);
  });

  it('deleting twice keeps the first deletion; restoring a live record changes nothing', async () => {
    const repo = registerRepository(database());
    const recommendation = makeRecommendation();
    await repo.saveRecommendation(recommendation, AUTHOR);
    const first = await repo.deleteRecommendation(recommendation.id, later);
    expect(await repo.deleteRecommendation(recommendation.id, latest)).toEqual(first);
    expect(await database().recommendations.get(recommendation.id)).toEqual(first);
    const back = await repo.restoreRecommendation(recommendation.id, later);
    expect(await repo.restoreRecommendation(recommendation.id, latest)).toEqual(back);
    expect(await database().recommendations.get(recommendation.id)).toEqual({
      ...recommendation,
      ...stampOf(later),
    });
  });

  it('gives undefined for an id it does not hold, and writes nothing', async () => {
    const repo = registerRepository(database());
    expect(await repo.deleteEvidence('missing', later)).toBeUndefined();
    expect(await repo.restoreAction('missing', later)).toBeUndefined();
    expect(await database().evidence.count()).toBe(0);
    expect(await database().actions.count()).toBe(0);
  });
});

function stampOf(author: { by: string; now: string }) {
  return { updatedAt: author.now, updatedBy: author.by };
}
