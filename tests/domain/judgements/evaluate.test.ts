// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { evaluateJudgements } from '../../../src/domain/judgements/evaluate';
import { shippedFramework } from '../../helpers/frameworks';

const O = 'outstanding';
const G = 'good';
const RI = 'requires-improvement';
const I = 'inadequate';

describe('evaluateJudgements with SIF 2013', () => {
  const sif = shippedFramework('sif-2013');

  it('accepts the published Lambeth 2015 outcome without an error', () => {
    const lambeth = {
      'overall-effectiveness': I,
      'help-and-protection': RI,
      'looked-after-and-permanence': I,
      'adoption-performance': I,
      'care-leavers': RI,
      'leadership-management-governance': I,
      lscb: I,
    };
    const { findings, proposals } = evaluateJudgements(sif, lambeth);
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(proposals['overall-effectiveness']?.levelId).toBe(I);
  });

  it('reports an error when a key judgement is Inadequate but overall is not', () => {
    const { findings } = evaluateJudgements(sif, {
      'overall-effectiveness': RI,
      'help-and-protection': RI,
      'looked-after-and-permanence': I,
      'leadership-management-governance': RI,
    });
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.ruleId).toBe('key-judgement-inadequate-overall-inadequate');
    expect(errors[0]!.judgementIds).toEqual(['looked-after-and-permanence', 'overall-effectiveness']);
    expect(errors[0]!.message).toContain('Children looked after and achieving permanence is Inadequate');
    expect(errors[0]!.message).toContain('Overall effectiveness is Requires improvement');
  });

  it('does not let an Inadequate sub-judgement force judgement 2 or overall', () => {
    const { findings } = evaluateJudgements(sif, {
      'overall-effectiveness': RI,
      'help-and-protection': RI,
      'looked-after-and-permanence': RI,
      'adoption-performance': I,
      'care-leavers': RI,
      'leadership-management-governance': RI,
    });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('never ties the LSCB review to overall effectiveness', () => {
    const { findings } = evaluateJudgements(sif, {
      'overall-effectiveness': G,
      'help-and-protection': G,
      'looked-after-and-permanence': G,
      'leadership-management-governance': G,
      lscb: I,
    });
    expect(findings).toEqual([]);
  });
});

describe('evaluateJudgements with ILACS 2023', () => {
  const ilacs = shippedFramework('ilacs-2023');
  const grades = (leaders: string, hp: string, cic: string, cl: string, overall?: string) => ({
    leaders,
    'help-and-protection': hp,
    'children-in-care': cic,
    'care-leavers': cl,
    'overall-effectiveness': overall,
  });

  it('makes any Inadequate practice judgement force overall Inadequate (hard rule)', () => {
    const { findings, proposals } = evaluateJudgements(ilacs, grades(RI, G, I, RI, RI));
    expect(findings.find((f) => f.severity === 'error')?.ruleId).toBe(
      'practice-inadequate-overall-inadequate',
    );
    expect(proposals['overall-effectiveness']).toMatchObject({ levelId: I });
  });

  it('lets a practice judgement be Inadequate while leaders are not (published pattern)', () => {
    const { findings } = evaluateJudgements(ilacs, grades(RI, I, RI, RI, I));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('treats leaders Inadequate with overall Requires improvement as unusual, not impossible (3 of 28 reports)', () => {
    const { findings } = evaluateJudgements(ilacs, grades(I, RI, RI, RI, RI));
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.ruleId)).toContain('leaders-inadequate-overall-inadequate');
  });

  it('warns when overall lies outside the range of the other grades', () => {
    const { findings } = evaluateJudgements(ilacs, grades(G, G, RI, G, O));
    const range = findings.find((f) => f.ruleId === 'overall-within-range');
    expect(range?.severity).toBe('warning');
    expect(range?.message).toContain('above the highest, Good');
  });

  it('warns when overall differs from leaders, but accepts it', () => {
    const { findings } = evaluateJudgements(ilacs, grades(G, RI, RI, G, RI));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([
      ['overall-usually-equals-leaders', 'warning'],
    ]);
  });

  it('proposes overall equal to leaders, kept within the range of the others', () => {
    expect(evaluateJudgements(ilacs, grades(G, RI, G, G)).proposals['overall-effectiveness']?.levelId).toBe(
      G,
    );
    expect(evaluateJudgements(ilacs, grades(O, G, G, G)).proposals['overall-effectiveness']?.levelId).toBe(O);
    expect(evaluateJudgements(ilacs, grades(I, RI, RI, G)).proposals['overall-effectiveness']?.levelId).toBe(
      I,
    );
  });

  it('gives a triggered rule’s proposal a reason of its own, not the rule’s finding text', () => {
    const soft = evaluateJudgements(ilacs, grades(I, G, G, G)).proposals['overall-effectiveness']!;
    expect(soft.levelId).toBe(I);
    expect(soft.reasons).toEqual([
      'The impact of leaders on social work practice with children and families is Inadequate; in published reports Overall effectiveness was then usually Inadequate.',
    ]);
    const hard = evaluateJudgements(ilacs, grades(G, I, G, G)).proposals['overall-effectiveness']!;
    expect(hard.reasons.join(' ')).toMatch(
      /is Inadequate, so Overall effectiveness must be Inadequate: a firm rule of/,
    );
    expect([...soft.reasons, ...hard.reasons].join(' ')).not.toContain('is not.');
  });

  it('asks for the other judgements first when too little is graded to propose', () => {
    const proposal = evaluateJudgements(ilacs, {}).proposals['overall-effectiveness'];
    expect(proposal?.levelId).toBeNull();
    expect(proposal?.reasons.join(' ')).toContain(
      'The impact of leaders on social work practice with children and families',
    );
  });

  it('reports a grade that is not on the scale, and an unknown judgement', () => {
    const { findings } = evaluateJudgements(ilacs, { leaders: 'excellent', 'front-door': G });
    expect(findings.map((f) => f.ruleId).sort()).toEqual(['grade-not-on-scale', 'unknown-judgement']);
  });

  it('gives no error for any combination in which the hard rule holds, and an error whenever it is broken', () => {
    const levels = [O, G, RI, I];
    let combinations = 0;
    for (const leaders of levels)
      for (const hp of levels)
        for (const cic of levels)
          for (const cl of levels)
            for (const overall of levels) {
              combinations++;
              const practiceInadequate = [hp, cic, cl].includes(I);
              const hardRuleHolds = !practiceInadequate || overall === I;
              const errors = evaluateJudgements(ilacs, grades(leaders, hp, cic, cl, overall)).findings.filter(
                (f) => f.severity === 'error',
              );
              expect(errors.length > 0).toBe(!hardRuleHolds);
            }
    expect(combinations).toBe(1024);
  });
});

describe('evaluateJudgements with ILACS 2026', () => {
  it('has no overall effectiveness, so nothing to derive and no rule to break', () => {
    const ilacs = shippedFramework('ilacs-2026');
    const result = evaluateJudgements(ilacs, {
      leaders: I,
      'help-and-protection': I,
      'children-in-care': G,
      'care-leavers': O,
    });
    expect(result).toEqual({ proposals: {}, findings: [] });
  });
});
