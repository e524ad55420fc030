/*
 * Exporting: the open cycle as a PDF, an Excel workbook or a Word document, the audit subgroup's report,
 * the rehearsal notes and the notification-week plan. The cycle and subgroup reports, the heavy ones, are
 * made in the export worker, which reads the saved workspace itself, so the page never freezes; the
 * in-page versions stay for tests. Nothing is sent anywhere.
 */
import type { Framework } from '../domain/framework/types';
import type { CycleBundle } from '../domain/workspace/records';
import { auditStatusOf, combinedCaseList } from '../domain/rehearsal/inspectors-sample';
import type { Rehearsal } from '../domain/rehearsal/records';
import { buildRehearsalNotes } from '../domain/rehearsal/rehearsal-notes';
import { computeChallengeResult } from '../domain/rehearsal/audit-challenge';
import { lastInspectionInput } from './last-inspection-input';
import type { NotificationPlan } from '../domain/rehearsal/notification-week';
import { buildNotificationPlanDocument } from '../domain/rehearsal/notification-plan-document';
import type { FindingsScope } from '../domain/case-audit/subgroup-report';
import { ExportWorkerClient } from './export-worker/export-client';
import {
  loadPdfFonts,
  makeCycleFile,
  makeSubgroupFile,
  safeFileName,
  type ExportFile,
  type ExportKind,
  type StepListener,
  type SubgroupExportKind,
} from './export-worker/export-files';
import {
  audits,
  comments,
  cycles,
  frameworkLibrary,
  indicators,
  registers,
  saveStatus,
  settings,
  today,
} from './services';

export { EXPORT_TYPES, type ExportKind, type ExportStep } from './export-worker/export-files';
export { EXPORT_STEP_WORDS } from './export-worker/export-client';

const exportWorker = new ExportWorkerClient();

/** Starts the export worker now, before the user clicks (it takes a moment to load). */
export function prepareExportWorker(): void {
  exportWorker.warmUp();
}

/** The framework the cycle is pinned to, from the library, if it is there. */
function frameworkOfCycle(cycleId: string | undefined): Framework | undefined {
  const cycle = cycles.cycles.find((c) => c.id === cycleId);
  return cycle && frameworkLibrary.find(cycle.frameworkId, cycle.frameworkVersion)?.framework;
}

/**
 * The cycle's report, made in the export worker from what is saved: pending writes land first, so the
 * file holds every change made on the page.
 */
export async function exportCycleInWorker(
  bundle: CycleBundle,
  framework: Framework,
  kind: ExportKind,
  onStep?: StepListener,
): Promise<ExportFile> {
  await saveStatus.idle();
  const previousFramework = frameworkOfCycle(bundle.cycle.previousCycleId);
  return exportWorker.run(
    {
      what: 'cycle',
      kind,
      cycleId: bundle.cycle.id,
      frameworks: [framework, previousFramework, lastInspectionInput().inspectionFramework].filter(
        (f): f is Framework => f !== undefined,
      ),
      today: today(),
    },
    onStep,
  );
}

/** The audit subgroup's report, made in the export worker from what is saved. */
export async function exportSubgroupReportInWorker(
  framework: Framework,
  scope: FindingsScope,
  kind: SubgroupExportKind,
  scaleId?: string,
  onStep?: StepListener,
): Promise<ExportFile> {
  await saveStatus.idle();
  return exportWorker.run(
    {
      what: 'subgroup',
      kind,
      framework,
      scope: snapshot(scope),
      ...(scaleId === undefined ? {} : { scaleId }),
      today: today(),
    },
    onStep,
  );
}

/** The cycle's report made on the page, from the lists in state. */
export async function exportCycle(
  bundle: CycleBundle,
  framework: Framework,
  kind: ExportKind,
): Promise<ExportFile> {
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
    comments: comments.comments,
    ...lastInspectionInput(),
    today: today(),
  };
  return makeCycleFile(input, kind);
}

/** The rehearsal notes as a PDF, made on this device like every export. */
export async function exportRehearsalNotes(rehearsal: Rehearsal, framework: Framework): Promise<ExportFile> {
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
    ...(rehearsal.auditChallenge
      ? {
          challenge: computeChallengeResult({
            challenge: snapshot(rehearsal.auditChallenge),
            audits: snapshot(audits.audits),
            moderations: snapshot(audits.moderations),
            frameworks: frameworkLibrary.entries.map((e) => e.framework),
          }),
        }
      : {}),
  });
  const [{ renderRehearsalPdf }, fonts] = await Promise.all([
    import('../export/pdf/render-rehearsal'),
    loadPdfFonts(),
  ]);
  const fileName = safeFileName(`${notes.council} rehearsal notes ${notes.date} ${notes.title}`);
  return { fileName: `${fileName}.pdf`, bytes: renderRehearsalPdf(notes, fonts) };
}

/** The notification-week plan as a PDF: one line per item with its day, owner and status. */
export async function exportNotificationPlan(
  plan: NotificationPlan,
  framework: Framework,
): Promise<ExportFile> {
  const model = buildNotificationPlanDocument({
    plan: snapshot(plan),
    framework,
    settings: snapshot(settings.settings),
    today: today(),
  });
  const [{ renderNotificationPlanPdf }, fonts] = await Promise.all([
    import('../export/pdf/render-notification-plan'),
    loadPdfFonts(),
  ]);
  const fileName = safeFileName(`${model.council} notification week plan ${plan.callDate}`);
  return { fileName: `${fileName}.pdf`, bytes: renderNotificationPlanPdf(model, fonts) };
}

/** The audit subgroup's report of the audits in scope, made on the page from the lists in state. */
export async function exportSubgroupReport(
  framework: Framework,
  scope: FindingsScope,
  kind: SubgroupExportKind,
  scaleId?: string,
): Promise<ExportFile> {
  // Raw state, replaced on every change and never changed in place: plain data already.
  return makeSubgroupFile(
    {
      framework,
      audits: audits.audits,
      moderations: audits.moderations,
      rounds: audits.rounds,
      actions: registers.actions,
      settings: snapshot(settings.settings),
      scope: snapshot(scope),
      ...(scaleId === undefined ? {} : { scaleId }),
      today: today(),
    },
    kind,
  );
}

function snapshot<T>(value: T): T {
  return $state.snapshot(value) as T;
}
