// @vitest-environment node
/*
 * SIF 2013 faithful to its time (domain.md §8): in use into early 2018 for re-inspections without an
 * LSCB review; the council's own self-assessment, not ILACS's three questions; SIF's words for its
 * recommendations; the fostering service, residential care and the LSCB's wider oversight. Every id the
 * first shipped version had is kept.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isInForceForYear } from '../../../src/domain/self-assessment/framework-for-year';
import { shippedFramework } from '../../helpers/frameworks';

const sif = shippedFramework('sif-2013');
const criterion = (id: string) => sif.criteria.find((c) => c.id === id);

/** Ids of the first shipped SIF file: never removed, never reused. */
const FIRST_IDS = {
  criteria: [
    'sif-hp-early-help',
    'sif-hp-front-door',
    'sif-hp-s47-child-protection',
    'sif-hp-assessment-planning',
    'sif-hp-domestic-abuse-neglect',
    'sif-hp-cse-missing',
    'sif-hp-private-fostering',
    'sif-hp-lado',
    'sif-hp-homeless-16-17',
    'sif-hp-management-oversight',
    'sif-la-decisions-into-care',
    'sif-la-permanence-planning',
    'sif-la-stability-sufficiency',
    'sif-la-health',
    'sif-la-education',
    'sif-la-iro-reviews',
    'sif-la-voice-participation',
    'sif-la-missing-exploitation',
    'sif-adopt-timeliness',
    'sif-adopt-adopter-recruitment',
    'sif-adopt-matching-early-permanence',
    'sif-adopt-support',
    'sif-cl-pathway-plans',
    'sif-cl-accommodation',
    'sif-cl-eet',
    'sif-cl-health-independence',
    'sif-cl-entitlements-voice',
    'sif-lmg-governance',
    'sif-lmg-knowing-themselves',
    'sif-lmg-performance-qa',
    'sif-lmg-workforce',
    'sif-lmg-corporate-parenting',
    'sif-lmg-partnerships-commissioning',
    'sif-lmg-listening-learning',
    'lscb-governance-challenge',
    'lscb-monitoring-evaluation',
    'lscb-multi-agency-audit',
    'lscb-section-11',
    'lscb-scr-learning',
    'lscb-cdop',
    'lscb-training',
    'lscb-policies-procedures',
    'lscb-annual-report-business-plan',
    'lscb-oversight-vulnerable-groups',
    'lscb-engagement-children',
  ],
  judgements: [
    'overall-effectiveness',
    'help-and-protection',
    'looked-after-and-permanence',
    'adoption-performance',
    'care-leavers',
    'leadership-management-governance',
    'lscb',
  ],
  rules: ['key-judgement-inadequate-overall-inadequate', 'overall-within-key-judgements'],
  auditTools: ['sif-cin-cp-audit', 'sif-cla-audit', 'sif-cl-audit', 'lscb-multi-agency-audit'],
  readinessChecklist: [
    ...Array.from({ length: 11 }, (_, i) => `annex-a-${i + 1}`),
    'doc-self-evaluation',
    'doc-lscb-annual-report-business-plan',
    'doc-audit-summaries',
    'doc-performance-data',
    'doc-improvement-plan',
    'arr-key-contacts',
    'arr-base-room',
    'arr-case-tracking-referral-back',
    'arr-lscb-chair',
  ],
};

describe('SIF 2013, faithful to its time', () => {
  it('keeps every id of the first shipped version', () => {
    for (const [list, ids] of Object.entries(FIRST_IDS)) {
      const now = (sif[list as keyof typeof FIRST_IDS] as { id: string }[]).map((x) => x.id);
      for (const id of ids) expect(now, `${list}: ${id}`).toContain(id);
    }
  });

  it('ends on 31 March 2018, after the last SIF re-inspections, in the file and in index.json', () => {
    expect(sif.effectiveTo).toBe('2018-03-31');
    const index = JSON.parse(readFileSync('public/frameworks/index.json', 'utf8')) as {
      frameworks: { id: string; effectiveTo?: string }[];
    };
    expect(index.frameworks.find((e) => e.id === 'sif-2013')?.effectiveTo).toBe('2018-03-31');
    // So a 2017–18 cycle is SIF and a 2018–19 cycle is not.
    expect(isInForceForYear(sif, 2017)).toBe(true);
    expect(isInForceForYear(sif, 2018)).toBe(false);
  });

  it('says it was used in 2018 for re-inspections without an LSCB review', () => {
    expect(sif.description).toContain('29 January to 22 February 2018');
    expect(sif.description).toMatch(/re-inspections of councils judged inadequate/);
    expect(sif.description).toMatch(/without an LSCB review/);
    expect(sif.source.notes).toMatch(/22 February 2018/);
  });

  it('asks for the council’s own self-assessment, and asks the LSCB about multi-agency arrangements', () => {
    expect(sif.selfEvaluation.map((s) => s.id)).toEqual([
      'sif-strengths',
      'sif-areas-for-improvement',
      'sif-evidence',
      'sif-priorities',
    ]);
    const text = sif.selfEvaluation.map((s) => `${s.question} ${s.guidance}`).join(' ');
    expect(text).not.toMatch(/quality and impact of social work practice/);
    for (const section of sif.selfEvaluation.slice(0, 3)) expect(section.guidance).toMatch(/LSCB review/);
    expect(sif.selfEvaluation[0]!.guidance).toMatch(/effectiveness of the multi-agency arrangements/);
  });

  it('uses the SIF’s own words for its recommendations', () => {
    const where = [
      sif.description ?? '',
      sif.selfEvaluation[1]!.question,
      criterion('sif-lmg-knowing-themselves')!.descriptor,
      sif.readinessChecklist.find((c) => c.id === 'doc-improvement-plan')!.guidance ?? '',
    ];
    for (const text of where) {
      expect(text).toMatch(/priority and immediate action/);
      expect(text).toMatch(/areas for improvement/i);
    }
  });

  it('covers the council’s fostering service and its use of residential care under judgement 2', () => {
    expect(criterion('sif-la-fostering-service')).toMatchObject({
      judgementId: 'looked-after-and-permanence',
      ref: '2.11',
    });
    expect(criterion('sif-la-residential-care')).toMatchObject({
      judgementId: 'looked-after-and-permanence',
      ref: '2.12',
    });
  });

  it('covers the LSCB’s oversight of allegations, children looked after and care leavers, and children placed out of area', () => {
    expect(criterion('lscb-oversight-allegations')).toMatchObject({ judgementId: 'lscb', ref: 'LSCB12' });
    expect(criterion('lscb-oversight-looked-after')).toMatchObject({ judgementId: 'lscb', ref: 'LSCB13' });
    expect(criterion('lscb-oversight-placed-out-of-area')).toMatchObject({
      judgementId: 'lscb',
      ref: 'LSCB14',
    });
    const refs = sif.criteria.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('is in format version 2, because it uses the not-better-than rule', () => {
    const file = JSON.parse(readFileSync('public/frameworks/sif-2013.json', 'utf8')) as {
      formatVersion: number;
    };
    expect(file.formatVersion).toBe(2);
    expect(sif.rules.map((r) => r.type)).toEqual(['if-any-then', 'within-range', 'not-better-than']);
  });
});
