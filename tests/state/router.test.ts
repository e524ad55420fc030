import { describe, expect, it } from 'vitest';
import { areaOf, hrefFor, parseRoute, type Route } from '../../src/state/router.svelte';

describe('hash routes', () => {
  const routes: Route[] = [
    { name: 'home' },
    { name: 'my-work' },
    { name: 'frameworks' },
    { name: 'framework', id: 'ilacs-2023', version: 1 },
    { name: 'self-assessment' },
    { name: 'cycle', cycleId: 'c-1' },
    { name: 'cycle-changes', cycleId: 'c-1' },
    { name: 'criterion', cycleId: 'c-1', criterionId: 'hp-front-door' },
    { name: 'judgement', cycleId: 'c-1', judgementId: 'care-leavers' },
    { name: 'evidence' },
    { name: 'evidence-item', id: 'new' },
    {
      name: 'evidence-item',
      id: 'new',
      forCriterion: { cycleId: 'c 1&x=y', criterionId: 'hp-front-door?' },
    },
    { name: 'evidence-item', id: 'e?1', forCriterion: { cycleId: 'c-1', criterionId: 'hp-front-door' } },
    { name: 'actions' },
    { name: 'action', id: 'a/1 b' },
    { name: 'recommendation', id: 'r?1#2' },
    { name: 'recommendations' },
    { name: 'read-report' },
    { name: 'recommendation', id: 'r-1' },
    { name: 'scorecard' },
    { name: 'indicator', id: 'i-1' },
    { name: 'case-audits' },
    { name: 'audit-round', id: 'round-1' },
    { name: 'case-audit', id: 'audit-1' },
    { name: 'moderation', auditId: 'audit-1' },
    { name: 'audit-findings' },
    { name: 'rehearsal' },
    { name: 'rehearsal-session', id: 'r 1' },
    { name: 'notification-week' },
    { name: 'engagement-pack' },
    { name: 'settings' },
    { name: 'accessibility' },
  ];

  it.each(routes)('reads back what it writes: $name', (route) => {
    expect(parseRoute(hrefFor(route))).toEqual(route);
  });

  it.each([
    '#/self-assessment/cycles',
    '#/self-assessment/cycles/c-1/criteria',
    '#/self-assessment/cycles/c-1/unknown/x',
    '#/self-assessment/evidence/a/b',
    '#/frameworks/ilacs-2023/one',
    '#/%E0%A4%A',
  ])('an unknown or malformed path is not found, never an exception: %s', (hash) => {
    expect(parseRoute(hash).name).toBe('not-found');
  });

  it('reads the criterion a new evidence item was started from, and needs both halves of it', () => {
    expect(parseRoute('#/self-assessment/evidence/new?criterion=hp-front-door&cycle=c-1')).toEqual({
      name: 'evidence-item',
      id: 'new',
      forCriterion: { cycleId: 'c-1', criterionId: 'hp-front-door' },
    });
    expect(parseRoute('#/self-assessment/evidence/new?cycle=c-1&criterion=hp-front-door')).toEqual(
      parseRoute('#/self-assessment/evidence/new?criterion=hp-front-door&cycle=c-1'),
    );
    expect(parseRoute('#/self-assessment/evidence/new?criterion=hp-front-door')).toEqual({
      name: 'evidence-item',
      id: 'new',
    });
    expect(parseRoute('#/self-assessment/evidence/new?criterion=%E0%A4%A&cycle=')).toEqual({
      name: 'evidence-item',
      id: 'new',
    });
  });

  it('ignores a query on a route that takes none', () => {
    expect(parseRoute('#/settings?criterion=x&cycle=y')).toEqual({ name: 'settings' });
    expect(parseRoute('#/self-assessment/actions/a-1?criterion=x&cycle=y')).toEqual({
      name: 'action',
      id: 'a-1',
    });
  });

  it('puts every self-assessment page under the Self-assessment area', () => {
    expect(areaOf({ name: 'criterion', cycleId: 'c', criterionId: 'x' })).toBe('self-assessment');
    expect(areaOf({ name: 'recommendation', id: 'r' })).toBe('self-assessment');
    expect(areaOf({ name: 'framework', id: 'x', version: 1 })).toBe('frameworks');
    expect(areaOf({ name: 'settings' })).toBe('settings');
    expect(areaOf({ name: 'moderation', auditId: 'a' })).toBe('case-audits');
  });
});
