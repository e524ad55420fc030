import { describe, expect, it } from 'vitest';
import { computeReadinessChecks } from '../../../src/domain/self-assessment/readiness-checks';
import { buildDemoWorkspace } from '../../../src/domain/self-assessment/demo-workspace';
import { compareCycles } from '../../../src/domain/self-assessment/changes-since-last-year';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
function build(today = '2026-11-24') {
  let n = 0;
  return buildDemoWorkspace(ilacs, { today, by: 'Demo', makeId: () => `id-${++n}` });
}

describe('buildDemoWorkspace', () => {
  const demo = build();
  const [lastYear, current] = demo.cycles;

  it('is the same every time for the same day', () => {
    expect(build()).toEqual(demo);
  });

  it('has last year’s final cycle and this year’s draft carried from it, in the April-to-March year of today', () => {
    expect(lastYear).toMatchObject({ startYear: 2025, status: 'final' });
    expect(current).toMatchObject({ startYear: 2026, status: 'draft', previousCycleId: lastYear!.id });
    expect(build('2027-03-31').cycles[1]!.startYear).toBe(2026);
    expect(build('2027-04-01').cycles[1]!.startYear).toBe(2027);
    for (const cycle of demo.cycles) {
      const ids = demo.criterionAssessments.filter((a) => a.cycleId === cycle.id).map((a) => a.criterionId);
      expect(ids.sort()).toEqual(ilacs.criteria.map((c) => c.id).sort());
    }
  });

  it('only refers to records that exist, with grades on the scale', () => {
    const evidenceIds = new Set(demo.evidence.map((e) => e.id));
    const recommendationIds = new Set(demo.recommendations.map((r) => r.id));
    const criterionIds = new Set(ilacs.criteria.map((c) => c.id));
    const levels = new Set([
      'outstanding',
      'good',
      'requires-improvement',
      'inadequate',
      'not-yet-graded',
      'not-applicable',
    ]);
    for (const a of demo.criterionAssessments) {
      expect(a.evidenceIds.every((id) => evidenceIds.has(id))).toBe(true);
      expect(levels.has(a.grade)).toBe(true);
    }
    for (const action of demo.actions) {
      expect(action.criterionIds.every((id) => criterionIds.has(id))).toBe(true);
      expect(action.recommendationIds.every((id) => recommendationIds.has(id))).toBe(true);
    }
  });

  it('gives a newcomer something to find: stale evidence, overdue actions, an unanswered recommendation, a reasoned agreed grade', () => {
    const inCurrent = (id: string) => id === current!.id;
    const found = computeReadinessChecks({
      framework: ilacs,
      criterionAssessments: demo.criterionAssessments.filter((a) => inCurrent(a.cycleId)),
      judgementAssessments: demo.judgementAssessments.filter((a) => inCurrent(a.cycleId)),
      evidence: demo.evidence,
      actions: demo.actions,
      recommendations: demo.recommendations,
      today: '2026-11-24',
    }).map((c) => c.code);
    for (const code of [
      'good-without-evidence',
      'only-stale-evidence',
      'overdue-action',
      'recommendation-without-action',
    ]) {
      expect(found).toContain(code);
    }
    const leaders = demo.judgementAssessments.find(
      (a) => inCurrent(a.cycleId) && a.judgementId === 'leaders',
    )!;
    expect(leaders.rationale.length).toBeGreaterThan(20);
    expect(demo.criterionAssessments.filter((a) => inCurrent(a.cycleId) && a.toReEvaluate)).toHaveLength(3);
  });

  it('shows a year of change: grades up and down, new evidence, closed actions', () => {
    const bundle = (id: string) => ({
      cycle: demo.cycles.find((c) => c.id === id)!,
      criterionAssessments: demo.criterionAssessments.filter((a) => a.cycleId === id),
      judgementAssessments: demo.judgementAssessments.filter((a) => a.cycleId === id),
      narratives: demo.narratives.filter((a) => a.cycleId === id),
    });
    const changes = compareCycles({
      previousFramework: ilacs,
      framework: ilacs,
      previous: bundle(lastYear!.id),
      current: bundle(current!.id),
      evidence: demo.evidence,
      actions: demo.actions,
    });
    const directions = new Set(changes.grades.map((g) => g.direction));
    expect(directions.has('up') && directions.has('down')).toBe(true);
    expect(changes.newEvidenceIds.length).toBeGreaterThan(0);
    expect(changes.closedActionIds.length).toBeGreaterThan(0);
    const lastYearFinal = lastYear!.finalisedAt!.slice(0, 10);
    const cited = bundle(lastYear!.id).criterionAssessments.flatMap((a) => a.evidenceIds);
    expect(cited.every((id) => demo.evidence.find((e) => e.id === id)!.date <= lastYearFinal)).toBe(true);
  });

  it('is obviously fictional: a made-up council, roles not people, no dates of birth or NHS numbers', () => {
    expect(demo.settings.councilName).toBe('Exampleshire County Council');
    const text = JSON.stringify(demo);
    expect(text).not.toMatch(/\b\d{3}\s?\d{3}\s?\d{4}\b/);
    expect(text).not.toMatch(/date of birth|DOB/i);
  });
});
