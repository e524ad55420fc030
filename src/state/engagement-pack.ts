/*
 * Making the annual engagement meeting pack, as a PDF or a Word document, from what is in the workspace:
 * the same inputs as the self-assessment export, plus the director's texts and the last inspection.
 * The renderer (and, for the PDF, the fonts) load only when asked; nothing is sent anywhere.
 */
import type { Framework } from '../domain/framework/types';
import { loadPdfFonts, safeFileName } from './export-worker/export-files';
import {
  buildEngagementPack,
  type EngagementChanges,
  type EngagementPack,
} from '../domain/rehearsal/engagement-pack';
import type { CycleBundle } from '../domain/workspace/records';
import { engagementChanges } from './engagement-changes.svelte';
import { lastInspectionInput } from './last-inspection-input';
import { audits, indicators, registers, settings, today } from './services';

export type PackKind = 'pdf' | 'docx';

export const PACK_TYPES: Record<PackKind, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** `changes` defaults to the director's texts as stored; a page showing only the figures passes none. */
export function engagementPackFor(
  bundle: CycleBundle,
  framework: Framework,
  changes: EngagementChanges = engagementChanges.changes,
): EngagementPack {
  // Only read, never stored or sent to a worker, so reactive state needs no copying here.
  return buildEngagementPack({
    settings: settings.settings,
    framework,
    bundle: bundle,
    evidence: registers.evidence,
    actions: registers.actions,
    recommendations: registers.recommendations,
    audits: audits.audits,
    moderations: audits.moderations,
    rounds: audits.rounds,
    indicators: indicators.indicators,
    changes,
    ...lastInspectionInput(),
    today: today(),
  });
}

export async function exportEngagementPack(
  bundle: CycleBundle,
  framework: Framework,
  kind: PackKind,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const pack = engagementPackFor(bundle, framework);
  const base = safeFileName(
    `${pack.cover.council} ${pack.cover.title}${pack.cover.status === 'Draft' ? ' DRAFT' : ''}`,
  );
  if (kind === 'docx') {
    const { renderEngagementPackDocument } = await import('../export/docx/render-engagement-pack');
    return { fileName: `${base}.docx`, bytes: await renderEngagementPackDocument(pack) };
  }
  const [{ renderEngagementPackPdf }, fonts] = await Promise.all([
    import('../export/pdf/render-engagement-pack'),
    loadPdfFonts(),
  ]);
  return { fileName: `${base}.pdf`, bytes: renderEngagementPackPdf(pack, fonts) };
}
