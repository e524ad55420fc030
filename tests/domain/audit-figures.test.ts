// @vitest-environment node
/*
 * One figure, one function: "the completed audits behind this judgement / criterion" is the same in
 * rehearsal (readiness, "do we know ourselves?", the drill), the criterion pages, the readiness checks,
 * the PDF, the Word document and the workbook, on the example council; and no figure counts an audit more than once.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as XLSX from 'xlsx';
import { describe, expect, it } from 'vitest';
import {
  auditsBehind,
  collectAuditEvidence,
  computeCriterionAuditFindings,
} from '../../src/domain/case-audit/criterion-evidence';
import { computeDistributions, isCounted } from '../../src/domain/case-audit/findings';
import { criterionIdsOfTool } from '../../src/domain/case-audit/audit-record';
import { buildReport, type ReportInput } from '../../src/domain/report/build-report';
import { computeReadiness, type ReadinessInput } from '../../src/domain/rehearsal/readiness';
import { buildDrillQuestions } from '../../src/domain/rehearsal/drill';
import { computeReadinessChecks } from '../../src/domain/self-assessment/readiness-checks';
import { renderDocument } from '../../src/export/docx/render-document';
import { renderReportPdf } from '../../src/export/pdf/render-report';
import { renderWorkbook } from '../../src/export/xlsx/render-workbook';
import { exampleCouncilAudits, moderationOf } from '../helpers/audit-workspaces';
import { makeCaseAudit } from '../helpers/builders';
import { demoReportInput } from '../helpers/demo-report';
import { shippedFramework } from '../helpers/frameworks';

function readinessInputOf(input: ReportInput): ReadinessInput {
  return {
    framework: input.framework,
    bundle: input.bundle,
    evidence: input.evidence,
    actions: input.actions,
    recommendations: input.recommendations,
    audits: input.audits,
    moderations: input.moderations,
    indicators: input.indicators ?? [],
    today: input.today,
  };
}

const percentOf = (goodOrBetter: number, n: number) => `${Math.round((goodOrBetter / n) * 100)}%`;

describe('the audits behind a judgement', () => {
  it('counts each completed audit once, however many of the judgement’s criteria it answers', () => {
    const base = demoReportInput();
    const tool = base.framework.auditTools.find((t) => t.id === 'cin-cp-audit')!;
    const answersAll = (id: string, grade: string) =>
      makeCaseAudit({
        id,
        frameworkId: base.framework.id,
        toolId: tool.id,
        overallGrade: grade,
        domainGrades: Object.fromEntries(tool.domains.filter((d) => d.graded).map((d) => [d.id, grade])),
        criterionIds: criterionIdsOfTool(tool),
      });
    // Only these two audits: rehearsal once said "20% of 20 audited cases" for them.
    const input = { ...base, audits: [answersAll('x1', 'good'), answersAll('x2', 'inadequate')] };
    const row = computeReadiness(readinessInputOf(input)).find(
      (r) => r.judgementId === 'help-and-protection',
    )!;
    expect(row.audits).toEqual({ n: 2, goodOrBetter: 1, share: 0.5 });
    expect(
      buildReport(input).judgements.find((j) => j.id === 'help-and-protection')!.auditFindings,
    ).toMatchObject({ audits: 2, graded: 2, goodOrBetter: 1 });
  });

  it('leaves out drafts, deleted audits, other frameworks and repeated criteria, and lets moderation stand', () => {
    const base = demoReportInput();
    const audit = (id: string, extra = {}) =>
      makeCaseAudit({
        id,
        frameworkId: base.framework.id,
        overallGrade: 'good',
        criterionIds: ['hp-assessment', 'hp-assessment'],
        ...extra,
      });
    const audits = [
      audit('kept'),
      audit('moderated-down', { status: 'moderated' }),
      audit('draft', { status: 'draft' }),
      audit('deleted', { deletedAt: '2026-10-01T00:00:00Z' }),
      audit('elsewhere', { frameworkId: 'sif-2013' }),
    ];
    const moderations = [
      moderationOf('moderated-down', { moderatedOverallGrade: 'inadequate', overallGrade: 'inadequate' }),
      // A later moderation not yet submitted does not replace the submitted one.
      moderationOf('moderated-down', {
        id: 'draft-mod',
        submittedAt: undefined,
        moderatedOverallGrade: 'good',
      }),
    ];
    const evidence = collectAuditEvidence(base.framework, audits, moderations);
    const found = auditsBehind(evidence, { judgementId: 'help-and-protection' });
    expect(found.audits.map((a) => a.audit.id)).toEqual(['kept', 'moderated-down']);
    expect(found).toMatchObject({ n: 2, goodOrBetter: 1, share: 0.5 });
    expect(auditsBehind(evidence, { criterionId: 'hp-assessment' }).audits).toHaveLength(2);
  });
});

describe('on the example council, every place shows the same audit figures', () => {
  const { audits, moderations } = exampleCouncilAudits(shippedFramework('ilacs-2023'));
  const input: ReportInput = { ...demoReportInput(audits), moderations };
  // Grade one criterion Good that its audits do not support, so the readiness check has something to say.
  const evidence = collectAuditEvidence(input.framework, input.audits, moderations);
  const contested = input.framework.criteria.find((c) => {
    const f = auditsBehind(evidence, { criterionId: c.id });
    return f.n >= 3 && f.share !== null && f.share < 0.5;
  })!;
  input.bundle.criterionAssessments.find((a) => a.criterionId === contested.id)!.grade = 'good';
  const completed = new Set(input.audits.filter(isCounted).map((a) => a.id)).size;
  const report = buildReport(input);
  const readiness = computeReadiness(readinessInputOf(input));

  it('has the round’s audits to count', () => {
    expect(completed).toBe(32);
    expect(report.audits.overall.audits).toBe(completed);
    const byTeam = computeDistributions({
      audits: input.audits,
      moderations,
      scale: input.framework.scales[0]!,
      dimension: 'team',
    });
    expect(byTeam.reduce((sum, d) => sum + d.n + d.notCounted, 0)).toBe(completed);
  });

  it('gives rehearsal and the PDF the same audits behind each judgement, never more than were completed', () => {
    for (const judgement of input.framework.judgements) {
      const found = auditsBehind(evidence, { judgementId: judgement.id });
      const row = readiness.find((r) => r.judgementId === judgement.id)!;
      const section = report.judgements.find((j) => j.id === judgement.id)!;
      expect(row.audits, judgement.id).toEqual({
        n: found.n,
        goodOrBetter: found.goodOrBetter,
        share: found.share,
      });
      expect(section.auditFindings?.graded ?? 0, judgement.id).toBe(found.n);
      expect(section.auditFindings?.goodOrBetter ?? 0, judgement.id).toBe(found.goodOrBetter);
      expect(found.n + found.notCounted).toBeLessThanOrEqual(completed);
      if (row.selfKnowledge.verdict !== 'not-agreed' && row.selfKnowledge.verdict !== 'not-enough-audits')
        expect(row.selfKnowledge.message).toContain(`of ${found.n} audited cases`);
    }
    expect(readiness.find((r) => r.judgementId === 'help-and-protection')!.audits.n).toBeGreaterThan(0);
  });

  it('gives the criterion pages, the drill, the readiness checks and the PDF the same audits behind each criterion', () => {
    const drillFindings = computeCriterionAuditFindings(input.framework, input.audits);
    const rows = report.judgements.flatMap((j) => j.criteria);
    for (const criterion of input.framework.criteria) {
      const found = auditsBehind(evidence, { criterionId: criterion.id });
      const row = rows.find((r) => r.ref === criterion.ref)!;
      expect(row.auditSummary, criterion.id).toBe(
        found.n
          ? `${percentOf(found.goodOrBetter, found.n)} good or better (${found.goodOrBetter} of ${found.n} audits)`
          : '',
      );
      expect(drillFindings.get(criterion.id)?.n ?? 0, criterion.id).toBe(found.n);
      expect(found.audits.length).toBeLessThanOrEqual(completed);
    }
    const checks = computeReadinessChecks({ ...input, ...input.bundle }).filter(
      (c) => c.code === 'graded-better-than-audits',
    );
    const found = auditsBehind(evidence, { criterionId: contested.id });
    expect(checks.map((c) => c.criterionId)).toContain(contested.id);
    expect(checks.find((c) => c.criterionId === contested.id)!.message).toContain(
      `${found.n - found.goodOrBetter} of ${found.n} audits`,
    );
    // The PDF's readiness checks and rehearsal's gaps are that same list.
    for (const check of checks) {
      expect(report.readiness.map((r) => r.message)).toContain(check.message);
      expect(readiness.flatMap((r) => r.gaps).map((g) => g.message)).toContain(check.message);
    }
    const judgementId = contested.judgementId;
    const drill = buildDrillQuestions({
      framework: input.framework,
      judgementId,
      readiness,
      criterionAssessments: input.bundle.criterionAssessments,
      evidence: input.evidence,
      auditFindings: drillFindings,
      today: input.today,
      length: 40,
    });
    for (const q of drill.filter((x) => x.id.startsWith('audits:'))) {
      const f = auditsBehind(evidence, { criterionId: q.criterionId! });
      expect(q.why).toBe(`${percentOf(f.goodOrBetter, f.n)} of ${f.n} audited cases were good or better.`);
    }
  });

  it('prints the same figures in the workbook', () => {
    const book = XLSX.read(renderWorkbook(report), { type: 'array' });
    const rows = (sheet: string) =>
      XLSX.utils.sheet_to_json<Record<string, unknown>>(book.Sheets[sheet]!, { defval: '' });
    for (const judgement of input.framework.judgements) {
      const found = auditsBehind(evidence, { judgementId: judgement.id });
      const row = rows('Judgements').find((r) => r['Judgement'] === judgement.title)!;
      expect(row['Audits (good or better)'], judgement.id).toBe(
        found.n ? `${percentOf(found.goodOrBetter, found.n)} of ${found.n}` : '',
      );
    }
    for (const criterion of input.framework.criteria) {
      const found = auditsBehind(evidence, { criterionId: criterion.id });
      const row = rows('Criteria').find((r) => r['Ref'] === criterion.ref)!;
      expect(String(row['Audit findings'])).toBe(
        found.n
          ? `${percentOf(found.goodOrBetter, found.n)} good or better (${found.goodOrBetter} of ${found.n} audits)`
          : '',
      );
    }
  });

  const hasPoppler = (() => {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  })();

  it.runIf(hasPoppler)(
    'prints the same figures in the PDF',
    () => {
      const fonts = {
        regular: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
        bold: new Uint8Array(readFileSync('node_modules/dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')),
      };
      mkdirSync('test-results/exports', { recursive: true });
      const path = 'test-results/exports/audit-figures.pdf';
      writeFileSync(path, renderReportPdf(report, fonts));
      const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      for (const judgement of input.framework.judgements) {
        const found = auditsBehind(evidence, { judgementId: judgement.id });
        if (found.n)
          expect(text).toContain(
            `${percentOf(found.goodOrBetter, found.n)} good or better (${found.goodOrBetter} of ${found.n})`,
          );
      }
      // The findings section's table of judgements prints the same share.
      for (const row of report.auditFindings.byJudgement) expect(text).toContain(row.share);
    },
    30_000,
  );

  it('prints the same figures in the Word document', async () => {
    const zip = XLSX.CFB.read(await renderDocument(report), { type: 'array' });
    const index = zip.FullPaths.findIndex((path: string) => path.endsWith('word/document.xml'));
    const xml = new TextDecoder().decode(zip.FileIndex[index]!.content as Uint8Array);
    const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]!).join(' ');
    for (const judgement of input.framework.judgements) {
      const found = auditsBehind(evidence, { judgementId: judgement.id });
      if (found.n)
        expect(text).toContain(
          `${percentOf(found.goodOrBetter, found.n)} good or better (${found.goodOrBetter} of ${found.n})`,
        );
    }
  }, 30_000);
});
