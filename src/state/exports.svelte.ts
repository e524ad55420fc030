/*
 * Exporting the open cycle as a PDF, an Excel workbook or a Word document: builds the ReportModel from
 * what is in the workspace, loads the renderer (and, for the PDF, the fonts) only when asked, and hands
 * the file to the browser as a download. Nothing is sent anywhere.
 */
import regularFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans.ttf?url';
import boldFontUrl from 'dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf?url';
import { buildReport } from '../domain/report/build-report';
import { buildWorkbookDetails } from '../domain/report/workbook-details';
import type { Framework } from '../domain/framework/types';
import type { CycleBundle } from '../domain/workspace/records';
import { auditStatusOf, combinedCaseList } from '../domain/rehearsal/inspectors-sample';
import type { Rehearsal } from '../domain/rehearsal/records';
import { buildRehearsalNotes } from '../domain/rehearsal/rehearsal-notes';
import type { NotificationPlan } from '../domain/rehearsal/notification-week';
import { buildNotificationPlanDocument } from '../domain/rehearsal/notification-plan-document';
import { buildSubgroupReport, type FindingsScope } from '../domain/case-audit/subgroup-report';
import { audits, cycles, frameworkLibrary, indicators, registers, settings, today } from './services';

export type ExportKind = 'pdf' | 'xlsx' | 'docx';

/** The MIME type each export is downloaded as. */
export const EXPORT_TYPES: Record<ExportKind, string> = {
  pdf: 'application/pdf',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

async function fontBytes(url: string): Promise<Uint8Array> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`The font for the PDF could not be loaded (${response.status}).`);
  return new Uint8Array(await response.arrayBuffer());
}

export async function exportCycle(
  bundle: CycleBundle,
  framework: Framework,
  kind: ExportKind,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const previousBundle = bundle.cycle.previousCycleId
    ? await cycles.loadBundle(bundle.cycle.previousCycleId)
    : undefined;
  const previousFramework = previousBundle
    ? frameworkLibrary.find(previousBundle.cycle.frameworkId, previousBundle.cycle.frameworkVersion)
        ?.framework
    : undefined;
  // The record lists are raw state, replaced on every change and never changed in place, so they are
  // plain data already: copying 10,000 audits for the report would only cost time.
  const input = {
    settings: snapshot(settings.settings),
    framework,
    bundle,
    ...(previousBundle && previousFramework
      ? { previous: { bundle: previousBundle, framework: previousFramework } }
      : {}),
    evidence: registers.evidence,
    actions: registers.actions,
    recommendations: registers.recommendations,
    audits: audits.audits,
    moderations: audits.moderations,
    rounds: audits.rounds,
    indicators: indicators.indicators,
    today: today(),
  };
  const model = buildReport(input);
  const base =
    `${model.cover.council} self-assessment ${model.cover.cycleLabel}${model.cover.status === 'Draft' ? ' DRAFT' : ''}`
      .replace(/[^\p{L}\p{N} –-]+/gu, '')
      .trim();
  if (kind === 'xlsx') {
    const { renderWorkbook } = await import('../export/xlsx/render-workbook');
    const details = buildWorkbookDetails({ ...input, rounds: audits.rounds });
    return { fileName: `${base}.xlsx`, bytes: renderWorkbook(model, details) };
  }
  if (kind === 'docx') {
    const { renderDocument } = await import('../export/docx/render-document');
    return { fileName: `${base}.docx`, bytes: await renderDocument(model) };
  }
  const [{ renderReportPdf }, regular, bold] = await Promise.all([
    import('../export/pdf/render-report'),
    fontBytes(regularFontUrl),
    fontBytes(boldFontUrl),
  ]);
  return { fileName: `${base}.pdf`, bytes: renderReportPdf(model, { regular, bold }) };
}

/** The rehearsal notes as a PDF, made on this device like every export. */
export async function exportRehearsalNotes(
  rehearsal: Rehearsal,
  framework: Framework,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const notes = buildRehearsalNotes({
    rehearsal: snapshot(rehearsal),
    framework,
    settings: snapshot(settings.settings),
    evidence: snapshot(registers.evidence),
    caseStatus: auditStatusOf({
      caseReferences: rehearsal.sample?.cases.map((c) => c.caseReference) ?? [],
      audits: snapshot(audits.audits),
      moderations: snapshot(audits.moderations),
      caseList: snapshot(combinedCaseList(audits.rounds)),
      frameworks: frameworkLibrary.entries.map((e) => e.framework),
      today: today(),
    }),
  });
  const [{ renderRehearsalPdf }, regular, bold] = await Promise.all([
    import('../export/pdf/render-rehearsal'),
    fontBytes(regularFontUrl),
    fontBytes(boldFontUrl),
  ]);
  const fileName = `${notes.council} rehearsal notes ${notes.date} ${notes.title}`
    .replace(/[^\p{L}\p{N} –-]+/gu, '')
    .trim();
  return { fileName: `${fileName}.pdf`, bytes: renderRehearsalPdf(notes, { regular, bold }) };
}

/** The notification-week plan as a PDF: one line per item with its day, owner and status. */
export async function exportNotificationPlan(
  plan: NotificationPlan,
  framework: Framework,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const model = buildNotificationPlanDocument({
    plan: snapshot(plan),
    framework,
    settings: snapshot(settings.settings),
    today: today(),
  });
  const [{ renderNotificationPlanPdf }, regular, bold] = await Promise.all([
    import('../export/pdf/render-notification-plan'),
    fontBytes(regularFontUrl),
    fontBytes(boldFontUrl),
  ]);
  const fileName = `${model.council} notification week plan ${plan.callDate}`
    .replace(/[^\p{L}\p{N} –-]+/gu, '')
    .trim();
  return { fileName: `${fileName}.pdf`, bytes: renderNotificationPlanPdf(model, { regular, bold }) };
}

/** The audit subgroup's report of the audits in scope, as a PDF or a workbook (Findings page). */
export async function exportSubgroupReport(
  framework: Framework,
  scope: FindingsScope,
  kind: 'pdf' | 'xlsx',
  scaleId?: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  // Raw state, replaced on every change and never changed in place: plain data already.
  const report = buildSubgroupReport({
    framework,
    audits: audits.audits,
    moderations: audits.moderations,
    rounds: audits.rounds,
    actions: registers.actions,
    settings: snapshot(settings.settings),
    scope: snapshot(scope),
    ...(scaleId === undefined ? {} : { scaleId }),
    today: today(),
  });
  const fileName = `${report.council} audit subgroup report ${report.printed}`
    .replace(/[^\p{L}\p{N} –-]+/gu, '')
    .trim();
  if (kind === 'xlsx') {
    const { renderSubgroupWorkbook } = await import('../export/xlsx/render-subgroup-workbook');
    return { fileName: `${fileName}.xlsx`, bytes: renderSubgroupWorkbook(report) };
  }
  const [{ renderSubgroupReportPdf }, regular, bold] = await Promise.all([
    import('../export/pdf/render-subgroup-report'),
    fontBytes(regularFontUrl),
    fontBytes(boldFontUrl),
  ]);
  return { fileName: `${fileName}.pdf`, bytes: renderSubgroupReportPdf(report, { regular, bold }) };
}

function snapshot<T>(value: T): T {
  return $state.snapshot(value) as T;
}
