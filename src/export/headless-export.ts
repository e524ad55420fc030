/*
 * The export a scheduled job runs without a browser (npm run export): a backup file in, the same PDF,
 * workbook and Word document the app makes out. Picks the cycle asked for, or the newest draft, or the newest.
 */
import type { Framework } from '../domain/framework/types';
import { buildReport } from '../domain/report/build-report';
import { buildWorkbookDetails } from '../domain/report/workbook-details';
import type { CycleBundle, Settings } from '../domain/workspace/records';
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
  const frameworkOf = (c: { frameworkId: string; frameworkVersion: number }) =>
    library.find((f) => f.id === c.frameworkId && f.version === c.frameworkVersion);
  const framework = frameworkOf(cycle);
  if (!framework)
    return {
      ok: false,
      problems: [
        `The cycle uses framework ${cycle.frameworkId} version ${cycle.frameworkVersion}, which is neither shipped nor in the backup.`,
      ],
    };
  const previousCycle = cycles.find((c) => c.id === cycle.previousCycleId);
  const previousFramework = previousCycle ? frameworkOf(previousCycle) : undefined;
  const reportInput = {
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
    today: input.today,
  };
  const model = buildReport(reportInput);
  return {
    ok: true,
    cycleLabel: model.cover.cycleLabel,
    ...(input.want.pdf ? { pdf: renderReportPdf(model, input.fonts) } : {}),
    ...(input.want.xlsx
      ? { xlsx: renderWorkbook(model, buildWorkbookDetails({ ...reportInput, rounds: r.auditRounds })) }
      : {}),
    ...(input.want.docx ? { docx: await renderDocument(model) } : {}),
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
