// @vitest-environment node
/*
 * Audits on mixed scales behind one criterion or judgement: each audit counts as good or better by its
 * own tool's scale and threshold (a four-point audit at good, a Signs of Safety audit at 7 of 10),
 * never by the judgement's scale. Checked against an oracle written apart from the code, over seeded
 * random audits of both kinds of tool.
 */
import { describe, expect, it } from 'vitest';
import {
  auditsBehind,
  collectAuditEvidence,
  computeCriterionAuditFindings,
} from '../../../src/domain/case-audit/criterion-evidence';
import { isCounted } from '../../../src/domain/case-audit/findings';
import type { CaseAudit } from '../../../src/domain/case-audit/records';
import type { AuditTool, Framework, Scale } from '../../../src/domain/framework/types';
import { mulberry32 } from '../../helpers/audit-workspaces';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
// Generous: the figures are fast, but the machines that run this are often shared.
const TIMEOUT = 30_000;
const TOOL_IDS = ['cin-cp-audit', 'sos-audit'];

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

function toolAndScale(framework: Framework, toolId: string): { tool: AuditTool; scale: Scale } {
  const tool = framework.auditTools.find((t) => t.id === toolId)!;
  return { tool, scale: framework.scales.find((s) => s.id === tool.scaleId)! };
}

function randomAudits(framework: Framework, seed: number): CaseAudit[] {
  const random = mulberry32(seed);
  return Array.from({ length: 5 + Math.floor(random() * 30) }, (_, k) => {
    const { tool, scale } = toolAndScale(framework, pick(random, TOOL_IDS));
    const grades = [...scale.levels.map((l) => l.id), 'not-applicable'];
    const criterionIds = [
      ...new Set(tool.domains.flatMap((d) => d.questions.flatMap((q) => q.criterionIds ?? []))),
    ].filter(() => random() < 0.8);
    return makeCaseAudit({
      id: `a-${seed}-${k}`,
      frameworkId: framework.id,
      toolId: tool.id,
      status: pick(random, ['draft', 'complete', 'moderated'] as const),
      overallGrade: random() < 0.9 ? pick(random, grades) : undefined,
      domainGrades: Object.fromEntries(
        tool.domains.filter((d) => d.graded && random() < 0.9).map((d) => [d.id, pick(random, grades)]),
      ),
      criterionIds,
    });
  });
}

/** The oracle: the weakest graded domain asking about the criterion, judged on the tool's own scale. */
function expectedForCriterion(framework: Framework, audits: CaseAudit[], criterionId: string) {
  let graded = 0;
  let goodOrBetter = 0;
  let behind = 0;
  for (const audit of audits.filter((a) => isCounted(a) && a.criterionIds.includes(criterionId))) {
    behind += 1;
    const { tool, scale } = toolAndScale(framework, audit.toolId);
    const ranks = tool.domains
      .filter((d) => d.graded && d.questions.some((q) => q.criterionIds?.includes(criterionId)))
      .map((d) => scale.levels.find((l) => l.id === audit.domainGrades[d.id])?.rank)
      .filter((rank): rank is number => rank !== undefined);
    if (ranks.length === 0) continue;
    graded += 1;
    if (Math.min(...ranks) >= scale.goodOrBetterMinRank!) goodOrBetter += 1;
  }
  return { behind, graded, goodOrBetter };
}

describe.each(['ilacs-2023', 'ilacs-2026'])('audits on four-point and 0 to 10 tools in %s', (id) => {
  const framework = shippedFramework(id);

  it(
    'count each audit good or better by its own tool scale, behind every criterion',
    () => {
      let mixed = 0;
      for (const seed of SEEDS) {
        const audits = randomAudits(framework, seed);
        const findings = computeCriterionAuditFindings(framework, audits);
        for (const criterion of framework.criteria) {
          const where = `seed ${seed}, ${criterion.id}`;
          const expected = expectedForCriterion(framework, audits, criterion.id);
          const found = findings.get(criterion.id);
          if (expected.behind === 0) {
            expect(found, where).toBeUndefined();
            continue;
          }
          expect(found!.audits.length, where).toBe(expected.behind);
          expect(found!.n, where).toBe(expected.graded);
          expect(found!.goodOrBetter, where).toBe(expected.goodOrBetter);
          expect(found!.n, where).toBeLessThanOrEqual(found!.audits.length);
          if (found!.share !== null) {
            expect(found!.share, where).toBeGreaterThanOrEqual(0);
            expect(found!.share, where).toBeLessThanOrEqual(1);
          }
          // The figure per scale adds up to the totals.
          expect(
            found!.byScale.reduce((s, f) => s + f.n, 0),
            where,
          ).toBe(found!.n);
          expect(
            found!.byScale.reduce((s, f) => s + f.goodOrBetter, 0),
            where,
          ).toBe(found!.goodOrBetter);
          if (found!.byScale.length > 1) mixed += 1;
        }
      }
      // Not vacuous: many criteria had audits of both scales behind them.
      expect(mixed).toBeGreaterThan(50);
    },
    TIMEOUT,
  );

  it(
    'judge the overall grade behind a judgement on the audit’s own scale too',
    () => {
      for (const seed of SEEDS) {
        const audits = randomAudits(framework, seed);
        const evidence = collectAuditEvidence(framework, audits);
        for (const judgement of framework.judgements) {
          const found = auditsBehind(evidence, { judgementId: judgement.id });
          const expected = found.audits.filter(({ audit }) => {
            const { scale } = toolAndScale(framework, audit.toolId);
            const level = scale.levels.find((l) => l.id === audit.overallGrade);
            return level !== undefined && level.rank >= scale.goodOrBetterMinRank!;
          }).length;
          expect(found.goodOrBetter, `seed ${seed}, ${judgement.id}`).toBe(expected);
          expect(found.n + found.notCounted).toBe(found.audits.length);
        }
      }
    },
    TIMEOUT,
  );
});

describe('a Signs of Safety audit behind a criterion', () => {
  const framework = shippedFramework('ilacs-2023');
  const { tool } = toolAndScale(framework, 'sos-audit');
  const scaled = (id: string, number: number) =>
    makeCaseAudit({
      id,
      toolId: tool.id,
      overallGrade: `scaled-${number}`,
      domainGrades: Object.fromEntries(
        tool.domains.filter((d) => d.graded).map((d) => [d.id, `scaled-${number}`]),
      ),
      criterionIds: ['hp-assessment'],
    });

  it('counts at 7 or above, and not at 6, with its grade read on the 0 to 10 scale', () => {
    const found = auditsBehind(collectAuditEvidence(framework, [scaled('a', 7), scaled('b', 6)]), {
      criterionId: 'hp-assessment',
    });
    expect([found.n, found.goodOrBetter, found.share]).toEqual([2, 1, 0.5]);
    expect(found.audits.map((a) => [a.grade, a.scale?.id])).toEqual([
      ['scaled-7', 'sos-scaling-0-10'],
      ['scaled-6', 'sos-scaling-0-10'],
    ]);
    expect(found.byScale.map((f) => [f.scale.id, f.n, f.goodOrBetter, f.counts['scaled-7']])).toEqual([
      ['sos-scaling-0-10', 2, 1, 1],
    ]);
  });
});
