import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { AWKWARD, demoReport, demoReportInput } from '../../helpers/demo-report';

describe('buildReport', () => {
  const model = demoReport();

  it('has a cover in the council’s terms', () => {
    expect(model.cover).toMatchObject({
      council: 'Exampleshire County Council',
      title: 'Annual self-assessment 2026–27',
      status: 'Draft',
      marking: 'OFFICIAL-SENSITIVE',
      date: '2026-11-24',
    });
  });

  it('has every judgement with its proposal, agreed grade, narrative and criteria in words', () => {
    // This year's cycle is on ILACS 2026, which has no overall effectiveness judgement.
    expect(model.judgements.map((j) => j.id)).toEqual([
      'leaders',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
    ]);
    const hp = model.judgements[1]!;
    expect(hp.agreed).toBe('Requires improvement to be good');
    expect(hp.narrative.map((n) => n.question)).toEqual([
      'What do you know about the quality and impact of social work practice?',
      'How do you know it?',
      'What are your plans for the next 12 months to maintain or improve practice?',
    ]);
    expect(model.judgements.some((j) => j.narrative.some((n) => /\n\n|\n- /.test(n.answer)))).toBe(true);
    const frontDoor = hp.criteria.find((c) => c.ref === 'HP2')!;
    expect(frontDoor.grade).toBe('Requires improvement to be good');
    expect(frontDoor.strengths).toBe(AWKWARD.strengths);
    expect(frontDoor.evidenceRefs.every((r) => /^E\d+$/.test(r))).toBe(true);
    expect(model.judgements[2]!.criteria.find((c) => c.ref === 'CIC6')!.grade).toBe('Not applicable');
  });

  it('numbers evidence oldest first and cites it by those numbers', () => {
    expect(model.evidence[0]!.ref).toBe('E1');
    const dates = model.evidence.map((e) => e.date);
    expect(dates).toEqual([...dates].sort());
    const cited = new Set(model.judgements.flatMap((j) => j.criteria.flatMap((c) => c.evidenceRefs)));
    expect([...cited].every((ref) => model.evidence.some((e) => e.ref === ref))).toBe(true);
    expect(model.evidence.some((e) => e.stale)).toBe(true);
  });

  it('carries the tracker, the plan, readiness checks, changes and audits', () => {
    expect(model.recommendations.some((r) => r.actions === '')).toBe(true);
    expect(model.recommendations.some((r) => r.actions.includes('; '))).toBe(true);
    expect(model.actions.some((a) => a.overdue)).toBe(true);
    expect(model.readiness.length).toBeGreaterThan(0);
    expect(model.changes?.since).toBe('2025–26');
    expect(model.changes?.grades.some((g) => g.change === 'Worse')).toBe(true);
    expect(model.audits.rows).toHaveLength(2);
    expect(model.audits.overall).toMatchObject({ graded: 2, goodOrBetter: 1, percentGoodOrBetter: 50 });
    expect(model.judgements[1]!.criteria.find((c) => c.ref === 'HP4')!.auditSummary).toBe(
      '50% good or better (1 of 2 audits)',
    );
  });

  it('carries the scorecard in words', () => {
    expect(model.scorecard).toEqual([
      expect.objectContaining({
        name: 'Contacts with a decision within one working day',
        latest: '78%',
        latestPeriod: 'October 2026',
        target: '90%',
        rag: 'Red: off target',
        direction: 'Getting worse',
        england: '83%',
        criteria: 'HP2',
      }),
    ]);
  });

  it('includes a council’s own criterion fields', () => {
    const input = demoReportInput();
    input.framework = {
      ...input.framework,
      criteria: input.framework.criteria.map((c) =>
        c.id === 'hp-front-door' ? { ...c, extensions: { 'Local lead': 'Head of Service, Front Door' } } : c,
      ),
    };
    const adapted = buildReport(input);
    expect(adapted.extensionNames).toEqual(['Local lead']);
    expect(adapted.judgements[1]!.criteria.find((c) => c.ref === 'HP2')!.extensions).toEqual({
      'Local lead': 'Head of Service, Front Door',
    });
  });

  it('names in the evidence appendix each criterion an item supports once, in order, leaving out deleted grades', () => {
    const input = demoReportInput();
    const item = input.evidence[0]!;
    const [first, second, third] = input.bundle.criterionAssessments;
    for (const a of input.bundle.criterionAssessments)
      a.evidenceIds = a.evidenceIds.filter((id) => id !== item.id);
    first!.evidenceIds.push(item.id, item.id);
    second!.evidenceIds.push(item.id);
    third!.evidenceIds.push(item.id);
    third!.deletedAt = '2026-11-01T00:00:00.000Z';
    const refOf = (criterionId: string) => input.framework.criteria.find((c) => c.id === criterionId)!.ref;
    const row = buildReport(input).evidence.find((e) => e.title === item.title)!;
    expect(row.supports).toBe(`${refOf(first!.criterionId)}, ${refOf(second!.criterionId)}`);
  });
});
