import { describe, expect, it } from 'vitest';
import { computeReadiness, type ReadinessInput } from '../../../src/domain/rehearsal/readiness';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { makeAction, makeCaseAudit, makeEvidence, makeRecommendation } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const TODAY = '2025-06-01';

function input(edit: (i: ReadinessInput) => void = () => undefined): ReadinessInput {
  let n = 0;
  const bundle = startCycle({
    framework: ilacs,
    startYear: 2025,
    author: { by: 'T', now: '2025-04-02T09:00:00Z' },
    makeId: () => `r${++n}`,
  });
  const value: ReadinessInput = {
    framework: ilacs,
    bundle,
    evidence: [],
    actions: [],
    recommendations: [],
    audits: [],
    indicators: [],
    today: TODAY,
  };
  edit(value);
  return value;
}
const careLeavers = (i: ReadinessInput) =>
  i.framework.criteria.filter((c) => c.judgementId === 'care-leavers');
const row = (i: ReadinessInput, id: string) => computeReadiness(i).find((r) => r.judgementId === id)!;

/** Care leavers fully graded Good, each with current evidence, agreed Good. */
function readyCareLeavers(i: ReadinessInput) {
  const fresh = makeEvidence({ id: 'fresh', date: '2025-05-01' });
  i.evidence = [fresh];
  for (const c of careLeavers(i)) {
    Object.assign(
      i.bundle.criterionAssessments.find((a) => a.criterionId === c.id)!,
      { grade: 'good', evidenceIds: ['fresh'] },
    );
  }
  i.bundle.judgementAssessments.find((a) => a.judgementId === 'care-leavers')!.agreedGrade = 'good';
}

describe('readiness by judgement', () => {
  it('is not ready without an agreed grade or current evidence, and says why', () => {
    const r = row(input(), 'care-leavers');
    expect(r.rating).toBe('not-ready');
    expect(r.reasons).toContain('no agreed grade yet');
    expect(r.reasons).toContain('only 0 of 8 criteria have current evidence');
    expect(r.selfKnowledge.verdict).toBe('not-agreed');
  });

  it('is ready with an agreed grade, current evidence on every criterion and nothing to fix', () => {
    const r = row(input(readyCareLeavers), 'care-leavers');
    expect(r.criteriaWithCurrentEvidence).toBe(8);
    expect(r.gaps).toEqual([]);
    expect(r.rating).toBe('ready');
  });

  it('is nearly ready with an overdue action behind it, or stale evidence on some criteria', () => {
    const overdue = row(
      input((i) => {
        readyCareLeavers(i);
        i.actions = [makeAction({ dueDate: '2025-01-01', criterionIds: ['cl-pathway-plans'] })];
      }),
      'care-leavers',
    );
    expect(overdue.rating).toBe('nearly-ready');
    expect(overdue.reasons).toContain('1 overdue action');
    const stale = row(
      input((i) => {
        readyCareLeavers(i);
        i.evidence = [...i.evidence, makeEvidence({ id: 'old', date: '2023-01-01' })];
        for (const c of careLeavers(i).slice(0, 2))
          i.bundle.criterionAssessments.find((a) => a.criterionId === c.id)!.evidenceIds = ['old'];
      }),
      'care-leavers',
    );
    expect(stale.criteriaWithCurrentEvidence).toBe(6);
    expect(stale.criteriaWithOnlyStaleEvidence).toBe(2);
    expect(stale.rating).toBe('nearly-ready');
  });

  it('counts open recommendations and an unanswered area for priority action as a gap', () => {
    const r = row(
      input((i) => {
        readyCareLeavers(i);
        i.recommendations = [makeRecommendation({ judgementIds: ['care-leavers'], priorityAction: true })];
      }),
      'care-leavers',
    );
    expect(r.openRecommendations).toBe(1);
    expect(r.openPriorityActions).toBe(1);
    expect(r.rating).toBe('not-ready');
    expect(r.gaps.some((g) => g.code === 'recommendation-without-action')).toBe(true);
  });
});

describe('do we know ourselves?', () => {
  const audits = (good: number, notGood: number) => [
    ...Array.from({ length: good }, (_, k) =>
      makeCaseAudit({
        id: `g${k}`,
        toolId: 'cl-audit',
        criterionIds: ['cl-pathway-plans'],
        domainGrades: { 'pathway-plan': 'good' },
      }),
    ),
    ...Array.from({ length: notGood }, (_, k) =>
      makeCaseAudit({
        id: `b${k}`,
        toolId: 'cl-audit',
        criterionIds: ['cl-pathway-plans'],
        domainGrades: { 'pathway-plan': 'inadequate' },
      }),
    ),
  ];
  const pathwayDomain = ilacs.auditTools
    .find((t) => t.id === 'cl-audit')!
    .domains.find(
      (d) => d.questions.some((q) => q.criterionIds?.includes('cl-pathway-plans')) && d.graded,
    )!.id;
  // Every completed audit has an overall grade; here it is the same as the pathway-plan domain's.
  const withDomain = (list: ReturnType<typeof audits>) =>
    list.map((a) => ({
      ...a,
      domainGrades: { [pathwayDomain]: a.domainGrades['pathway-plan']! },
      overallGrade: a.domainGrades['pathway-plan']!,
    }));

  it('says plainly when the self-grade is better than the audits support', () => {
    const r = row(
      input((i) => {
        readyCareLeavers(i);
        i.audits = withDomain(audits(1, 5));
      }),
      'care-leavers',
    );
    expect(r.selfKnowledge.verdict).toBe('over-graded');
    expect(r.selfKnowledge.message).toContain('only 17% of 6 audited cases were good or better');
  });

  it('says so when it is worse than the audits suggest', () => {
    const r = row(
      input((i) => {
        readyCareLeavers(i);
        i.bundle.judgementAssessments.find((a) => a.judgementId === 'care-leavers')!.agreedGrade =
          'requires-improvement';
        i.audits = withDomain(audits(5, 0));
      }),
      'care-leavers',
    );
    expect(r.selfKnowledge.verdict).toBe('under-graded');
  });

  it('needs enough audits to judge, and otherwise calls a fitting grade consistent', () => {
    expect(
      row(
        input((i) => {
          readyCareLeavers(i);
          i.audits = withDomain(audits(1, 2));
        }),
        'care-leavers',
      ).selfKnowledge.verdict,
    ).toBe('not-enough-audits');
    expect(
      row(
        input((i) => {
          readyCareLeavers(i);
          i.audits = withDomain(audits(4, 1));
        }),
        'care-leavers',
      ).selfKnowledge.verdict,
    ).toBe('consistent');
  });

  it('names an open area for priority action among the reasons even when it has an action behind it', () => {
    const r = row(
      input((i) => {
        readyCareLeavers(i);
        const rec = makeRecommendation({ judgementIds: ['care-leavers'], priorityAction: true });
        i.recommendations = [rec];
        i.actions = [makeAction({ dueDate: '2026-01-01', recommendationIds: [rec.id], criterionIds: [] })];
      }),
      'care-leavers',
    );
    expect(r.reasons).toContain('1 open area for priority action');
    expect(r.rating).not.toBe('ready');
  });
});

describe('a judgement with nothing of its own to show', () => {
  const agree = (i: ReadinessInput, judgementId: string, grade = 'good') => {
    i.bundle.judgementAssessments.find((a) => a.judgementId === judgementId)!.agreedGrade = grade;
  };
  /** Every criterion of `judgementId` graded Good with current evidence, and the judgement agreed Good. */
  const readyJudgement = (i: ReadinessInput, judgementId: string) => {
    i.evidence = [makeEvidence({ id: 'fresh', date: '2025-05-01' })];
    for (const a of i.bundle.criterionAssessments) {
      const criterion = i.framework.criteria.find((c) => c.id === a.criterionId)!;
      if (criterion.judgementId === judgementId) Object.assign(a, { grade: 'good', evidenceIds: ['fresh'] });
    }
    agree(i, judgementId);
  };

  it('never calls overall effectiveness ready with no evidence at all: it rests on judgements that are not', () => {
    const r = row(
      input((i) => agree(i, 'overall-effectiveness')),
      'overall-effectiveness',
    );
    expect(r.criteria).toBe(0);
    expect(r.rating).toBe('not-ready');
    expect(r.reasons.join('; ')).toContain('are not ready, and its grade rests on them');
    expect(r.reasons.join('; ')).not.toContain('current evidence');
  });

  it('calls overall effectiveness ready only once every judgement it rests on is ready', () => {
    const judgements = ['leaders', 'help-and-protection', 'children-in-care', 'care-leavers'];
    const all = input((i) => {
      for (const id of judgements) readyJudgement(i, id);
      i.evidence = [makeEvidence({ id: 'fresh', date: '2025-05-01' })];
      agree(i, 'overall-effectiveness');
    });
    const rows = computeReadiness(all);
    for (const id of judgements) expect(rows.find((r) => r.judgementId === id)!.rating, id).toBe('ready');
    const overall = rows.find((r) => r.judgementId === 'overall-effectiveness')!;
    expect(overall.rating).toBe('ready');
    expect(overall.reasons[0]).toContain('on which it rests, are all ready');
  });

  it('is not ready when it rests on no other judgement, and says why', () => {
    const alone = { ...ilacs, rules: [] };
    const r = computeReadiness(
      input((i) => {
        i.framework = alone;
        agree(i, 'overall-effectiveness');
      }),
    ).find((x) => x.judgementId === 'overall-effectiveness')!;
    expect(r.rating).toBe('not-ready');
    expect(r.reasons).toContain('it has no criteria of its own, so nothing here can show it');
  });

  it('is not ready with current evidence on every criterion but none of them graded', () => {
    const r = row(
      input((i) => {
        readyCareLeavers(i);
        for (const c of careLeavers(i))
          i.bundle.criterionAssessments.find((a) => a.criterionId === c.id)!.grade = 'not-yet-graded';
      }),
      'care-leavers',
    );
    expect(r.criteriaWithCurrentEvidence).toBe(8);
    expect(r.rating).toBe('not-ready');
    expect(r.reasons).toContain('none of its 8 criteria is graded yet');
  });
});
