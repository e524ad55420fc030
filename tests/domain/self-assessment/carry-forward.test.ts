import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { carryForward, mapCriterionIds } from '../../../src/domain/self-assessment/carry-forward';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import type { CycleBundle } from '../../../src/domain/workspace/records';
import { shippedFramework } from '../../helpers/frameworks';

const author = { by: 'Principal Social Worker', now: '2026-04-02T09:00:00.000Z' };
const counter = () => {
  let n = 0;
  return () => `new-${++n}`;
};

function lastYear(framework: Framework, edit: (bundle: CycleBundle) => void): CycleBundle {
  let n = 0;
  const bundle = startCycle({ framework, startYear: 2025, author, makeId: () => `old-${++n}` });
  edit(bundle);
  return bundle;
}
function carry(previous: CycleBundle, fromFramework: Framework, toFramework = fromFramework) {
  return carryForward({ previous, fromFramework, toFramework, startYear: 2026, author, makeId: counter() });
}
const criterion = (bundle: CycleBundle, id: string) =>
  bundle.criterionAssessments.find((a) => a.criterionId === id)!;
const judgement = (bundle: CycleBundle, id: string) =>
  bundle.judgementAssessments.find((a) => a.judgementId === id)!;
const narrative = (bundle: CycleBundle, id: string) => bundle.narratives.find((n) => n.judgementId === id)!;
const ids = (bundle: CycleBundle) => ({
  criteria: bundle.criterionAssessments.map((a) => a.criterionId),
  judgements: bundle.judgementAssessments.map((a) => a.judgementId),
  narratives: bundle.narratives.map((n) => n.judgementId),
});
const expectedIds = (framework: Framework) => ({
  criteria: framework.criteria.map((c) => c.id),
  judgements: framework.judgements.map((j) => j.id),
  narratives: framework.judgements.map((j) => j.id),
});

describe('carryForward within one framework', () => {
  const ilacs = shippedFramework('ilacs-2023');
  const previous = lastYear(ilacs, (b) => {
    Object.assign(criterion(b, 'hp-front-door'), {
      grade: 'requires-improvement',
      strengths: 'Screening is timely.',
      areasForDevelopment: '- Consent\n- Out of hours',
      evidenceIds: ['ev-1', 'ev-2'],
      status: 'agreed',
      confidence: 'high',
      assignee: 'Head of Service, Front Door',
      history: [
        { at: '2025-06-01T09:00:00Z', by: 'x', field: 'grade', from: 'good', to: 'requires-improvement' },
      ],
    });
    Object.assign(criterion(b, 'cic-unaccompanied'), { grade: 'not-applicable', status: 'agreed' });
    Object.assign(criterion(b, 'cl-custody-and-parenthood'), { assignee: 'Head of Leaving Care' });
    Object.assign(judgement(b, 'leaders'), { agreedGrade: 'good', rationale: 'Because.' });
    narrative(b, 'leaders').answers = { plans: '- Recruit\n- Retain' };
    Object.assign(criterion(b, 'hp-lado'), { grade: 'good', deletedAt: '2026-01-01T00:00:00Z' });
  });
  const before = structuredClone(previous);
  const next = carry(previous, ilacs);

  it('carries grades, text, owner, confidence and evidence links, each to re-evaluate and no longer agreed', () => {
    expect(criterion(next, 'hp-front-door')).toMatchObject({
      grade: 'requires-improvement',
      strengths: 'Screening is timely.',
      areasForDevelopment: '- Consent\n- Out of hours',
      evidenceIds: ['ev-1', 'ev-2'],
      confidence: 'high',
      assignee: 'Head of Service, Front Door',
      status: 'in-progress',
      toReEvaluate: true,
      cycleId: next.cycle.id,
    });
    expect(criterion(next, 'cic-unaccompanied')).toMatchObject({
      grade: 'not-applicable',
      toReEvaluate: true,
    });
  });

  it('starts the history again with one readable carried-forward entry', () => {
    expect(criterion(next, 'hp-front-door').history).toEqual([
      {
        at: author.now,
        by: author.by,
        field: 'carried-forward',
        from: '2025–26',
        to: '2026–27, to re-evaluate',
      },
    ]);
  });

  it('carries agreed grades, rationales and narratives, each to re-evaluate', () => {
    expect(judgement(next, 'leaders')).toMatchObject({
      agreedGrade: 'good',
      rationale: 'Because.',
      toReEvaluate: true,
    });
    expect(narrative(next, 'leaders')).toMatchObject({
      answers: { plans: '- Recruit\n- Retain' },
      toReEvaluate: true,
    });
  });

  it('gives everything new ids in a new draft cycle linked to last year, one record per criterion and judgement', () => {
    expect(next.cycle).toMatchObject({
      id: 'new-1',
      previousCycleId: previous.cycle.id,
      frameworkId: 'ilacs-2023',
      startYear: 2026,
      status: 'draft',
      archive: [],
    });
    expect(ids(next)).toEqual(expectedIds(ilacs));
    const oldIds = new Set([previous.cycle.id, ...previous.criterionAssessments.map((a) => a.id)]);
    expect(next.criterionAssessments.some((a) => oldIds.has(a.id) || a.cycleId !== 'new-1')).toBe(false);
  });

  it('leaves blank records blank, and carries an owner alone without asking for re-evaluation', () => {
    expect(criterion(next, 'hp-early-help')).toMatchObject({
      grade: 'not-yet-graded',
      toReEvaluate: false,
      history: [],
    });
    expect(criterion(next, 'cl-custody-and-parenthood')).toMatchObject({
      assignee: 'Head of Leaving Care',
      status: 'to-do',
      toReEvaluate: false,
    });
    expect(criterion(next, 'cl-custody-and-parenthood').history[0]).toMatchObject({
      from: '2025–26',
      to: '2026–27',
    });
    expect(judgement(next, 'care-leavers')).toMatchObject({ toReEvaluate: false, rationale: '' });
    expect(narrative(next, 'care-leavers')).toMatchObject({ answers: {}, toReEvaluate: false });
  });

  it('does not carry deleted records, and never changes last year', () => {
    expect(criterion(next, 'hp-lado').grade).toBe('not-yet-graded');
    expect(previous).toEqual(before);
    expect(criterion(next, 'hp-front-door').evidenceIds).not.toBe(
      criterion(previous, 'hp-front-door').evidenceIds,
    );
  });
});

describe('carryForward across the shipped ILACS versions', () => {
  it('2018 to 2023: criteria carry by id; the split judgement’s grade and narrative are archived, not dropped', () => {
    const from = shippedFramework('ilacs-2018');
    const to = shippedFramework('ilacs-2023');
    // ILACS 2023 names ILACS 2018 but maps nothing explicitly: ids in both carry unchanged.
    expect(to.supersedes).toMatchObject({ frameworkId: 'ilacs-2018', version: 1, criterionMap: {} });
    expect(to.supersedes?.judgementMap).toBeUndefined();
    const previous = lastYear(from, (b) => {
      Object.assign(criterion(b, 'cl-pathway-plans'), { grade: 'good' });
      Object.assign(judgement(b, 'leaders'), { agreedGrade: 'requires-improvement' });
      Object.assign(judgement(b, 'children-in-care-and-care-leavers'), {
        agreedGrade: 'good',
        rationale: 'Joint judgement.',
      });
      narrative(b, 'children-in-care-and-care-leavers').answers = { 'what-we-know': 'Both groups.' };
    });
    const next = carry(previous, from, to);

    expect(next.cycle).toMatchObject({ frameworkId: 'ilacs-2023', frameworkVersion: 1 });
    expect(ids(next)).toEqual(expectedIds(to));
    expect(criterion(next, 'cl-pathway-plans')).toMatchObject({ grade: 'good', toReEvaluate: true });
    expect(judgement(next, 'leaders').agreedGrade).toBe('requires-improvement');
    expect(judgement(next, 'children-in-care').agreedGrade).toBeUndefined();
    expect(judgement(next, 'care-leavers').agreedGrade).toBeUndefined();
    expect(next.cycle.archive.map((a) => [a.kind, a.oldId, a.title])).toEqual([
      [
        'judgement-assessment',
        'children-in-care-and-care-leavers',
        'The experiences and progress of children in care and care leavers',
      ],
      [
        'narrative',
        'children-in-care-and-care-leavers',
        'The experiences and progress of children in care and care leavers',
      ],
    ]);
    expect(next.cycle.archive[0]!.record).toMatchObject({
      agreedGrade: 'good',
      rationale: 'Joint judgement.',
    });
    expect(next.cycle.archive[1]!.record).toMatchObject({ answers: { 'what-we-know': 'Both groups.' } });
  });

  it('2023 to 2026: overall effectiveness is no longer graded, so its agreed grade is archived', () => {
    const from = shippedFramework('ilacs-2023');
    const to = shippedFramework('ilacs-2026');
    const previous = lastYear(from, (b) => {
      Object.assign(judgement(b, 'overall-effectiveness'), { agreedGrade: 'good' });
      Object.assign(judgement(b, 'care-leavers'), { agreedGrade: 'outstanding' });
    });
    const next = carry(previous, from, to);
    expect(ids(next)).toEqual(expectedIds(to));
    expect(judgement(next, 'care-leavers').agreedGrade).toBe('outstanding');
    expect(next.cycle.archive.map((a) => [a.kind, a.oldId])).toEqual([
      ['judgement-assessment', 'overall-effectiveness'],
    ]);
  });
});

describe('carryForward through a criterion map', () => {
  const base = shippedFramework('ilacs-2023');
  const frontDoor = base.criteria.find((c) => c.id === 'hp-front-door')!;
  const from: Framework = { ...base, id: 'council-2024' };
  const to: Framework = {
    ...base,
    id: 'council-2025',
    criteria: [
      ...base.criteria.filter(
        (c) => !['hp-front-door', 'hp-strategy-and-section-47', 'hp-lado'].includes(c.id),
      ),
      { ...frontDoor, id: 'hp-front-door-and-s47', ref: 'HP2' },
      { ...frontDoor, id: 'cl-accommodation-staying-put', judgementId: 'care-leavers', ref: 'CL5a' },
    ],
    judgements: base.judgements
      .filter((j) => j.id !== 'leaders')
      .concat({ ...base.judgements[0]!, id: 'leadership' }),
    supersedes: {
      frameworkId: 'council-2024',
      version: 1,
      criterionMap: {
        'hp-front-door': ['hp-front-door-and-s47'],
        'hp-strategy-and-section-47': ['hp-front-door-and-s47'],
        'cl-accommodation': ['cl-accommodation', 'cl-accommodation-staying-put'],
      },
      judgementMap: { leaders: 'leadership' },
    },
    scales: base.scales.map((s) => ({ ...s, levels: s.levels.filter((l) => l.id !== 'outstanding') })),
  };
  const previous = lastYear(from, (b) => {
    Object.assign(criterion(b, 'hp-front-door'), {
      grade: 'good',
      strengths: 'Front door.',
      evidenceIds: ['a'],
      confidence: 'high',
    });
    Object.assign(criterion(b, 'hp-strategy-and-section-47'), {
      grade: 'requires-improvement',
      strengths: 'Section 47.',
      evidenceIds: ['a', 'b'],
      confidence: 'low',
    });
    Object.assign(criterion(b, 'hp-lado'), { grade: 'good', strengths: 'LADO is strong.' });
    Object.assign(criterion(b, 'cl-accommodation'), { grade: 'good', evidenceIds: ['c'] });
    Object.assign(criterion(b, 'cl-pathway-plans'), { grade: 'outstanding', strengths: 'Co-produced.' });
    Object.assign(judgement(b, 'leaders'), { agreedGrade: 'good', rationale: 'Strong.' });
  });
  const next = carry(previous, from, to);
  const merged = criterion(next, 'hp-front-door-and-s47');

  it('maps several old criteria onto one by keeping the weakest grade, joining texts and evidence, and says so', () => {
    expect(mapCriterionIds(from, to, 'hp-strategy-and-section-47')).toEqual(['hp-front-door-and-s47']);
    expect(merged).toMatchObject({
      grade: 'requires-improvement',
      confidence: 'low',
      strengths: 'Front door.\n\nSection 47.',
      evidenceIds: ['a', 'b'],
      toReEvaluate: true,
    });
    expect(merged.history).toHaveLength(1);
    expect(merged.history[0]!.from).toBe(
      '2025–26: HP2 The front door: contacts, referrals, the multi-agency safeguarding hub, thresholds, consent and out of hours (Good); HP3 Strategy discussions and section 47 enquiries (Requires improvement to be good)',
    );
    expect(merged.history[0]!.to).toBe(
      '2026–27, to re-evaluate; merged from 2 criteria, keeping the weakest grade',
    );
  });

  it('copies one old criterion to each of several new ones', () => {
    expect(criterion(next, 'cl-accommodation')).toMatchObject({ grade: 'good', evidenceIds: ['c'] });
    expect(criterion(next, 'cl-accommodation-staying-put')).toMatchObject({
      grade: 'good',
      evidenceIds: ['c'],
    });
  });

  it('archives a criterion that maps nowhere, with its title and content', () => {
    const lado = next.cycle.archive.find((a) => a.oldId === 'hp-lado')!;
    expect(lado).toMatchObject({
      kind: 'criterion-assessment',
      title: 'HP11 Allegations against adults who work with children (LADO)',
      record: { grade: 'good', strengths: 'LADO is strong.' },
    });
  });

  it('does not carry a grade the new scale lacks, keeps the text, and archives last year’s record', () => {
    expect(criterion(next, 'cl-pathway-plans')).toMatchObject({
      grade: 'not-yet-graded',
      strengths: 'Co-produced.',
      toReEvaluate: true,
    });
    expect(criterion(next, 'cl-pathway-plans').history[0]!.to).toContain('not on this framework’s scale');
    expect(next.cycle.archive.find((a) => a.oldId === 'cl-pathway-plans')!.record).toMatchObject({
      grade: 'outstanding',
    });
  });

  it('follows the judgement map, and keeps exactly one record per target criterion and judgement', () => {
    expect(judgement(next, 'leadership')).toMatchObject({ agreedGrade: 'good', rationale: 'Strong.' });
    expect(ids(next)).toEqual(expectedIds(to));
    expect(next.cycle.archive.map((a) => a.oldId).sort()).toEqual(['cl-pathway-plans', 'hp-lado']);
  });

  it('merges several judgements onto one by the weakest agreed grade', () => {
    const merging: Framework = {
      ...to,
      supersedes: { ...to.supersedes!, judgementMap: { leaders: 'care-leavers' } },
    };
    const old = lastYear(from, (b) => {
      Object.assign(judgement(b, 'leaders'), { agreedGrade: 'good', rationale: 'Leaders.' });
      Object.assign(judgement(b, 'care-leavers'), {
        agreedGrade: 'requires-improvement',
        rationale: 'Leavers.',
      });
    });
    const result = judgement(carry(old, from, merging), 'care-leavers');
    expect(result).toMatchObject({ agreedGrade: 'requires-improvement', rationale: 'Leaders.\n\nLeavers.' });
    expect(result.history[0]!.to).toContain('merged from 2 judgements');
  });
});

describe('carryForward without a mapping from last year’s framework', () => {
  it('carries ids found in both frameworks and archives the rest', () => {
    const sif = shippedFramework('sif-2013');
    const ilacs = shippedFramework('ilacs-2023');
    const previous = lastYear(sif, (b) => {
      Object.assign(judgement(b, 'help-and-protection'), { agreedGrade: 'requires-improvement' });
      Object.assign(judgement(b, 'lscb'), { agreedGrade: 'inadequate' });
      Object.assign(criterion(b, 'sif-hp-front-door'), { grade: 'good' });
    });
    const next = carry(previous, sif, ilacs);
    expect(judgement(next, 'help-and-protection').agreedGrade).toBe('requires-improvement');
    expect(next.cycle.archive.map((a) => a.oldId)).toEqual(['sif-hp-front-door', 'lscb']);
    expect(ids(next)).toEqual(expectedIds(ilacs));
  });

  it('archives a narrative that answers a question the new framework does not ask', () => {
    const ilacs = shippedFramework('ilacs-2023');
    const previous = lastYear(ilacs, (b) => {
      narrative(b, 'leaders').answers = { 'what-we-know': 'Known.', 'local-question': 'Only ours.' };
    });
    const next = carry(previous, ilacs);
    expect(narrative(next, 'leaders').answers).toEqual({ 'what-we-know': 'Known.' });
    expect(next.cycle.archive).toHaveLength(1);
    expect(next.cycle.archive[0]!.record).toMatchObject({ answers: { 'local-question': 'Only ours.' } });
  });
});
