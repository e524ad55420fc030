/*
 * The annual self-assessment as an Excel workbook: one sheet per subject, every field, each sheet a
 * table (sheet.ts) with its header row frozen. Lays out a ReportModel, and the details only the
 * workbook carries (domain/report/workbook-details.ts); decides nothing.
 */
import * as XLSX from 'xlsx';
import type { AuditRow, ReportModel } from '../../domain/report/report-model';
import {
  recommendationKey,
  type AuditDetailRow,
  type WorkbookDetails,
} from '../../domain/report/workbook-details';
import { writeWithFrozenHeaders } from './freeze-header';
import { withLongTextSheet } from './long-text';
import { date, loadDateFormats, time, toSheet, yes, type Cell, type SheetSpec } from './sheet';

export function renderWorkbook(model: ReportModel, details?: WorkbookDetails): Uint8Array {
  loadDateFormats();
  const book = XLSX.utils.book_new();
  for (const spec of withLongTextSheet(sheetsOf(model, details)))
    XLSX.utils.book_append_sheet(book, toSheet(spec), spec.name);
  book.Props = {
    Title: `${model.cover.title} – ${model.cover.council}`,
    Author: model.cover.preparedBy || 'Readiness Workbook',
  };
  return writeWithFrozenHeaders(book);
}

function sheetsOf(m: ReportModel, d: WorkbookDetails | undefined): SheetSpec[] {
  return [
    {
      name: 'Summary',
      header: ['Item', 'Value'],
      rows: [
        ['Council', m.cover.council],
        ['Title', m.cover.title],
        ['Framework', `${m.cover.frameworkTitle} (version ${m.cover.frameworkVersion})`],
        ['Year', m.cover.cycleLabel],
        ['Status', m.cover.status],
        ['Date', date(m.cover.date)],
        ['Protective marking', m.cover.marking],
        ['Prepared by', m.cover.preparedBy],
        ...m.summary.map((s): Cell[] => [s.judgement, `Agreed: ${s.agreed}; proposed: ${s.proposed}`]),
      ],
    },
    {
      name: 'Judgements',
      header: [
        'Judgement',
        'Proposed grade',
        'Why proposed',
        'Agreed grade',
        'Agreed grade signed off by',
        'Signed off on',
        'Rationale',
        'Rule checks',
        `Audits (${[...new Set(m.judgements.map((j) => j.goodOrBetterWords))].join(' / ')})`,
      ],
      rows: m.judgements.map((j) => [
        j.heading,
        j.proposed,
        j.proposalExplanation,
        j.agreed,
        j.agreedSignOff.by,
        date(j.agreedSignOff.at),
        j.rationale,
        j.ruleFindings.map((f) => `${f.severity === 'error' ? 'Error' : 'Warning'}: ${f.message}`).join('\n'),
        j.auditFindings?.percentGoodOrBetter != null
          ? `${j.auditFindings.percentGoodOrBetter}% of ${j.auditFindings.graded}`
          : '',
      ]),
    },
    {
      name: 'Criteria',
      header: [
        'Judgement',
        'Ref',
        'Criterion',
        'Grade',
        'Confidence',
        'Status',
        'Assigned to',
        'Signed off by',
        'Signed off on',
        'Strengths',
        'Areas for development',
        'Evidence',
        'To re-evaluate',
        'Audit findings',
        ...m.extensionNames,
      ],
      rows: m.judgements.flatMap((j) =>
        j.criteria.map((c) => [
          j.heading,
          c.ref,
          c.title,
          c.grade,
          c.confidence,
          c.status,
          c.assignee,
          c.signedOffBy,
          date(c.signedOffAt),
          c.strengths,
          c.areasForDevelopment,
          c.evidenceRefs.join(', '),
          yes(c.toReEvaluate),
          c.auditSummary,
          ...m.extensionNames.map((n) => c.extensions[n] ?? ''),
        ]),
      ),
    },
    {
      name: 'Narrative',
      header: ['Judgement', 'Question', 'Answer', 'Assigned to', 'Status', 'Signed off by', 'Signed off on'],
      rows: m.judgements.flatMap((j) =>
        j.narrative.map((n) => [
          j.heading,
          n.question,
          n.answer,
          j.narrativeReview.assignee,
          j.narrativeReview.status,
          j.narrativeReview.signOff.by,
          date(j.narrativeReview.signOff.at),
        ]),
      ),
    },
    {
      name: 'Evidence',
      header: [
        'Ref',
        'Title',
        'Type',
        'Date',
        'Owner',
        'Location or link',
        'Notes',
        'Stale (over 12 months)',
        'Supports criteria',
      ],
      rows: m.evidence.map((e) => [
        e.ref,
        e.title,
        e.type,
        date(e.date),
        e.owner,
        e.location,
        e.notes,
        yes(e.stale),
        e.supports,
      ]),
    },
    {
      name: 'Actions',
      header: [
        'Action',
        'What will be done',
        'Owner',
        'Due',
        'Status',
        'RAG',
        'Overdue',
        'Completed',
        'Latest progress',
        'Criteria',
        'Judgements',
        'Recommendations',
      ],
      rows: m.actions.map((a) => [
        a.title,
        a.description,
        a.owner,
        date(a.dueDate),
        a.status,
        a.rag,
        yes(a.overdue),
        date(a.completedAt),
        a.latestProgress,
        a.criteria,
        a.judgements,
        a.recommendations,
      ]),
    },
    ...(d
      ? [
          {
            name: 'Action progress notes',
            header: ['Action', 'When', 'By', 'Progress note'],
            rows: d.progressNotes.map((n): Cell[] => [n.action, time(n.at), n.by, n.text]),
          },
        ]
      : []),
    {
      name: 'Recommendations',
      header: [
        'Ref',
        'Source',
        'Date',
        'Recommendation',
        ...(d ? ['Judgements'] : []),
        'Area for priority action',
        'Actions',
        'What we have done so far',
        'Status',
      ],
      rows: m.recommendations.map((r) => [
        r.reference,
        r.source,
        date(r.date),
        r.text,
        ...(d ? [d.recommendationJudgements.get(recommendationKey(r)) ?? ''] : []),
        yes(r.priorityAction),
        r.actions,
        r.progressSummary,
        r.status,
      ]),
    },
    auditsSheet(m, d),
    ...(d ? auditDetailSheets(d) : []),
    ...(d?.comments.length ? [commentsSheet(d)] : []),
    {
      name: 'Audit findings',
      header: [
        'Quarter',
        'Audits',
        'Graded',
        ...m.audits.overall.counts.map((c) => c.label),
        'Good or better',
        'Per cent good or better',
      ],
      rows: [...m.audits.byQuarter, { ...m.audits.overall, quarter: 'All' }].map((q) => [
        q.quarter,
        q.audits,
        q.graded,
        ...q.counts.map((c) => c.count),
        q.goodOrBetter,
        q.percentGoodOrBetter,
      ]),
    },
    {
      name: 'Moderation agreement',
      header: ['Compared', 'Pairs', 'Exact agreement', 'Within one grade', 'Cohen’s kappa', 'Weighted kappa'],
      rows: m.audits.agreement.map((r) => [
        r.compared,
        r.pairs,
        r.exact,
        r.withinOne,
        r.kappa,
        r.weightedKappa,
      ]),
    },
    {
      name: 'Scorecard',
      header: [
        'Indicator',
        ...(d ? ['Definition', 'Source', 'Owner'] : []),
        'Unit',
        'Period',
        'Latest',
        'Target',
        'RAG',
        'Direction of travel',
        'Statistical neighbours',
        'Region',
        'England',
        'Criteria',
      ],
      rows: m.scorecard.map((s) => [
        s.name,
        ...(d
          ? [
              d.indicators.get(s.name)?.definition ?? '',
              d.indicators.get(s.name)?.source ?? '',
              d.indicators.get(s.name)?.owner ?? '',
            ]
          : []),
        s.unit,
        s.latestPeriod,
        s.latest,
        s.target,
        s.rag,
        s.direction,
        s.statisticalNeighbours,
        s.region,
        s.england,
        s.criteria,
      ]),
    },
    {
      name: 'Readiness checks',
      header: ['Severity', 'Check'],
      rows: m.readiness.map((r) => [r.severity === 'error' ? 'Gap' : 'Worth checking', r.message]),
    },
    {
      name: 'Changes since last year',
      header: ['What', 'Item', `${m.changes?.since ?? 'Last year'}`, 'This year', 'Change'],
      rows: m.changes
        ? [
            ...m.changes.grades.map((g): Cell[] => ['Grade', g.name, g.from, g.to, g.change]),
            ...m.changes.newEvidence.map((t): Cell[] => ['New evidence', t, '', '', '']),
            ...m.changes.retiredEvidence.map((t): Cell[] => ['Evidence no longer used', t, '', '', '']),
            ...m.changes.closedActions.map((t): Cell[] => ['Action closed', t, '', '', '']),
          ]
        : [],
    },
    ...(d
      ? [
          {
            name: 'Change history',
            header: ['Record', 'Item', 'When', 'By', 'What changed', 'From', 'To'],
            rows: d.history.map((h): Cell[] => [h.record, h.item, time(h.at), h.by, h.what, h.from, h.to]),
          },
        ]
      : []),
  ];
}

const AUDIT_HEADER = [
  'Case reference',
  'Case type',
  'Team',
  'Worker',
  'Auditor',
  'Date',
  'Tool',
  'Status',
  'Overall grade',
  'Moderated grade',
  'Strengths',
  'Worries',
  'Voice of the child and family',
  'Safeguarding escalation',
  'Themes',
];

function auditsSheet(m: ReportModel, d: WorkbookDetails | undefined): SheetSpec {
  const columns = d?.audits.columns ?? m.audits.columns;
  const rows: AuditRow[] = d?.audits.rows ?? m.audits.rows;
  const detailed = (a: AuditRow): a is AuditDetailRow => d !== undefined && 'round' in a;
  const extraHeader = d
    ? [
        'Round',
        'Actions for the practitioner',
        'Actions for the manager',
        'Practitioner’s response',
        'Moderator',
        'Moderated on',
        'Moderator’s grade',
        'Reason for the moderated grade',
      ]
    : [];
  return {
    name: 'Audits',
    header: [
      ...AUDIT_HEADER,
      ...extraHeader,
      ...columns.map((c) => c.heading),
      ...(d?.audits.domainColumns.map((c) => c.heading) ?? []),
    ],
    rows: rows.map((a) => [
      a.caseReference,
      a.caseType,
      a.team,
      a.worker,
      a.auditor,
      date(a.auditDate),
      a.tool,
      a.status,
      a.overallGrade,
      a.moderatedGrade,
      a.strengths,
      a.worries,
      a.voiceOfChildAndFamily,
      a.escalation,
      a.themes,
      ...(detailed(a)
        ? [
            a.round,
            a.practitionerActions,
            a.managerActions,
            a.practitionerResponse,
            a.moderator,
            date(a.moderatedOn),
            a.moderatorGrade,
            a.moderationReason,
          ]
        : []),
      ...columns.map((c) => (c.kind === 'date' ? date(a.answers[c.id] ?? '') : (a.answers[c.id] ?? ''))),
      ...(d && detailed(a) ? d.audits.domainColumns.map((c) => a.moderatorDomainGrades[c.id] ?? '') : []),
    ]),
  };
}

function auditDetailSheets(d: WorkbookDetails): SheetSpec[] {
  return [
    {
      name: 'Escalations',
      header: [
        'Case reference',
        'Raised',
        'Raised by',
        'Concern',
        'Closed',
        'Response recorded',
        'Recorded by',
        'Who was told',
        'What happened',
      ],
      rows: d.escalations.map((e) => [
        e.caseReference,
        time(e.raisedAt),
        e.raisedBy,
        e.concern,
        time(e.closedAt),
        time(e.responseAt),
        e.responseBy,
        e.toldWho,
        e.action,
      ]),
    },
    {
      name: 'Agency contributions',
      header: ['Case reference', 'Agency', 'Contributor', 'Grade', 'Summary', 'Answers'],
      rows: d.contributions.map((c) => [
        c.caseReference,
        c.agency,
        c.contributor,
        c.grade,
        c.summary,
        c.answers,
      ]),
    },
    {
      name: 'Recurring themes',
      header: ['Theme', 'Audits'],
      rows: d.themes.map((t) => [t.theme, t.count]),
    },
    {
      name: 'Audit rounds',
      header: ['Round', 'Type', 'Theme', 'From', 'To', 'Auditors', 'Target', 'Audits', 'Why this sample'],
      rows: d.rounds.map((r) => [
        r.title,
        r.type,
        r.theme,
        date(r.from),
        date(r.to),
        r.auditors,
        r.target,
        r.audits,
        r.sampleRationale,
      ]),
    },
  ];
}

function commentsSheet(d: WorkbookDetails): SheetSpec {
  return {
    name: 'Comments',
    header: [
      'On',
      'Thread',
      'Comment or reply',
      'By',
      'When',
      'Text',
      'Mentions',
      'Resolved by',
      'Resolved on',
    ],
    rows: d.comments.map((c) => [
      c.on,
      c.thread,
      c.kind,
      c.by,
      time(c.at),
      c.text,
      c.mentions,
      c.resolvedBy,
      time(c.resolvedAt),
    ]),
  };
}
