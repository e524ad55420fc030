import { describe, expect, it } from 'vitest';
import { computeCriterionAuditFindings } from '../../../src/domain/case-audit/criterion-evidence';
import {
  buildDrillQuestions,
  formatDuration,
  namedEvidenceOf,
  weakAnswers,
  weakestJudgement,
  withNamedEvidenceRegistered,
  type DrillAnswerWithNamedEvidence,
  type DrillInput,
} from '../../../src/domain/rehearsal/drill';
import { computeReadiness } from '../../../src/domain/rehearsal/readiness';
import { newRehearsal, readinessAcrossRehearsals } from '../../../src/domain/rehearsal/rehearsal-record';
import { withAnswer } from '../../../src/domain/rehearsal/records';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import type { CaseAudit } from '../../../src/domain/case-audit/records';
import type { CycleBundle, EvidenceItem } from '../../../src/domain/workspace/records';
import { makeCaseAudit, makeEvidence } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const TODAY = '2025-06-01';
const CARE_LEAVERS = ilacs.criteria.filter((c) => c.judgementId === 'care-leavers');

interface World {
  bundle: CycleBundle;
  evidence: EvidenceItem[];
  audits: CaseAudit[];
}

function world(edit: (w: World) => void = () => undefined): World {
  let n = 0;
  const bundle = startCycle({
    framework: ilacs,
    startYear: 2025,
    author: { by: 'T', now: '2025-04-02T09:00:00Z' },
    makeId: () => `r${++n}`,
  });
  const w: World = { bundle, evidence: [], audits: [] };
  edit(w);
  return w;
}

function drillInput(w: World, judgementId = 'care-leavers', length?: number): DrillInput {
  const readiness = computeReadiness({
    framework: ilacs,
    bundle: w.bundle,
    evidence: w.evidence,
    actions: [],
    recommendations: [],
    audits: w.audits,
    indicators: [],
    today: TODAY,
  });
  return {
    framework: ilacs,
    judgementId,
    readiness,
    criterionAssessments: w.bundle.criterionAssessments,
    evidence: w.evidence,
    auditFindings: computeCriterionAuditFindings(ilacs, w.audits),
    today: TODAY,
    ...(length !== undefined ? { length } : {}),
  };
}

/** Every care leavers criterion graded good with two current evidence items. */
function wellEvidenced(w: { bundle: CycleBundle; evidence: EvidenceItem[] }) {
  w.evidence = [
    makeEvidence({ id: 'e1', date: '2025-05-01' }),
    makeEvidence({ id: 'e2', date: '2025-04-20' }),
  ];
  for (const c of CARE_LEAVERS)
    Object.assign(
      w.bundle.criterionAssessments.find((a) => a.criterionId === c.id)!,
      {
        grade: 'good',
        evidenceIds: ['e1', 'e2'],
      },
    );
}

describe('the lines of enquiry drill', () => {
  it('asks first about criteria graded below good, then about thin evidence, then the lines of enquiry', () => {
    const w = world((w) => {
      wellEvidenced(w);
      w.bundle.criterionAssessments.find((a) => a.criterionId === 'cl-accommodation')!.grade =
        'requires-improvement';
      w.bundle.criterionAssessments.find((a) => a.criterionId === 'cl-health-and-wellbeing')!.evidenceIds = [
        'e1',
      ];
    });
    const questions = buildDrillQuestions(drillInput(w, 'care-leavers', 20));
    expect(questions[0]).toMatchObject({ id: 'weak:cl-accommodation', source: 'weak-criterion' });
    expect(questions[0]!.why).toBe('You graded it Requires improvement to be good.');
    expect(questions[1]).toMatchObject({ id: 'thin:cl-health-and-wellbeing', source: 'thin-evidence' });
    expect(questions[1]!.why).toBe('Only one current evidence item is linked to it.');
    expect(questions.slice(2).every((q) => q.source === 'line-of-enquiry')).toBe(true);
    // Lines of enquiry range across the judgement: the weakest criterion's first line, then the next criterion's.
    expect(questions[2]!.id).toBe('loe:cl-accommodation:0');
    expect(questions[2]!.question).toBe(
      CARE_LEAVERS.find((c) => c.id === 'cl-accommodation')!.linesOfEnquiry[0],
    );
    expect(new Set(questions.slice(2, 2 + CARE_LEAVERS.length).map((q) => q.criterionId)).size).toBe(
      CARE_LEAVERS.length,
    );
  });

  it('asks leaders to defend a grade the audits do not support', () => {
    const pathwayDomain = ilacs.auditTools
      .find((t) => t.id === 'cl-audit')!
      .domains.find(
        (d) => d.graded && d.questions.some((q) => q.criterionIds?.includes('cl-pathway-plans')),
      )!.id;
    const w = world((w) => {
      wellEvidenced(w);
      w.bundle.judgementAssessments.find((a) => a.judgementId === 'care-leavers')!.agreedGrade = 'good';
      w.audits = Array.from({ length: 6 }, (_, k) =>
        makeCaseAudit({
          id: `a${k}`,
          toolId: 'cl-audit',
          criterionIds: ['cl-pathway-plans'],
          domainGrades: { [pathwayDomain]: k === 0 ? 'good' : 'inadequate' },
          overallGrade: k === 0 ? 'good' : 'inadequate',
        }),
      );
    });
    const questions = buildDrillQuestions(drillInput(w));
    expect(questions[0]).toMatchObject({ source: 'self-knowledge' });
    expect(questions[0]!.question).toContain('You have graded “Care leavers” as Good');
    expect(questions[1]).toMatchObject({ id: 'audits:cl-pathway-plans', source: 'weak-criterion' });
    expect(questions[1]!.why).toBe('17% of 6 audited cases were good or better.');
  });

  it('is as long as asked, and never empty', () => {
    expect(buildDrillQuestions(drillInput(world(), 'care-leavers', 5))).toHaveLength(5);
    expect(buildDrillQuestions(drillInput(world(), 'care-leavers', 0))).toHaveLength(1);
  });

  it('picks the least ready judgement to rehearse when asked to choose', () => {
    const w = world((w) => {
      wellEvidenced(w);
      w.bundle.judgementAssessments.find((a) => a.judgementId === 'care-leavers')!.agreedGrade = 'good';
    });
    const { readiness } = drillInput(w);
    const weakest = weakestJudgement(readiness);
    expect(readiness.find((r) => r.judgementId === weakest)!.rating).toBe('not-ready');
    expect(weakest).not.toBe('care-leavers');
    expect(weakestJudgement(readiness.filter((r) => r.judgementId === 'care-leavers'))).toBe('care-leavers');
  });
});

describe('weak answers and the rehearsal record', () => {
  const questions = buildDrillQuestions(drillInput(world(), 'care-leavers', 6));
  const readiness = drillInput(world()).readiness;
  const base = newRehearsal({
    meta: { id: 'h1', createdAt: '2025-06-01T09:00:00Z', updatedAt: '2025-06-01T09:00:00Z', updatedBy: 'T' },
    date: '2025-06-01',
    participants: ['Director', 'Head of service'],
    cycle: world().bundle.cycle,
    framework: ilacs,
    judgementId: 'care-leavers',
    questions,
    readiness,
  });

  it('lists the questions not answered, answered without confidence, or answered without evidence', () => {
    let r = withAnswer(base, {
      questionId: questions[0]!.id,
      notes: 'Pathway plans reviewed monthly.',
      confidence: 'confident',
      evidenceIds: ['e1'],
      seconds: 95,
    });
    r = withAnswer(r, {
      questionId: questions[1]!.id,
      notes: '',
      confidence: 'could-not-answer',
      evidenceIds: [],
      seconds: 40,
    });
    r = withAnswer(r, {
      questionId: questions[2]!.id,
      notes: 'We think so.',
      confidence: 'confident',
      evidenceIds: [],
      seconds: 30,
    });
    const weak = weakAnswers(r);
    expect(weak.map((w) => [w.question.id, w.reason])).toEqual([
      [questions[1]!.id, 'Could not answer'],
      [questions[2]!.id, 'No evidence offered'],
      ...questions.slice(3).map((q) => [q.id, 'Not answered']),
    ]);
    // Answering again replaces the answer rather than adding another.
    const again = withAnswer(r, {
      questionId: questions[1]!.id,
      notes: 'Found it.',
      confidence: 'confident',
      evidenceIds: ['e2'],
      seconds: 60,
    });
    expect(again.answers).toHaveLength(3);
    expect(weakAnswers(again).map((w) => w.question.id)).not.toContain(questions[1]!.id);
  });

  it('takes evidence named that is not in the register yet, until it is added there', () => {
    const answer = {
      questionId: questions[0]!.id,
      notes: 'Care leavers told us at the forum.',
      confidence: 'confident' as const,
      evidenceIds: [],
      seconds: 30,
      namedEvidence:
        'Care leavers’ forum minutes, May\n\n  LADO annual report \nCare leavers’ forum minutes, May',
    };
    expect(namedEvidenceOf(answer)).toEqual(['Care leavers’ forum minutes, May', 'LADO annual report']);
    const r = withAnswer(base, answer);
    expect(weakAnswers(r)[0]).toMatchObject({
      question: { id: questions[0]!.id },
      reason:
        'Evidence named but not in the register yet (Care leavers’ forum minutes, May; LADO annual report)',
    });
    const one = withNamedEvidenceRegistered(answer, 'LADO annual report', 'e9');
    expect(one).toMatchObject({ evidenceIds: ['e9'], namedEvidence: 'Care leavers’ forum minutes, May' });
    const both = withNamedEvidenceRegistered(one, 'Care leavers’ forum minutes, May', 'e10');
    expect(both).toMatchObject({ evidenceIds: ['e9', 'e10'], namedEvidence: '' });
    expect(weakAnswers(withAnswer(base, both)).map((w) => w.question.id)).not.toContain(questions[0]!.id);
    // Without evidence named or offered, the answer still has none.
    const blank: DrillAnswerWithNamedEvidence = { ...answer, namedEvidence: ' \n ' };
    expect(weakAnswers(withAnswer(base, blank))[0]!.reason).toBe('No evidence offered');
  });

  it('keeps the readiness of the day, so rehearsals show whether readiness improves', () => {
    const later = {
      ...base,
      id: 'h2',
      date: '2025-07-01',
      readiness: { ...base.readiness, 'care-leavers': 'ready' as const },
    };
    const across = readinessAcrossRehearsals(ilacs, [later, base]);
    expect(across.rehearsals.map((r) => r.date)).toEqual(['2025-06-01', '2025-07-01']);
    expect(across.judgements.find((j) => j.judgementId === 'care-leavers')!.ratings).toEqual([
      'not-ready',
      'ready',
    ]);
    expect(across.rehearsals[0]!.weakAnswers).toBe(6);
  });

  it('shows time as minutes and seconds', () => {
    expect(formatDuration(0)).toBe('0:00');
    expect(formatDuration(95.7)).toBe('1:35');
    expect(formatDuration(600)).toBe('10:00');
  });
});
