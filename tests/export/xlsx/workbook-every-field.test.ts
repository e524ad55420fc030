// @vitest-environment node
/*
 * The workbook carries every field: for seeded workspaces (every text at its longest, every kind of
 * character), every free-text value of the exported cycle, its registers and its audits is found in
 * some cell when the workbook is read back with SheetJS — texts longer than a cell holds put back
 * together from the "Long text" sheet. Each sheet is a table: one header row, frozen.
 */
import * as XLSX from 'xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { buildReport, type ReportInput } from '../../../src/domain/report/build-report';
import { buildWorkbookDetails, HISTORY_FIELDS } from '../../../src/domain/report/workbook-details';
import { describeCaseType } from '../../../src/domain/workspace/labels';
import type { BackupRecords } from '../../../src/export/backup/backup-format';
import { isFormulaLike } from '../../../src/export/safe-text';
import { LONG_TEXT_SHEET } from '../../../src/export/xlsx/long-text';
import { renderWorkbook } from '../../../src/export/xlsx/render-workbook';
import { seededWorkspace } from '../../helpers/seeded-workspace';
import { shippedLibrary } from '../../helpers/shipped-library';

const TODAY = '2026-12-01';

function inputOf(r: BackupRecords, cycleId: string, frameworks: readonly Framework[]) {
  const bundleOf = (id: string) => ({
    cycle: r.cycles.find((c) => c.id === id)!,
    criterionAssessments: r.criterionAssessments.filter((a) => a.cycleId === id),
    judgementAssessments: r.judgementAssessments.filter((a) => a.cycleId === id),
    narratives: r.narratives.filter((n) => n.cycleId === id),
  });
  const bundle = bundleOf(cycleId);
  const framework = frameworks.find(
    (f) => f.id === bundle.cycle.frameworkId && f.version === bundle.cycle.frameworkVersion,
  )!;
  const previousId = bundle.cycle.previousCycleId;
  const input: ReportInput = {
    settings: r.settings[0]!.value as ReportInput['settings'],
    framework,
    bundle,
    ...(previousId ? { previous: { bundle: bundleOf(previousId), framework } } : {}),
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    audits: r.caseAudits,
    moderations: r.moderations,
    indicators: r.indicators,
    today: TODAY,
  };
  return { ...input, rounds: r.auditRounds };
}

/** Every text field a person typed that the workbook of this cycle must carry. */
function freeTexts(r: BackupRecords, cycleId: string, frameworkId: string): [string, string][] {
  const live = <T extends { deletedAt?: string }>(items: readonly T[]) => items.filter((i) => !i.deletedAt);
  const out: [string, string][] = [];
  const add = (where: string, ...values: (string | undefined)[]) => {
    for (const v of values) if (v?.trim()) out.push([where, v]);
  };
  const settings = r.settings[0]!.value as { councilName: string; userName: string };
  add('settings', settings.councilName, settings.userName);
  const cycle = r.cycles.find((c) => c.id === cycleId)!;
  for (const s of cycle.statusHistory ?? []) add('cycle status history', s.by, s.reason);
  const textFields = new Set(['strengths', 'areasForDevelopment', 'assignee', 'rationale', 'reviewComment']);
  for (const a of live(r.criterionAssessments).filter((x) => x.cycleId === cycleId)) {
    add('criterion', a.strengths, a.areasForDevelopment, a.assignee, a.review?.sentBack?.comment);
    for (const h of a.history)
      add('criterion history', h.by, ...(textFields.has(h.field) ? [h.from, h.to] : []));
  }
  for (const a of live(r.judgementAssessments).filter((x) => x.cycleId === cycleId)) {
    add('judgement', a.rationale);
    for (const h of a.history)
      add('judgement history', h.by, ...(textFields.has(h.field) ? [h.from, h.to] : []));
  }
  for (const n of live(r.narratives).filter((x) => x.cycleId === cycleId)) {
    add('narrative', ...Object.values(n.answers), n.assignee, n.review?.sentBack?.comment);
    for (const h of n.history ?? [])
      add('narrative history', h.by, ...(textFields.has(h.field) ? [h.from, h.to] : []));
  }
  for (const e of live(r.evidence)) add('evidence', e.title, e.owner, e.location, e.notes);
  for (const a of live(r.actions)) {
    add('action', a.title, a.description, a.owner);
    for (const n of a.progressNotes) add('progress note', n.by, n.text);
  }
  for (const x of live(r.recommendations)) add('recommendation', x.reference, x.text, x.progressSummary);
  for (const i of live(r.indicators)) add('indicator', i.name, i.definition, i.source, i.owner);
  for (const round of live(r.auditRounds).filter((x) => x.frameworkId === frameworkId))
    add('round', round.title, round.theme, ...round.auditors, round.sample?.rationale);
  const audits = live(r.caseAudits).filter((a) => a.frameworkId === frameworkId);
  for (const a of audits) {
    add('audit', a.caseReference, describeCaseType(a.caseType), a.team, a.worker, a.auditor);
    add('audit', a.strengths, a.worries, a.voiceOfChildAndFamily);
    add('audit', a.practitionerActions, a.managerActions, a.practitionerResponse, ...a.themes);
    const framework = a.toolId;
    expect(framework).toBeTruthy();
    add('audit answers', ...Object.values(a.answers).filter((v) => v.length > 40));
    if (a.escalation) {
      add('escalation', a.escalation.raisedBy, a.escalation.concern);
      for (const l of a.escalation.log) add('escalation log', l.by, l.toldWho, l.action);
    }
    for (const c of a.contributions) add('contribution', c.agency, c.contributor, c.summary);
  }
  const ids = new Set(audits.map((a) => a.id));
  for (const m of live(r.moderations).filter((x) => ids.has(x.auditId)))
    add('moderation', m.moderator, m.reason);
  return out;
}

/** Every string cell as the user reads it, long texts put back together from the Long text sheet. */
function cellTexts(book: XLSX.WorkBook): string[] {
  const unquote = (v: string) => (v.startsWith("'") && isFormulaLike(v.slice(1)) ? v.slice(1) : v);
  const parts = new Map<string, { part: number; text: string }[]>();
  const long = book.Sheets[LONG_TEXT_SHEET];
  if (long) {
    for (const row of XLSX.utils.sheet_to_json<Record<string, string | number>>(long)) {
      const list = parts.get(String(row['Cell'])) ?? [];
      list.push({ part: Number(row['Part']), text: unquote(String(row['Text'])) });
      parts.set(String(row['Cell']), list);
    }
  }
  const texts: string[] = [];
  for (const name of book.SheetNames.filter((n) => n !== LONG_TEXT_SHEET)) {
    const sheet = book.Sheets[name]!;
    for (const [address, cell] of Object.entries(sheet)) {
      if (address.startsWith('!') || (cell as XLSX.CellObject).t !== 's') continue;
      const value = unquote(String((cell as XLSX.CellObject).v));
      const where = `${name}!${address}`;
      const rest = parts.get(where);
      if (!rest) {
        texts.push(value);
        continue;
      }
      const start = value.slice(
        0,
        value.lastIndexOf(`… [continues on the sheet “${LONG_TEXT_SHEET}”, ${where}]`),
      );
      texts.push(
        start +
          rest
            .sort((a, b) => a.part - b.part)
            .map((p) => p.text)
            .join(''),
      );
    }
  }
  return texts;
}

describe.each([3, 12])('the workbook of seeded workspace %i', (seed) => {
  let records: BackupRecords;
  let frameworks: readonly Framework[];
  beforeAll(async () => {
    frameworks = (await shippedLibrary()).shipped;
    records = seededWorkspace(seed, frameworks);
  });

  it(
    'carries every free-text value of each cycle, its registers and its audits',
    { timeout: 120_000 },
    () => {
      const cycles = records.cycles.filter((c) => !c.deletedAt && c.frameworkId === 'ilacs-2023');
      expect(cycles.length).toBeGreaterThan(1);
      for (const cycle of cycles) {
        const input = inputOf(records, cycle.id, frameworks);
        const bytes = renderWorkbook(buildReport(input), buildWorkbookDetails(input));
        const book = XLSX.read(bytes, { type: 'array' });
        const haystack = cellTexts(book).join('\u0001');
        const expected = freeTexts(records, cycle.id, cycle.frameworkId);
        expect(expected.length).toBeGreaterThan(40);
        const missing = expected
          .filter(([, value]) => !haystack.includes(value))
          .map(([where, value]) => `${where}: ${JSON.stringify(value.slice(0, 60))} (${value.length})`);
        expect(missing, `cycle ${cycle.startYear}`).toEqual([]);
        expect(book.SheetNames).toContain(LONG_TEXT_SHEET);
      }
    },
  );

  it(
    'makes every sheet a table: a header row, frozen, an autofilter and a width for every column',
    { timeout: 60_000 },
    () => {
      const cycle = records.cycles.find(
        (c) => !c.deletedAt && c.frameworkId === 'ilacs-2023' && c.previousCycleId,
      )!;
      const input = inputOf(records, cycle.id, frameworks);
      const bytes = renderWorkbook(buildReport(input), buildWorkbookDetails(input));
      const zip = XLSX.CFB.read(bytes, { type: 'array' });
      const sheets = zip.FullPaths.flatMap((path: string, i: number) =>
        /xl\/worksheets\/sheet\d+\.xml$/.test(path)
          ? [new TextDecoder().decode(zip.FileIndex[i]!.content as Uint8Array)]
          : [],
      );
      const book = XLSX.read(bytes, { type: 'array', cellNF: true });
      expect(sheets).toHaveLength(book.SheetNames.length);
      for (const xml of sheets) {
        expect(xml).toContain('<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>');
        expect(xml).toMatch(/<autoFilter ref="A1:/);
        expect(xml).toMatch(/<cols>/);
      }
      for (const name of [
        'Action progress notes',
        'Change history',
        'Escalations',
        'Recurring themes',
        'Audit rounds',
        'Moderation agreement',
      ])
        expect(book.SheetNames).toContain(name);
      const history = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['Change history']!, { header: 1 });
      expect(history[0]).toEqual(['Record', 'Item', 'When', 'By', 'What changed', 'From', 'To']);
      // Words, never the stored codes: field names, workflow statuses, grade ids.
      const changes = XLSX.utils.sheet_to_json<Record<string, string>>(book.Sheets['Change history']!);
      expect(changes.length).toBeGreaterThan(0);
      for (const change of changes) {
        expect(Object.values(HISTORY_FIELDS)).toContain(change['What changed']);
        for (const value of [change['From'], change['To']])
          expect(['agreed', 'in-progress', 'to-do', 'good', 'not-applicable', 'true', 'false']).not.toContain(
            value,
          );
      }
      const when = book.Sheets['Change history']!['C2'] as XLSX.CellObject;
      expect(when.t).toBe('n');
      expect(when.z).toBe('dd/mm/yyyy hh:mm');
    },
  );
});
