// @vitest-environment node
/*
 * Invariants of every audit figure, over seeded random workspaces (audits of every tool, stored
 * criterion mappings that repeat or stray, drafts, deleted audits, other frameworks, moderations that
 * are unsubmitted, repeated, deleted or orphaned): no count exceeds the completed audits, and every
 * share lies in [0, 1]. A failing seed is printed, so it can be replayed.
 */
import { describe, expect, it } from 'vitest';
import { auditsBehind, collectAuditEvidence } from '../../src/domain/case-audit/criterion-evidence';
import { MIN_PAIRS_FOR_KAPPA } from '../../src/domain/case-audit/agreement';
import { isCounted } from '../../src/domain/case-audit/findings';
import { buildReport } from '../../src/domain/report/build-report';
import { computeReadiness } from '../../src/domain/rehearsal/readiness';
import type { AuditSummary } from '../../src/domain/report/report-model';
import { randomWorkspace } from '../helpers/audit-workspaces';
import { shippedFramework } from '../helpers/frameworks';

const SEEDS = Array.from({ length: 120 }, (_, i) => i + 1);
const FRAMEWORKS = ['ilacs-2023', 'sif-2013'].map(shippedFramework);

function expectShare(share: number | null, where: string) {
  if (share === null) return;
  expect(share, where).toBeGreaterThanOrEqual(0);
  expect(share, where).toBeLessThanOrEqual(1);
}

function expectSummary(summary: AuditSummary | null, completed: number, where: string) {
  if (!summary) return;
  expect(summary.audits, where).toBeLessThanOrEqual(completed);
  expect(summary.graded, where).toBeLessThanOrEqual(summary.audits);
  expect(summary.goodOrBetter, where).toBeLessThanOrEqual(summary.graded);
  if (summary.percentGoodOrBetter !== null) expectShare(summary.percentGoodOrBetter / 100, where);
}

// Many seeded workspaces per framework: seconds on a busy 2-core machine, hence 30 s each.
describe.each(FRAMEWORKS.map((f) => [f.id, f] as const))(
  'audit figures on random %s workspaces',
  (_, framework) => {
    it('never count more audits than were completed, and keep every share in [0, 1]', () => {
      for (const seed of SEEDS) {
        const w = randomWorkspace(framework, seed);
        const completed = new Set(
          w.audits.filter((a) => isCounted(a) && a.frameworkId === framework.id).map((a) => a.id),
        ).size;
        const evidence = collectAuditEvidence(framework, w.audits, w.moderations);
        const scopes = [
          ...framework.judgements.map((j) => ({ judgementId: j.id })),
          ...framework.criteria.map((c) => ({ criterionId: c.id })),
        ];
        for (const scope of scopes) {
          const found = auditsBehind(evidence, scope);
          const where = `seed ${seed}, ${JSON.stringify(scope)}`;
          expect(new Set(found.audits.map((a) => a.audit.id)).size, where).toBe(found.audits.length);
          expect(found.n + found.notCounted, where).toBe(found.audits.length);
          expect(found.audits.length, where).toBeLessThanOrEqual(completed);
          expect(found.goodOrBetter, where).toBeLessThanOrEqual(found.n);
          expectShare(found.share, where);
        }
        for (const row of computeReadiness(w)) {
          const where = `seed ${seed}, readiness of ${row.judgementId}`;
          expect(row.audits.n, where).toBeLessThanOrEqual(completed);
          expect(row.audits.goodOrBetter, where).toBeLessThanOrEqual(row.audits.n);
          expectShare(row.audits.share, where);
        }
        const report = buildReport({
          settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL' },
          ...w,
        });
        expectSummary(report.audits.overall, completed, `seed ${seed}, all audits`);
        for (const q of report.audits.byQuarter) expectSummary(q, completed, `seed ${seed}, ${q.quarter}`);
        for (const j of report.judgements) {
          expectSummary(j.auditFindings, completed, `seed ${seed}, report ${j.id}`);
          for (const c of j.criteria) {
            const [, good, n] = /\((\d+) of (\d+) audits\)/.exec(c.auditSummary) ?? [];
            if (n) expect(Number(good)).toBeLessThanOrEqual(Number(n));
            if (n) expect(Number(n), `seed ${seed}, ${c.ref}`).toBeLessThanOrEqual(completed);
          }
        }
      }
    }, 30_000);

    it('never rate a judgement Ready without graded criteria and current evidence behind it', () => {
      let ready = 0;
      for (const seed of SEEDS) {
        const w = randomWorkspace(framework, seed);
        const rows = computeReadiness(w);
        for (const row of rows.filter((r) => r.rating === 'ready')) {
          ready += 1;
          const where = `seed ${seed}, ${row.judgementId}`;
          if (row.criteria > 0) expect(row.criteriaWithCurrentEvidence, where).toBe(row.criteria);
          else expect(row.reasons.join(' '), where).toMatch(/on which it rests, (is|are all) ready/);
        }
      }
      // Not vacuous: the well-kept workspaces have ready judgements to check.
      expect(ready).toBeGreaterThan(0);
    }, 30_000);

    it('show a kappa only from enough pairs, and agreement shares in [0, 1]', () => {
      for (const seed of SEEDS) {
        const w = randomWorkspace(framework, seed);
        const report = buildReport({
          settings: { councilName: 'Exampleshire', userName: '', protectiveMarking: 'OFFICIAL' },
          ...w,
        });
        for (const row of report.audits.agreement) {
          const where = `seed ${seed}, ${row.compared}`;
          for (const kappa of [row.kappa, row.weightedKappa]) {
            if (row.pairs < MIN_PAIRS_FOR_KAPPA) expect(kappa, where).toMatch(/^\d+ more pairs? needed$/);
            else expect(kappa, where).toMatch(/^(-?\d\.\d\d|Not enough variety)$/);
          }
          for (const share of [row.exact, row.withinOne]) {
            const percent = /^(\d+)%/.exec(share)?.[1];
            if (percent) expectShare(Number(percent) / 100, where);
          }
        }
      }
    }, 30_000);
  },
);
