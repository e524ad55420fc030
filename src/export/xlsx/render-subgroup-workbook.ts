/*
 * The audit subgroup's report as an Excel workbook: the same SubgroupReport the PDF prints, one table
 * per sheet with its header row frozen, for a subgroup to filter, chart or paste into its own pack.
 * Lays the report out; decides nothing.
 */
import * as XLSX from 'xlsx';
import type { SubgroupReport } from '../../domain/case-audit/subgroup-report';
import { writeWithFrozenHeaders } from './freeze-header';
import { withLongTextSheet } from './long-text';
import { date, loadDateFormats, toSheet, type Cell, type SheetSpec } from './sheet';

export function renderSubgroupWorkbook(report: SubgroupReport): Uint8Array {
  loadDateFormats();
  const book = XLSX.utils.book_new();
  for (const spec of withLongTextSheet(sheetsOf(report)))
    XLSX.utils.book_append_sheet(book, toSheet(spec), spec.name);
  book.Props = {
    Title: `${report.title} – ${report.council}`,
    Subject: report.scope,
    Author: report.preparedBy || 'Readiness Workbook',
  };
  return writeWithFrozenHeaders(book);
}

function sheetsOf(r: SubgroupReport): SheetSpec[] {
  // Every breakdown shares the levels of its scale; a tool on another scale gets its own columns.
  const levels = [...new Set(r.distributions.flatMap((t) => t.levels))];
  return [
    {
      name: 'Summary',
      header: ['Item', 'Value'],
      rows: [
        ['Council', r.council],
        ['Report', r.title],
        ['Framework', r.framework],
        ['Audits covered', r.scope],
        ['Printed', date(r.printed)],
        ['Prepared by', r.preparedBy],
        ['Protective marking', r.marking],
        ['Audits in scope', r.counts.inScope],
        ['Completed and counted', r.counts.completed],
        ['Still in draft (left out)', r.counts.drafts],
        ['Moderated', r.counts.moderated],
        ['About kappa', r.agreementNote],
      ],
    },
    {
      name: 'Good or better',
      header: [
        'Breakdown',
        'Group',
        'Audits',
        ...levels,
        'Good or better',
        'Per cent good or better',
        'Not counted',
      ],
      rows: r.distributions.flatMap((table) =>
        table.rows.map((row): Cell[] => [
          table.title,
          row.label,
          row.audits,
          ...levels.map((l) => {
            const i = table.levels.indexOf(l);
            return i < 0 ? null : (row.counts[i] ?? 0);
          }),
          row.goodOrBetter,
          row.percent,
          row.notCounted,
        ]),
      ),
    },
    {
      name: 'Moderation agreement',
      header: [
        'Compared by',
        'Group',
        'Pairs',
        'Exact agreement',
        'Within one grade',
        'Cohen’s kappa',
        'Weighted kappa',
      ],
      rows: r.agreement.flatMap((table) =>
        table.rows.map((row): Cell[] => [
          table.title,
          row.label,
          row.pairs,
          row.exact,
          row.withinOne,
          row.kappa,
          row.weightedKappa,
        ]),
      ),
    },
    {
      name: 'Moderations',
      header: [
        'Case reference',
        'Moderator',
        'Submitted',
        'Auditor’s grade',
        'Moderator’s grade',
        'Grade that stands',
        'Agreed',
        'Reason',
      ],
      rows: r.moderations.map((m) => [
        m.caseReference,
        m.moderator,
        date(m.submitted),
        m.auditorGrade,
        m.moderatorGrade,
        m.standingGrade,
        m.agreed,
        m.reason,
      ]),
    },
    {
      name: 'Recurring themes',
      header: ['Theme', 'Audits'],
      rows: r.themes.map((t) => [t.theme, t.count]),
    },
    {
      name: 'Escalations',
      header: [
        'Case reference',
        'Raised',
        'Raised by',
        'Concern',
        'Status',
        'Closed',
        'Response recorded',
        'Recorded by',
        'Who was told',
        'What happened',
      ],
      rows: r.escalations.flatMap((e) =>
        (e.responses.length ? e.responses : [undefined]).map((l): Cell[] => [
          e.caseReference,
          date(e.raised),
          e.raisedBy,
          e.concern,
          e.status,
          date(e.closed),
          date(l?.at),
          l?.by ?? '',
          l?.toldWho ?? '',
          l?.action ?? 'No response recorded yet',
        ]),
      ),
    },
    {
      name: 'Audit actions',
      header: ['Case reference', 'For the practitioner', 'For the manager', 'Practitioner’s response'],
      rows: r.auditActions.map((a) => [a.caseReference, a.practitioner, a.manager, a.response]),
    },
    {
      name: 'Improvement actions',
      header: ['Action', 'Owner', 'Due', 'Status', 'RAG', 'Audits'],
      rows: r.improvementActions.map((a) => [a.title, a.owner, date(a.due), a.status, a.rag, a.audits]),
    },
  ];
}
