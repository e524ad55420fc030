import { describe, expect, it } from 'vitest';
import type { LastInspection } from '../../../src/domain/inspection-report/last-inspection';
import { buildDrillQuestions, weakestJudgement, type DrillInput } from '../../../src/domain/rehearsal/drill';
import { computeReadiness, type ReadinessInput } from '../../../src/domain/rehearsal/readiness';
import {
  describeFocus,
  themedFocus,
  themeJudgementId,
  type RehearsalFocus,
} from '../../../src/domain/rehearsal/rehearsal-focus';
import { newRehearsal } from '../../../src/domain/rehearsal/rehearsal-record';
import { themeCriteria, themesFor } from '../../../src/domain/rehearsal/theme-readiness';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { makeRehearsal } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const sif = shippedFramework('sif-2013');
const TODAY = '2025-06-01';

function readinessInput(framework = ilacs, lastInspection?: LastInspection): ReadinessInput {
  let n = 0;
  const bundle = startCycle({
    framework,
    startYear: 2025,
    author: { by: 'T', now: '2025-04-02T09:00:00Z' },
    makeId: () => `r${++n}`,
  });
  return {
    framework,
    bundle,
    evidence: [],
    actions: [],
    recommendations: [],
    audits: [],
    indicators: [],
    today: TODAY,
    ...(lastInspection ? { lastInspection } : {}),
  };
}

function drill(input: ReadinessInput, judgementId: string, focus?: RehearsalFocus, length = 50): DrillInput {
  return {
    framework: input.framework,
    judgementId,
    readiness: computeReadiness(input),
    criterionAssessments: input.bundle.criterionAssessments,
    evidence: [],
    auditFindings: new Map(),
    today: TODAY,
    length,
    ...(focus ? { focus } : {}),
  };
}

function lastInspection(grades: Record<string, string>): LastInspection {
  return {
    kind: 'ilacs-report',
    councilName: 'Exampleshire',
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    fieldworkStart: '2023-03-06',
    fieldworkEnd: '2023-03-17',
    published: '2023-04-28',
    grades: Object.entries(grades).map(([judgementId, levelId]) => ({
      name: judgementId,
      grade: levelId,
      judgementId,
      levelId,
    })),
    fileName: 'report.pdf',
    recordedAt: '2025-05-01T09:00:00Z',
    recordedBy: 'T',
  };
}

describe('a focused visit or JTAI rehearsal', () => {
  const frontDoor = themesFor('focused-visit').find((t) => t.id === 'front-door')!;
  const careLeavers = themesFor('focused-visit').find((t) => t.id === 'care-leavers')!;

  it('drills only the criteria that bear on the theme, across judgements, never a judgement grade', () => {
    const focus: RehearsalFocus = { type: 'focused-visit', themeId: 'front-door' };
    const onTheme = new Set(themeCriteria(ilacs, frontDoor, 'focused-visit').map((c) => c.id));
    const questions = buildDrillQuestions(drill(readinessInput(), 'care-leavers', focus));
    expect(questions.length).toBeGreaterThan(onTheme.size);
    expect(questions.every((q) => q.criterionId && onTheme.has(q.criterionId))).toBe(true);
    expect(questions.some((q) => q.source === 'self-knowledge' || q.source === 'last-inspection')).toBe(
      false,
    );
    // Each question belongs to its criterion's judgement, not the one the rehearsal is filed under.
    for (const q of questions)
      expect(q.judgementId).toBe(ilacs.criteria.find((c) => c.id === q.criterionId)!.judgementId);
    const line = questions.find((q) => q.source === 'line-of-enquiry')!;
    expect(line.why).toMatch(/, which bears on the front door\.$/);
  });

  it('adds the front door to a JTAI deep dive, in the SIF as in ILACS', () => {
    for (const framework of [ilacs, sif]) {
      const focus: RehearsalFocus = { type: 'jtai', themeId: 'domestic-abuse' };
      const themed = themedFocus(framework, focus)!;
      const tags = (id: string) => framework.criteria.find((c) => c.id === id)!.tags;
      const questions = buildDrillQuestions(drill(readinessInput(framework), 'help-and-protection', focus));
      const criteria = new Set(questions.map((q) => q.criterionId!));
      expect(themed.criteria.some((c) => c.tags.includes('domestic-abuse'))).toBe(true);
      expect([...criteria].every((id) => themed.criteria.some((c) => c.id === id))).toBe(true);
      expect([...criteria].some((id) => tags(id).includes('domestic-abuse'))).toBe(true);
      expect([...criteria].some((id) => tags(id).includes('front-door'))).toBe(true);
    }
  });

  it('drills the judgement as before for a full inspection, an unknown theme or a rehearsal without a focus', () => {
    const input = drill(readinessInput(), 'care-leavers');
    const plain = buildDrillQuestions(input);
    expect(buildDrillQuestions({ ...input, focus: { type: 'ilacs-standard' } })).toEqual(plain);
    expect(buildDrillQuestions({ ...input, focus: { type: 'focused-visit', themeId: 'gone' } })).toEqual(
      plain,
    );
    expect(plain.every((q) => q.judgementId === 'care-leavers')).toBe(true);
  });

  it('is filed under the judgement most of its criteria sit under', () => {
    const themed = themedFocus(ilacs, { type: 'focused-visit', themeId: careLeavers.id })!;
    expect(themeJudgementId(ilacs, themed)).toBe('care-leavers');
    expect(
      themeJudgementId(ilacs, themedFocus(ilacs, { type: 'focused-visit', themeId: 'front-door' })!),
    ).toBe('help-and-protection');
  });

  it('keeps the type and theme on the record and names them in the title', () => {
    const input = readinessInput();
    const record = newRehearsal({
      meta: { id: 'x', createdAt: 't', updatedAt: 't', updatedBy: 'T' },
      date: TODAY,
      participants: [],
      cycle: input.bundle.cycle,
      framework: ilacs,
      judgementId: 'care-leavers',
      questions: [],
      readiness: computeReadiness(input),
      focus: { type: 'jtai', themeId: 'neglect' },
    });
    expect(record).toMatchObject({ inspectionType: 'jtai', themeId: 'neglect' });
    expect(record.title).toBe('JTAI on children living with neglect: lines of enquiry');
    expect(
      describeFocus(record.inspectionType && { type: record.inspectionType, themeId: record.themeId }),
    ).toBe('Joint targeted area inspection (JTAI): children living with neglect, with the front door');
    const standard = newRehearsal({
      ...recordInput(input),
      focus: { type: 'ilacs-standard', themeId: 'neglect' },
    });
    expect(standard).toMatchObject({
      inspectionType: 'ilacs-standard',
      title: 'Care leavers: lines of enquiry',
    });
    expect(standard.themeId).toBeUndefined();
  });

  it('reads a rehearsal from before the choice as it was', () => {
    const old = makeRehearsal();
    expect('inspectionType' in old).toBe(false);
    expect(describeFocus({ type: old.inspectionType, themeId: old.themeId })).toBeUndefined();
    expect(newRehearsal(recordInput(readinessInput()))).not.toHaveProperty('inspectionType');
  });
});

function recordInput(input: ReadinessInput) {
  return {
    meta: { id: 'y', createdAt: 't', updatedAt: 't', updatedBy: 'T' },
    date: TODAY,
    participants: [],
    cycle: input.bundle.cycle,
    framework: ilacs,
    judgementId: 'care-leavers',
    questions: [],
    readiness: computeReadiness(input),
  };
}

describe('the last inspection in readiness and the drill', () => {
  const last = lastInspection({
    leaders: 'good',
    'help-and-protection': 'good',
    'children-in-care': 'requires-improvement',
    'care-leavers': 'good',
  });

  it('puts the last inspection’s grade beside each judgement, and whether it was below good', () => {
    const rows = computeReadiness(readinessInput(ilacs, last));
    expect(rows.find((r) => r.judgementId === 'children-in-care')!.lastInspection).toEqual({
      grade: 'Requires improvement to be good',
      belowGood: true,
      direction: 'no-longer-graded',
    });
    expect(rows.find((r) => r.judgementId === 'care-leavers')!.lastInspection).toMatchObject({
      grade: 'Good',
      belowGood: false,
    });
    expect(rows.find((r) => r.judgementId === 'overall-effectiveness')!.lastInspection).toBeUndefined();
    expect(computeReadiness(readinessInput()).every((r) => r.lastInspection === undefined)).toBe(true);
  });

  it('rehearses first, among equally ready judgements, one graded below good last time', () => {
    const input = readinessInput(ilacs, last);
    const readiness = computeReadiness(input);
    expect(new Set(readiness.filter((r) => r.criteria > 0).map((r) => r.rating)).size).toBe(1);
    expect(weakestJudgement(readiness)).toBe('children-in-care');
    expect(weakestJudgement(computeReadiness(readinessInput()))).not.toBe('children-in-care');
  });

  it('asks what has changed since a judgement was graded below good', () => {
    const questions = buildDrillQuestions(drill(readinessInput(ilacs, last), 'children-in-care'));
    expect(questions[0]).toMatchObject({ id: 'last-inspection:children-in-care', source: 'last-inspection' });
    expect(questions[0]!.question).toBe(
      'At your last inspection “Children in care” was judged Requires improvement to be good. What has changed for children since, and how do you know?',
    );
    expect(
      buildDrillQuestions(drill(readinessInput(ilacs, last), 'care-leavers')).some(
        (q) => q.source === 'last-inspection',
      ),
    ).toBe(false);
  });
});
