/*
 * What the workbook carries beyond the ReportModel the PDF and Word document print: which judgements
 * each recommendation concerns, the whole progress-note history of actions, the change history of
 * criteria, judgements and the year, every field of the audits (round, actions, the practitioner's
 * response, moderation, the escalation and its log), recurring themes and the audit rounds. All in
 * words; dates kept as yyyy-mm-dd and times as ISO so the workbook writes them as real dates.
 */
import { countThemes, standingModerations } from '../case-audit/findings';
import type { AuditRound, CaseAudit } from '../case-audit/records';
import { ROUND_TYPES, YES_NO_PARTLY } from '../case-audit/records';
import { cycleLabel } from '../format/dates';
import { findLevel, findScale, scaleOfJudgement } from '../framework/lookup';
import type { Framework, Scale } from '../framework/types';
import type { HistoryEntry } from '../workspace/records';
import {
  CONFIDENCE_LEVELS,
  CYCLE_STATUS_CHANGES,
  NOT_APPLICABLE,
  NOT_YET_GRADED,
  WORKFLOW_STATUSES,
} from '../workspace/vocabulary';
import { buildAuditRows } from './audit-rows';
import { buildCommentRows, type CommentRow } from './comment-rows';
import type { ReportInput } from './build-report';
import type { AuditRow } from './report-model';
import { HISTORY_FIELDS } from '../workspace/labels';

export interface WorkbookDetailsInput extends ReportInput {
  rounds?: readonly AuditRound[];
}

export interface AuditDetailRow extends AuditRow {
  round: string;
  practitionerActions: string;
  managerActions: string;
  practitionerResponse: string;
  moderator: string;
  moderatorGrade: string;
  moderationReason: string;
  /** yyyy-mm-dd, when the moderation was submitted. */
  moderatedOn: string;
  /** Moderator's domain grades, by the same column ids as `answers`. */
  moderatorDomainGrades: Record<string, string>;
}

export interface WorkbookDetails {
  /** "reference\u0000date\u0000text" of a recommendation → the judgements it concerns. */
  recommendationJudgements: Map<string, string>;
  /** Indicator name → what the scorecard sheet leaves out. */
  indicators: Map<string, { definition: string; source: string; owner: string }>;
  progressNotes: { action: string; at: string; by: string; text: string }[];
  history: { record: string; item: string; at: string; by: string; what: string; from: string; to: string }[];
  audits: {
    rows: AuditDetailRow[];
    columns: { id: string; heading: string; kind?: 'date' }[];
    /** One per graded domain of the tools used, for the moderator's grades. */
    domainColumns: { id: string; heading: string }[];
  };
  escalations: {
    caseReference: string;
    raisedAt: string;
    raisedBy: string;
    concern: string;
    closedAt: string;
    responseAt: string;
    responseBy: string;
    toldWho: string;
    action: string;
  }[];
  contributions: {
    caseReference: string;
    agency: string;
    contributor: string;
    grade: string;
    summary: string;
    answers: string;
  }[];
  themes: { theme: string; count: number }[];
  comments: CommentRow[];
  rounds: {
    title: string;
    type: string;
    theme: string;
    from: string;
    to: string;
    auditors: string;
    target: number;
    audits: number;
    sampleRationale: string;
  }[];
}

export function recommendationKey(r: { reference: string; date: string; text: string }): string {
  return `${r.reference}\u0000${r.date}\u0000${r.text}`;
}

export { HISTORY_FIELDS };

const live = <T extends { deletedAt?: string }>(items: readonly T[]) => items.filter((i) => !i.deletedAt);

export function buildWorkbookDetails(input: WorkbookDetailsInput): WorkbookDetails {
  const { framework, bundle } = input;
  const audits = live(input.audits).filter((a) => a.frameworkId === framework.id);
  // In the framework's own numbering ("2.1 Adoption performance"); never an internal id.
  const judgementName = (id: string) => {
    const judgement = framework.judgements.find((j) => j.id === id);
    return judgement && (judgement.ref ? `${judgement.ref} ${judgement.title}` : judgement.title);
  };
  const actionsLive = [...live(input.actions)].sort((a, b) =>
    (a.dueDate || '9999').localeCompare(b.dueDate || '9999'),
  );
  return {
    recommendationJudgements: new Map(
      live(input.recommendations).map((r) => [
        recommendationKey(r),
        r.judgementIds
          .map(judgementName)
          .filter((name) => name !== undefined)
          .join('; '),
      ]),
    ),
    indicators: new Map(
      live(input.indicators ?? []).map((i) => [
        i.name,
        { definition: i.definition, source: i.source, owner: i.owner },
      ]),
    ),
    progressNotes: actionsLive.flatMap((a) =>
      [...a.progressNotes]
        .sort((x, y) => x.at.localeCompare(y.at))
        .map((n) => ({ action: a.title, at: n.at, by: n.by, text: n.text })),
    ),
    history: buildHistory(input),
    comments: buildCommentRows(input.comments ?? [], framework, bundle, audits),
    audits: buildAuditDetails(framework, audits, input),
    escalations: audits.flatMap((a) => {
      if (!a.escalation) return [];
      const e = a.escalation;
      const base = {
        caseReference: a.caseReference,
        raisedAt: e.raisedAt,
        raisedBy: e.raisedBy,
        concern: e.concern,
        closedAt: e.closedAt ?? '',
      };
      const none = { responseAt: '', responseBy: '', toldWho: '', action: 'No response recorded yet' };
      return e.log.length
        ? e.log.map((l) => ({
            ...base,
            responseAt: l.at,
            responseBy: l.by,
            toldWho: l.toldWho,
            action: l.action,
          }))
        : [{ ...base, ...none }];
    }),
    contributions: audits.flatMap((a) => {
      const tool = framework.auditTools.find((t) => t.id === a.toolId);
      const scale = tool ? findScale(framework, tool.scaleId) : undefined;
      const question = (id: string) =>
        tool?.domains.flatMap((d) => d.questions).find((q) => q.id === id)?.text ??
        'A question no longer in the tool';
      return a.contributions.map((c) => ({
        caseReference: a.caseReference,
        agency: c.agency,
        contributor: c.contributor,
        grade: gradeWord(scale, c.overallGrade),
        summary: c.summary,
        answers: Object.entries(c.answers)
          .map(([id, answer]) => `${question(id)}: ${answerWord(scale, answer)}`)
          .join('\n'),
      }));
    }),
    themes: countThemes(audits),
    rounds: live(input.rounds ?? [])
      .filter((r) => r.frameworkId === framework.id)
      .map((r) => ({
        title: r.title,
        type: ROUND_TYPES[r.type],
        theme: r.theme,
        from: r.periodFrom,
        to: r.periodTo,
        auditors: r.auditors.join('; '),
        target: r.targetCount,
        audits: audits.filter((a) => a.roundId === r.id).length,
        sampleRationale: r.sample?.rationale ?? '',
      })),
  };

  function buildHistory(i: WorkbookDetailsInput): WorkbookDetails['history'] {
    const evidenceTitle = (id: string) =>
      i.evidence.find((e) => e.id === id)?.title ?? 'Deleted evidence item';
    const describe = (scale: Scale | undefined) => (field: string, value: string) =>
      historyValue(scale, field, value, evidenceTitle);
    const year = cycleLabel(bundle.cycle.startYear);
    const criteria = live(bundle.criterionAssessments).flatMap((a) => {
      const criterion = framework.criteria.find((c) => c.id === a.criterionId);
      const scale = criterion ? scaleOfJudgement(framework, criterion.judgementId) : undefined;
      const item = criterion
        ? `${criterion.ref} ${criterion.title}`
        : 'A criterion no longer in the framework';
      return rowsOf('Criterion', item, a.history, describe(scale));
    });
    const judgements = live(bundle.judgementAssessments).flatMap((a) =>
      rowsOf(
        'Judgement',
        judgementName(a.judgementId) ?? 'A judgement no longer in the framework',
        a.history,
        describe(scaleOfJudgement(framework, a.judgementId)),
      ),
    );
    const narratives = live(bundle.narratives).flatMap((n) =>
      rowsOf(
        'Self-evaluation',
        judgementName(n.judgementId) ?? 'A judgement no longer in the framework',
        n.history ?? [],
        describe(undefined),
      ),
    );
    const status = (bundle.cycle.statusHistory ?? []).map((s) => ({
      record: 'Year',
      item: year,
      at: s.at,
      by: s.by,
      what: CYCLE_STATUS_CHANGES[s.change],
      from: '',
      to: s.reason ?? '',
    }));
    return [...status, ...criteria, ...judgements, ...narratives];
  }
}

function rowsOf(
  record: string,
  item: string,
  history: readonly HistoryEntry[],
  describe: (field: string, value: string) => string,
): WorkbookDetails['history'] {
  return history.map((h) => ({
    record,
    item,
    at: h.at,
    by: h.by,
    what: HISTORY_FIELDS[h.field] ?? h.field,
    from: describe(h.field, h.from),
    to: describe(h.field, h.to),
  }));
}

/** A stored history value in words, whole (a workbook keeps every character). */
function historyValue(
  scale: Scale | undefined,
  field: string,
  value: string,
  evidenceTitle: (id: string) => string,
): string {
  if (value === '') return '';
  if (field === 'grade' || field === 'agreedGrade') return gradeWord(scale, value);
  if (field === 'confidence') return CONFIDENCE_LEVELS[value as keyof typeof CONFIDENCE_LEVELS] ?? value;
  if (field === 'status') return WORKFLOW_STATUSES[value as keyof typeof WORKFLOW_STATUSES] ?? value;
  if (field === 'toReEvaluate') return value === 'true' ? 'To re-evaluate' : 'Confirmed';
  if (field === 'evidenceIds') return value.split(',').map(evidenceTitle).join('; ');
  return value;
}

function gradeWord(scale: Scale | undefined, value: string | undefined): string {
  if (!value) return '';
  if (value === NOT_APPLICABLE) return 'Not applicable';
  if (value === NOT_YET_GRADED) return 'Not yet graded';
  return findLevel(scale, value)?.label ?? value;
}

function answerWord(scale: Scale | undefined, value: string): string {
  return findLevel(scale, value)?.label ?? YES_NO_PARTLY[value as keyof typeof YES_NO_PARTLY] ?? value;
}

function buildAuditDetails(
  framework: Framework,
  audits: readonly CaseAudit[],
  input: WorkbookDetailsInput,
): WorkbookDetails['audits'] {
  const moderations = live(input.moderations);
  const base = buildAuditRows(framework, audits, moderations);
  const standing = standingModerations(moderations);
  const roundTitle = new Map((input.rounds ?? []).map((r) => [r.id, r.title]));
  const usedTools = framework.auditTools.filter((t) => audits.some((a) => a.toolId === t.id));
  const domainColumns = usedTools.flatMap((tool) =>
    tool.domains
      .filter((d) => d.graded)
      .map((d) => ({
        id: `${tool.id}:domain:${d.id}`,
        heading: `Moderator: ${tool.title} › ${d.title} (grade)`,
      })),
  );
  const rows = audits.map((audit, i): AuditDetailRow => {
    const moderation = standing.get(audit.id);
    const tool = framework.auditTools.find((t) => t.id === audit.toolId);
    const scale = tool ? findScale(framework, tool.scaleId) : undefined;
    return {
      ...base.rows[i]!,
      round: audit.roundId ? (roundTitle.get(audit.roundId) ?? 'A deleted round') : '',
      practitionerActions: audit.practitionerActions,
      managerActions: audit.managerActions,
      practitionerResponse: audit.practitionerResponse,
      moderator: moderation?.moderator ?? '',
      moderatorGrade: moderation ? gradeWord(scale, moderation.overallGrade) : '',
      moderationReason: moderation?.reason ?? '',
      moderatedOn: moderation?.submittedAt?.slice(0, 10) ?? '',
      moderatorDomainGrades: Object.fromEntries(
        (tool?.domains ?? [])
          .filter((d) => d.graded && moderation)
          .map((d) => [`${audit.toolId}:domain:${d.id}`, gradeWord(scale, moderation!.domainGrades[d.id])]),
      ),
    };
  });
  return { rows, columns: base.columns, domainColumns };
}
