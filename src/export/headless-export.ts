/*
 * The export a scheduled job runs without a browser (npm run export): a backup file in, the same PDF,
 * workbook and Word document the app makes out. Picks the cycle asked for, or the newest draft, or the newest.
 */
import type { Framework } from '../domain/framework/types';
import { buildReport } from '../domain/report/build-report';
import { buildWorkbookDetails, type WorkbookDetailsInput } from '../domain/report/workbook-details';
import type { AssessmentCycle, CycleBundle, Settings } from '../domain/workspace/records';
import { readBackupFile } from '../import/backup/read-backup';
import { DEFAULT_PROTECTIVE_MARKING } from '../domain/workspace/vocabulary';
import type { BackupRecords } from './backup/backup-format';
import { renderDocument } from './docx/render-document';
import { renderReportPdf } from './pdf/render-report';
import type { PdfFonts } from './pdf/pdf-writer';
import { renderWorkbook } from './xlsx/render-workbook';

export interface HeadlessInput {
  backup: Uint8Array;
  passphrase?: string;
  cycleId?: string;
  frameworks: readonly Framework[];
  fonts: PdfFonts;
  today: string;
  want: { pdf: boolean; xlsx: boolean; docx: boolean };
}

export type HeadlessResult =
  | { ok: true; cycleLabel: string; pdf?: Uint8Array; xlsx?: Uint8Array; docx?: Uint8Array }
  | { ok: false; problems: string[] };

export async function exportFromBackup(input: HeadlessInput): Promise<HeadlessResult> {
  const read = await readBackupFile(input.backup, input.passphrase, { shipped: input.frameworks });
  if (!read.ok) return { ok: false, problems: read.messages.map((m) => `${m.location}: ${m.text}`) };
  const r = read.backup.records;
  const cycles = r.cycles.filter((c) => !c.deletedAt).sort((a, b) => b.startYear - a.startYear);
  const cycle = input.cycleId
    ? cycles.find((c) => c.id === input.cycleId)
    : (cycles.find((c) => c.status === 'draft') ?? cycles[0]);
  if (!cycle) {
    const known = cycles.map((c) => `${c.id} (${c.startYear})`).join(', ') || 'none';
    return {
      ok: false,
      problems: [`No assessment cycle ${input.cycleId ?? ''} in the backup. Cycles in it: ${known}.`],
    };
  }
  const library = [...input.frameworks, ...r.frameworks.map((f) => f.framework)];
  const frameworkOf = (c: AssessmentCycle) =>
    library.find((f) => f.id === c.frameworkId && f.version === c.frameworkVersion);
  const reportInput = reportInputFromRecords(r, cycle, frameworkOf, input.today);
  if (!reportInput)
    return {
      ok: false,
      problems: [
        `The cycle uses framework ${cycle.frameworkId} version ${cycle.frameworkVersion}, which is neither shipped nor in the backup.`,
      ],
    };
  const model = buildReport(reportInput);
  return {
    ok: true,
    cycleLabel: model.cover.cycleLabel,
    ...(input.want.pdf ? { pdf: renderReportPdf(model, input.fonts) } : {}),
    ...(input.want.xlsx ? { xlsx: renderWorkbook(model, buildWorkbookDetails(reportInput)) } : {}),
    ...(input.want.docx ? { docx: await renderDocument(model) } : {}),
  };
}

/**
 * The report of `cycle` from a workspace's records: the records the export worker reads from IndexedDB
 * for it (the year before with its framework, when known), or undefined without the cycle's framework.
 */
export function reportInputFromRecords(
  r: BackupRecords,
  cycle: AssessmentCycle,
  frameworkOf: (cycle: AssessmentCycle) => Framework | undefined,
  today: string,
): WorkbookDetailsInput | undefined {
  const framework = frameworkOf(cycle);
  if (!framework) return undefined;
  const previousCycle = r.cycles.find((c) => !c.deletedAt && c.id === cycle.previousCycleId);
  const previousFramework = previousCycle ? frameworkOf(previousCycle) : undefined;
  return {
    settings: settingsOf(r),
    framework,
    bundle: bundleOf(r, cycle.id),
    ...(previousCycle && previousFramework
      ? { previous: { bundle: bundleOf(r, previousCycle.id), framework: previousFramework } }
      : {}),
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    audits: r.caseAudits,
    moderations: r.moderations,
    rounds: r.auditRounds,
    indicators: r.indicators,
    comments: r.comments ?? [],
    today,
  };
}

function bundleOf(r: BackupRecords, cycleId: string): CycleBundle {
  return {
    cycle: r.cycles.find((c) => c.id === cycleId)!,
    criterionAssessments: r.criterionAssessments.filter((a) => a.cycleId === cycleId),
    judgementAssessments: r.judgementAssessments.filter((a) => a.cycleId === cycleId),
    narratives: r.narratives.filter((n) => n.cycleId === cycleId),
  };
}

function settingsOf(r: BackupRecords): Settings {
  const stored = r.settings.find((s) => s.key === 'workspace')?.value as Partial<Settings> | undefined;
  return { councilName: '', userName: '', protectiveMarking: DEFAULT_PROTECTIVE_MARKING, ...(stored ?? {}) };
}
