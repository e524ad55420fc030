/*
 * Reads an Ofsted report or letter from its text lines: which kind it is, the council, the fieldwork
 * and publication dates, the framework in force when fieldwork started, the judgement table, the
 * numbered lists and, for letters, what was looked at and found. Refuses only a file with no text or
 * one that is not such a document; anything else it could not read becomes a warning to check.
 */
import type { Framework } from '../framework/types';
import { formatDate } from '../format/dates';
import { familyOf, frameworkForReport } from './framework-for-report';
import { readLookedAtSentence, readSection } from './read-blocks';
import { readCouncil, readFieldwork, readPublished } from './read-facts';
import { readJudgements } from './read-judgements';
import { readLists } from './read-lists';
import { recogniseKind } from './recognise-kind';
import { bodySize, withoutRunningText } from './report-lines';
import { LIST_KINDS, type ReadItem, type ReadReportResult, type ReportKind, type ReportText } from './types';

const GRADED: readonly ReportKind[] = ['ilacs-report', 'sif-report'];
const LETTERS: readonly ReportKind[] = ['focused-visit', 'monitoring-visit'];

export function readInspectionReport(text: ReportText, frameworks: readonly Framework[]): ReadReportResult {
  if (!text.lines.some((l) => /[a-z]{2}/i.test(l.text)))
    return {
      ok: false,
      code: 'no-text',
      message:
        'has no text to read: it is probably a scanned image of the pages. Download the report or letter again from Ofsted’s reports website (those files have text), or type the recommendations in with “Add a recommendation”.',
    };
  const lines = withoutRunningText(text.lines, text.pageCount);
  const recognised = recogniseKind(lines);
  if (!recognised)
    return {
      ok: false,
      code: 'not-a-report',
      message:
        'does not look like an Ofsted report or letter: its first pages name no ILACS or SIF inspection, focused visit, monitoring visit or joint targeted area inspection. Choose the report or letter as Ofsted published it.',
    };
  const { kind } = recognised;
  const warnings: string[] = [];
  const council = readCouncil(lines, kind);
  const fieldwork = readFieldwork(lines);
  const published = readPublished(lines);
  const framework = fieldwork ? frameworkForReport(frameworks, kind, fieldwork.start) : undefined;
  if (!council) warnings.push('The council’s name was not found: check it before adding anything.');
  if (!fieldwork)
    warnings.push('The fieldwork dates were not found, so the framework could not be chosen from them.');
  else if (!framework)
    warnings.push(
      `No framework this app has was in force when fieldwork started (${formatDate(fieldwork.start)}).`,
    );

  const body = bodySize(lines);
  const read = GRADED.includes(kind)
    ? readJudgements(lines, framework, familyOf(frameworks, kind))
    : { judgements: [], warnings: [] };
  warnings.push(...read.warnings);
  if (GRADED.includes(kind) && framework) {
    const missing = framework.judgements.filter(
      (j) => !j.optional && !read.judgements.some((r) => r.judgementId === j.id),
    );
    if (missing.length)
      warnings.push(`No grade was found for ${missing.map((j) => `“${j.title}”`).join(', ')}.`);
  }
  const items = readLists(lines, kind, body);
  warnings.push(...numberingWarnings(items));
  const letter = LETTERS.includes(kind);
  const sectionAreas = letter ? readSection(lines, 'areas-looked-at', body) : [];
  return {
    ok: true,
    report: {
      kind,
      kindFrom: recognised.from,
      ...(council ? { council } : {}),
      ...(fieldwork ? { fieldwork } : {}),
      ...(published ? { published } : {}),
      ...(framework
        ? { framework: { id: framework.id, version: framework.version, title: framework.shortTitle } }
        : {}),
      judgements: read.judgements,
      items,
      areasLookedAt: letter && !sectionAreas.length ? readLookedAtSentence(lines) : sectionAreas,
      findings: letter ? readSection(lines, 'findings', body) : [],
      warnings,
    },
  };
}

/** A report's own numbers that skip or repeat: an item may have been missed, or read twice. */
function numberingWarnings(items: readonly ReadItem[]): string[] {
  const warnings: string[] = [];
  const byList = new Map<string, ReadItem[]>();
  for (const item of items)
    if (item.numberedByReport) byList.set(item.list, [...(byList.get(item.list) ?? []), item]);
  for (const [list, numbered] of byList)
    numbered.forEach((item, i) => {
      const previous = numbered[i - 1];
      if (previous && item.number !== previous.number + 1)
        warnings.push(
          `In “${LIST_KINDS[list as keyof typeof LIST_KINDS]}”, item ${item.number} follows item ${previous.number}: check nothing was missed on page ${item.from[0]?.page}.`,
        );
    });
  return warnings;
}
