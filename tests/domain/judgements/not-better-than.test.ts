// @vitest-environment node
/*
 * The "not better than" rule: SIF overall effectiveness is never graded above leadership, management
 * and governance (130 published reports: 113 equal, 17 lower). A warning when broken, a cap on proposals.
 */
import { describe, expect, it } from 'vitest';
import type { Framework, NotBetterThanRule } from '../../../src/domain/framework/types';
import { evaluateJudgements } from '../../../src/domain/judgements/evaluate';
import { shippedFramework } from '../../helpers/frameworks';

const O = 'outstanding';
const G = 'good';
const RI = 'requires-improvement';
const I = 'inadequate';
const LEVELS = [O, G, RI, I];
const RANK: Record<string, number> = { [O]: 4, [G]: 3, [RI]: 2, [I]: 1 };
const RULE = 'overall-not-better-than-leadership';

const sif = shippedFramework('sif-2013');
const sifGrades = (overall: string | undefined, hp: string, la: string, lmg: string) => ({
  'overall-effectiveness': overall,
  'help-and-protection': hp,
  'looked-after-and-permanence': la,
  'leadership-management-governance': lmg,
});
const fromRule = (grades: Record<string, string | undefined>) =>
  evaluateJudgements(sif, grades).findings.filter((f) => f.ruleId === RULE);

describe('SIF 2013: overall effectiveness is not better than leadership, management and governance', () => {
  it('is a soft rule of the shipped SIF file, capping overall by leadership', () => {
    const rule = sif.rules.find((r) => r.id === RULE) as NotBetterThanRule | undefined;
    expect(rule).toMatchObject({
      type: 'not-better-than',
      severity: 'soft',
      judgementId: 'overall-effectiveness',
      thanJudgementId: 'leadership-management-governance',
    });
    expect(rule?.basis).toMatch(/130/);
  });

  it('holds for published outcomes: Lambeth 2015 and 2018, Leeds 2015, Manchester 2017', () => {
    const published = {
      // Domain §5; the LSCB grade takes no part.
      lambeth2015: { ...sifGrades(I, RI, I, I), 'adoption-performance': I, 'care-leavers': RI, lscb: I },
      // Re-inspection under the SIF, fieldwork 29 January to 22 February 2018, no LSCB review.
      lambeth2018: { ...sifGrades(RI, RI, RI, RI), 'adoption-performance': I, 'care-leavers': RI },
      // Overall one grade below leadership: among the 17 lower.
      leeds2015: { ...sifGrades(G, G, G, O), 'adoption-performance': G, 'care-leavers': G },
      manchester2017: { ...sifGrades(RI, RI, RI, G), 'adoption-performance': G, 'care-leavers': RI },
    };
    for (const [name, grades] of Object.entries(published)) {
      const { findings, proposals } = evaluateJudgements(sif, grades);
      expect(
        findings.filter((f) => f.severity === 'error'),
        name,
      ).toEqual([]);
      expect(fromRule(grades), name).toEqual([]);
      expect(RANK[proposals['overall-effectiveness']!.levelId!]!, name).toBeLessThanOrEqual(
        RANK[grades['leadership-management-governance']]!,
      );
    }
  });

  it('fits the national picture: overall outstanding only where leadership was (3 overall, 12 leadership)', () => {
    // Ofsted, autumn 2017: 3 councils outstanding overall, 12 outstanding for leadership.
    expect(fromRule(sifGrades(O, O, O, O))).toEqual([]);
    expect(fromRule(sifGrades(G, G, G, O))).toEqual([]);
    expect(fromRule(sifGrades(O, O, O, G)).map((f) => f.severity)).toEqual(['warning']);
  });

  it('gives no finding for any combination in which overall is at most leadership, and a warning otherwise', () => {
    let combinations = 0;
    let broken = 0;
    for (const overall of LEVELS)
      for (const hp of LEVELS)
        for (const la of LEVELS)
          for (const lmg of LEVELS) {
            combinations++;
            const findings = fromRule(sifGrades(overall, hp, la, lmg));
            if (RANK[overall]! <= RANK[lmg]!) {
              expect(findings).toEqual([]);
            } else {
              broken++;
              expect(findings).toHaveLength(1);
              expect(findings[0]).toMatchObject({
                severity: 'warning',
                judgementIds: ['overall-effectiveness', 'leadership-management-governance'],
              });
            }
          }
    expect([combinations, broken]).toEqual([256, 96]);
  });

  it('says plainly what is wrong when it is broken', () => {
    const [finding] = fromRule(sifGrades(G, G, G, RI));
    expect(finding!.message).toBe(
      'Overall effectiveness is expected to be no better than leadership, management and governance. This is a soft expectation: if your proposed overall grade is better, explain why. Overall effectiveness is Good, better than Leadership, management and governance, which is Requires improvement.',
    );
  });

  it('waits for both grades: nothing is broken while either is not graded', () => {
    expect(fromRule(sifGrades(O, G, G, undefined as unknown as string))).toEqual([]);
    expect(fromRule(sifGrades(undefined, G, G, I))).toEqual([]);
  });

  it('keeps the proposal for overall no better than leadership, and says why', () => {
    // Key judgements Good, Good, Requires improvement: the middle of the range is Good, capped by leadership.
    const proposal = evaluateJudgements(sif, sifGrades(undefined, G, G, RI)).proposals[
      'overall-effectiveness'
    ]!;
    expect(proposal.levelId).toBe(RI);
    expect(proposal.reasons).toEqual([
      'The middle of the other judgements’ grades, which range from Requires improvement to Good.',
      'Kept no better than Leadership, management and governance, which is Requires improvement: in published reports Overall effectiveness was not graded above Leadership, management and governance.',
    ]);
  });

  it('leaves a proposal already at or below leadership as it is, with no extra reason', () => {
    const proposal = evaluateJudgements(sif, sifGrades(undefined, RI, RI, G)).proposals[
      'overall-effectiveness'
    ]!;
    expect(proposal.levelId).toBe(RI);
    expect(proposal.reasons.join(' ')).not.toContain('Kept no better than');
  });

  it('never proposes overall above leadership, whatever the key judgements', () => {
    for (const hp of LEVELS)
      for (const la of LEVELS)
        for (const lmg of LEVELS) {
          const proposal = evaluateJudgements(sif, sifGrades(undefined, hp, la, lmg)).proposals[
            'overall-effectiveness'
          ]!;
          expect(RANK[proposal.levelId!]!).toBeLessThanOrEqual(RANK[lmg]!);
          // And the proposal never breaks the hard rule.
          if ([hp, la, lmg].includes(I)) expect(proposal.levelId).toBe(I);
        }
  });

  it('still gives no error for any combination in which the hard rule holds', () => {
    for (const overall of LEVELS)
      for (const hp of LEVELS)
        for (const la of LEVELS)
          for (const lmg of LEVELS) {
            const hardRuleHolds = ![hp, la, lmg].includes(I) || overall === I;
            const errors = evaluateJudgements(sif, sifGrades(overall, hp, la, lmg)).findings.filter(
              (f) => f.severity === 'error',
            );
            expect(errors.length > 0).toBe(!hardRuleHolds);
          }
  });
});

/** A small framework with only the rule under test, to pin down its semantics apart from SIF's. */
function frameworkWith(rule: Partial<NotBetterThanRule>, extraRules: Framework['rules'] = []): Framework {
  const base = structuredClone(sif);
  return {
    ...base,
    rules: [
      {
        id: 'cap',
        type: 'not-better-than',
        severity: 'hard',
        description: 'Overall must not be better than leadership.',
        judgementId: 'overall-effectiveness',
        thanJudgementId: 'leadership-management-governance',
        ...rule,
      } as NotBetterThanRule,
      ...extraRules,
    ],
  };
}

describe('the not-better-than rule type', () => {
  it('is an error when hard', () => {
    const { findings } = evaluateJudgements(frameworkWith({}), sifGrades(O, G, G, G));
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['cap', 'error']]);
  });

  it('allows equal grades', () => {
    expect(evaluateJudgements(frameworkWith({}), sifGrades(G, G, G, G)).findings).toEqual([]);
  });

  it('proposes nothing on its own: a cap needs another rule to cap', () => {
    const proposal = evaluateJudgements(frameworkWith({}), sifGrades(undefined, G, G, RI)).proposals[
      'overall-effectiveness'
    ]!;
    expect(proposal.levelId).toBeNull();
    expect(proposal.reasons).toEqual(['No rule gives a proposal for this judgement yet.']);
  });

  it('asks for the capping judgement first when it is not graded', () => {
    const proposal = evaluateJudgements(frameworkWith({}), {}).proposals['overall-effectiveness']!;
    expect(proposal.reasons).toEqual(['Grade Leadership, management and governance first.']);
  });

  it('calls a hard cap a firm rule of the framework', () => {
    const range = sif.rules.find((r) => r.type === 'within-range')!;
    const proposal = evaluateJudgements(frameworkWith({}, [range]), sifGrades(undefined, O, O, G)).proposals[
      'overall-effectiveness'
    ]!;
    expect(proposal.levelId).toBe(G);
    expect(proposal.reasons.at(-1)).toBe(
      'Kept no better than Leadership, management and governance, which is Good: a firm rule of SIF 2013 + LSCB.',
    );
  });

  it('never lets a soft cap override the grade a triggered hard rule requires', () => {
    const hard = {
      id: 'hp-outstanding-overall-outstanding',
      type: 'if-any-then' as const,
      severity: 'hard' as const,
      description: 'A test rule.',
      if: { judgementIds: ['help-and-protection'], levelIds: [O] },
      then: { judgementIds: ['overall-effectiveness'], levelIds: [O] },
    };
    const framework = frameworkWith({ severity: 'soft' }, [hard]);
    const proposal = evaluateJudgements(framework, sifGrades(undefined, O, G, G)).proposals[
      'overall-effectiveness'
    ]!;
    expect(proposal.levelId).toBe(O);
  });
});
