/*
 * Builds the ReportModel for one cycle from stored records: the same facts the app shows, in the
 * framework's own grade words. Pure: "today" and the time of generation are passed in.
 */
import type { Comment } from '../comments/records';
import type { LastInspection } from '../inspection-report/last-inspection';
import {
  auditsBehind,
  collectAuditEvidence,
  criterionAuditFindingsOf,
  type AuditEvidence,
  type CriterionAuditFindings,
} from '../case-audit/criterion-evidence';
import { describeGoodOrBetter } from '../case-audit/subgroup-report';
import type { AuditRound, CaseAudit, Moderation } from '../case-audit/records';
import { cycleLabel } from '../format/dates';
import { findLevel, scaleOfJudgement, subjectOf } from '../framework/lookup';
import type { Framework, Scale } from '../framework/types';
import { compareCycles } from '../self-assessment/changes-since-last-year';
import { buildCycleOverview } from '../self-assessment/cycle-overview';
import type { JudgementRow } from '../self-assessment/types';
import { isOverdue, isStale } from '../self-assessment/dates';
import { computeReadinessChecks } from '../self-assessment/readiness-checks';
import { describeJudgementSignOff } from '../self-assessment/judgement-sign-off';
import { describeNarrativeSignOff, narrativeStatus } from '../self-assessment/narrative-review';
import { describeSignOff, signOffWords, type SignOff } from '../self-assessment/review';
import type {
  CycleBundle,
  EvidenceItem,
  ImprovementAction,
  Narrative,
  Recommendation,
  Settings,
} from '../workspace/records';
import {
  ACTION_STATUSES,
  CONFIDENCE_LEVELS,
  EVIDENCE_TYPES,
  NOT_APPLICABLE,
  RAG_BANDS,
  RECOMMENDATION_SOURCES,
  WORKFLOW_STATUSES,
} from '../workspace/vocabulary';
import { buildAuditFindings } from './audit-findings';
import { summaryOf, workbookAudits } from './audit-rows';
import { INDICATOR_UNITS, type Indicator } from '../scorecard/records';
import {
  directionOf,
  DIRECTION_WORDS,
  formatValue,
  latestValue,
  periodLabel,
  RAG_WORDS,
  ragOf,
} from '../scorecard/status';
import type {
  CriterionRow,
  EvidenceRow,
  JudgementSection,
  NarrativeReviewRow,
  ReportModel,
  ScorecardRow,
  SignOffLine,
  Tone,
} from './report-model';

export interface ReportInput {
  settings: Settings;
  framework: Framework;
  bundle: CycleBundle;
  previous?: { bundle: CycleBundle; framework: Framework };
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  /** For the findings by round; without them rounds are named by their id. */
  rounds?: readonly AuditRound[];
  indicators?: readonly Indicator[];
  /** The last inspection, for the readiness checks against it (as the page has them). */
  lastInspection?: LastInspection;
  /** The framework the last inspection was judged under, when the library has it. */
  inspectionFramework?: Framework;
  /** yyyy-mm-dd */
  today: string;
  /** For the workbook's Comments sheet only; the PDF and Word document never show comments. */
  comments?: readonly Comment[];
}

export function buildReport(input: ReportInput): ReportModel {
  const { framework, bundle } = input;
  const live = <T extends { deletedAt?: string }>(items: readonly T[]) => items.filter((i) => !i.deletedAt);
  const evidence = [...live(input.evidence)].sort(
    (a, b) => a.date.localeCompare(b.date) || a.title.localeCompare(b.title),
  );
  const evidenceRef = new Map(evidence.map((e, i) => [e.id, `E${i + 1}`]));
  const audits = live(input.audits).filter((a) => a.frameworkId === framework.id);
  const moderations = live(input.moderations);
  const overview = buildCycleOverview(framework, bundle);
  const behind = collectAuditEvidence(framework, audits, moderations);
  // Every criterion's audits worked out once, for its row in each section and for the readiness checks.
  const criterionFindings = criterionAuditFindingsOf(behind);
  const judgements = orderOfParts(framework).map((j) =>
    buildJudgementSection(
      input,
      overview.rows.find((r) => r.judgementId === j.id)!,
      evidenceRef,
      behind,
      criterionFindings,
    ),
  );
  const words = reportWords(framework);
  const review = framework.judgements.find(isSeparateReview);
  return {
    cover: {
      council: input.settings.councilName || `${words.organisation} name not set`,
      title: `${subjectOf(framework) === 'safeguarding-partnership' ? 'Annual self-assessment of the safeguarding arrangements' : 'Annual self-assessment'} ${cycleLabel(bundle.cycle.startYear)}`,
      cycleLabel: cycleLabel(bundle.cycle.startYear),
      frameworkTitle: framework.title,
      frameworkVersion: framework.version,
      date: input.today,
      status: bundle.cycle.status === 'final' ? 'Final' : 'Draft',
      marking: input.settings.protectiveMarking,
      preparedBy: input.settings.userName,
      ...(input.settings.logoDataUrl ? { logoDataUrl: input.settings.logoDataUrl } : {}),
    },
    words,
    summary: judgements.map((j) => ({
      judgement: j.heading,
      proposed: j.proposed,
      proposedTone: j.proposedTone,
      agreed: j.agreed,
      agreedTone: j.agreedTone,
      part: j.part,
    })),
    reviewPart: review ? `The ${review.shortTitle} review` : null,
    judgements,
    extensionNames: [...new Set(framework.criteria.flatMap((c) => Object.keys(c.extensions ?? {})))],
    actions: buildActions(input, framework),
    recommendations: buildRecommendations(input),
    evidence: buildEvidence(input, evidence, evidenceRef),
    readiness: computeReadinessChecks({ ...input, ...bundle, auditFindings: criterionFindings }).map((c) => ({
      severity: c.severity,
      message: c.message,
    })),
    scorecard: buildScorecard(input),
    changes: buildChanges(input),
    auditFindings: buildAuditFindings(input, judgements, words),
    audits: workbookAudits(framework, audits, moderations),
  };
}

/**
 * A review judged beside the inspection, printed as a part of its own (SIF's LSCB review). A review the
 * framework numbers with its other judgements (a partnership's area 6, its agencies' section 11
 * standards) is one of them, under its own number and title, with no part invented for it.
 */
function isSeparateReview(judgement: Framework['judgements'][number]): boolean {
  return judgement.kind === 'review' && !judgement.ref;
}

/** The judgements in the order the documents print them: the inspection's, then any separate review. */
function orderOfParts(framework: Framework) {
  return [
    ...framework.judgements.filter((j) => !isSeparateReview(j)),
    ...framework.judgements.filter(isSeparateReview),
  ];
}

function reportWords(framework: Framework): ReportModel['words'] {
  const partnership = subjectOf(framework) === 'safeguarding-partnership';
  return {
    organisation: partnership ? 'Partnership' : 'Council',
    selfEvaluation: partnership ? 'Self-assessment' : 'Self-evaluation',
    auditFindings: partnership ? 'Multi-agency audit findings' : 'Case audit findings',
    audits: partnership ? 'multi-agency audits' : 'case audits',
  };
}

function buildJudgementSection(
  input: ReportInput,
  row: JudgementRow,
  evidenceRef: Map<string, string>,
  audits: AuditEvidence,
  criterionFindings: ReadonlyMap<string, CriterionAuditFindings>,
): JudgementSection {
  const { framework, bundle } = input;
  const judgementId = row.judgementId;
  const judgement = framework.judgements.find((j) => j.id === judgementId)!;
  const scale = scaleOfJudgement(framework, judgementId);
  const narrative = bundle.narratives.find((n) => !n.deletedAt && n.judgementId === judgementId);
  const assessments = new Map(
    bundle.criterionAssessments.filter((x) => !x.deletedAt).map((x) => [x.criterionId, x]),
  );
  const criteria = framework.criteria.filter((c) => c.judgementId === judgementId);
  const criterionRows: CriterionRow[] = criteria.map((criterion) => {
    const a = assessments.get(criterion.id);
    const found = criterionFindings.get(criterion.id) ?? auditsBehind(audits, { criterionId: criterion.id });
    const signOff = describeSignOff(a);
    return {
      ref: criterion.ref,
      title: criterion.title,
      grade: levelWord(scale, a?.grade),
      gradeTone: toneOfLevel(scale, a?.grade),
      confidence: a?.confidence ? CONFIDENCE_LEVELS[a.confidence] : '',
      status: WORKFLOW_STATUSES[a?.status ?? 'to-do'],
      assignee: a?.assignee ?? '',
      signedOffBy: signOff.by,
      signedOffAt: signOff.at ?? '',
      signOff: signOffWords(signOff),
      strengths: a?.strengths ?? '',
      areasForDevelopment: a?.areasForDevelopment ?? '',
      evidenceRefs: (a?.evidenceIds ?? [])
        .map((id) => evidenceRef.get(id))
        .filter((r): r is string => r !== undefined),
      toReEvaluate: a?.toReEvaluate ?? false,
      extensions: Object.fromEntries(
        Object.entries(criterion.extensions ?? {}).map(([k, v]) => [k, String(v)]),
      ),
      auditSummary: found.n
        ? `${describeGoodOrBetter(found)} ${goodOrBetterWords(scale)} (${found.goodOrBetter} of ${found.n} audits)`
        : '',
    };
  });
  const found = auditsBehind(audits, { judgementId });
  const number = judgement.ref ?? '';
  return {
    id: judgementId,
    number,
    title: row.title,
    heading: number ? `${number} ${row.title}` : row.title,
    depth: judgement.parentId ? 1 : 0,
    part: isSeparateReview(judgement) ? 'review' : 'inspection',
    proposed: levelWord(scale, row.proposal.levelId),
    proposedTone: toneOfLevel(scale, row.proposal.levelId),
    proposalExplanation: row.proposal.explanation,
    agreed: levelWord(scale, row.agreedLevelId),
    agreedTone: toneOfLevel(scale, row.agreedLevelId),
    rationale: row.rationale,
    agreedSignOff:
      row.agreedLevelId === undefined
        ? { by: '', at: '', words: '' }
        : signOffLine(
            describeJudgementSignOff(
              bundle.judgementAssessments.find((a) => !a.deletedAt && a.judgementId === judgementId),
            ),
          ),
    ruleFindings: row.findings.map((f) => ({ severity: f.severity, message: f.message })),
    narrative: framework.selfEvaluation.map((s) => ({
      question: s.question,
      answer: narrative?.answers[s.id] ?? '',
    })),
    narrativeReview: narrativeReviewRow(narrative),
    criteria: criterionRows,
    auditFindings: scale && found.audits.length ? summaryOf(found, scale) : null,
    auditsName:
      found.audits.length && found.audits.every(({ audit }) => isAgencyReturn(framework, audit))
        ? 'agency returns'
        : reportWords(framework).audits,
    goodOrBetterWords: goodOrBetterWords(scale),
  };
}

function signOffLine(signOff: SignOff): SignOffLine {
  return { by: signOff.by, at: signOff.at ?? '', words: signOffWords(signOff) };
}

function narrativeReviewRow(narrative: Narrative | undefined): NarrativeReviewRow {
  const status = narrativeStatus(narrative);
  const signOff = signOffLine(describeNarrativeSignOff(narrative));
  const assignee = narrative?.assignee ?? '';
  const reviewed = narrative?.review !== undefined;
  const line = [assignee && `Written by ${assignee}.`, reviewed && `${signOff.words}.`]
    .filter(Boolean)
    .join(' ');
  return { assignee, status: WORKFLOW_STATUSES[status], signOff, line };
}

/** A section 11 (or schools' section 175/157) return: an agency audits its own arrangements, not a child's case. */
function isAgencyReturn(framework: Framework, audit: CaseAudit): boolean {
  return framework.auditTools.find((t) => t.id === audit.toolId)?.subject === 'agency';
}

/**
 * What a scale counts as good or better, in its own words: "good or better" on Ofsted's scale, and
 * "met" where the level it starts at is the top one (met, partly met, not met).
 */
export function goodOrBetterWords(scale: Scale | undefined): string {
  const counted = (scale?.levels ?? [])
    .filter((l) => l.rank >= (scale?.goodOrBetterMinRank ?? Infinity))
    .sort((a, b) => a.rank - b.rank);
  const threshold = counted[0];
  if (!threshold) return 'good or better';
  const word = threshold.label.toLowerCase();
  return counted.length > 1 ? `${word} or better` : word;
}

function buildActions(input: ReportInput, framework: Framework) {
  const recs = new Map(input.recommendations.map((r) => [r.id, r.reference || 'Recommendation']));
  return input.actions
    .filter((a) => !a.deletedAt)
    .sort((a, b) => (a.dueDate || '9999').localeCompare(b.dueDate || '9999'))
    .map((a) => ({
      title: a.title,
      description: a.description,
      owner: a.owner,
      dueDate: a.dueDate,
      status: ACTION_STATUSES[a.status],
      rag: RAG_BANDS[a.rag],
      ragTone: a.rag,
      overdue: isOverdue(a, input.today),
      completedAt: a.completedAt ?? '',
      latestProgress: [...a.progressNotes].sort((x, y) => y.at.localeCompare(x.at))[0]?.text ?? '',
      // Links into another framework (an action carried over from an earlier cycle) are left out, never printed as codes.
      criteria: a.criterionIds
        .map((id) => framework.criteria.find((c) => c.id === id)?.ref)
        .filter(Boolean)
        .join(', '),
      judgements: a.judgementIds
        .map((id) => framework.judgements.find((j) => j.id === id))
        .map((j) => j && (j.ref ? `${j.ref} ${j.shortTitle}` : j.shortTitle))
        .filter(Boolean)
        .join(', '),
      recommendations: a.recommendationIds
        .map((id) => recs.get(id) ?? '')
        .filter(Boolean)
        .join(', '),
    }));
}

function buildRecommendations(input: ReportInput) {
  return input.recommendations
    .filter((r) => !r.deletedAt)
    .sort(
      (a, b) =>
        a.date.localeCompare(b.date) || a.reference.localeCompare(b.reference, 'en', { numeric: true }),
    )
    .map((r) => ({
      reference: r.reference,
      source: RECOMMENDATION_SOURCES[r.source],
      date: r.date,
      text: r.text,
      priorityAction: r.priorityAction,
      actions: input.actions
        .filter((a) => !a.deletedAt && a.recommendationIds.includes(r.id))
        .map((a) => `${a.title} (${ACTION_STATUSES[a.status]}; ${RAG_BANDS[a.rag]})`)
        .join('\n'),
      progressSummary: r.progressSummary,
      status: r.closed ? ('Closed' as const) : ('Open' as const),
    }));
}

function buildEvidence(
  input: ReportInput,
  evidence: EvidenceItem[],
  refs: Map<string, string>,
): EvidenceRow[] {
  // Which criteria each item supports, found in one pass over the assessments, in their order.
  const supported = new Map<string, string[]>();
  for (const a of input.bundle.criterionAssessments) {
    if (a.deletedAt) continue;
    const ref = input.framework.criteria.find((c) => c.id === a.criterionId)?.ref ?? a.criterionId;
    for (const id of new Set(a.evidenceIds)) {
      const refs = supported.get(id);
      if (refs) refs.push(ref);
      else supported.set(id, [ref]);
    }
  }
  return evidence.map((e) => ({
    ref: refs.get(e.id)!,
    title: e.title,
    type: EVIDENCE_TYPES[e.type],
    date: e.date,
    owner: e.owner,
    location: e.location,
    notes: e.notes,
    stale: isStale(e.date, input.today),
    supports: (supported.get(e.id) ?? []).join(', '),
  }));
}

function buildChanges(input: ReportInput): ReportModel['changes'] {
  if (!input.previous) return null;
  const { framework } = input;
  const changes = compareCycles({
    previousFramework: input.previous.framework,
    framework,
    previous: input.previous.bundle,
    current: input.bundle,
    evidence: input.evidence,
    actions: input.actions,
  });
  const WORDS = {
    up: 'Better',
    down: 'Worse',
    same: 'Same',
    'newly-graded': 'Newly graded',
    'no-longer-graded': 'No longer graded',
  };
  const nameOf = (kind: string, id: string) =>
    kind === 'judgement'
      ? (framework.judgements.find((j) => j.id === id)?.title ?? id)
      : `${framework.criteria.find((c) => c.id === id)?.ref ?? ''} ${framework.criteria.find((c) => c.id === id)?.title ?? id}`.trim();
  const judgementOf = (kind: string, id: string) =>
    kind === 'judgement' ? id : (framework.criteria.find((c) => c.id === id)?.judgementId ?? '');
  // By id: a large workspace has thousands of evidence items, most of them new since last year.
  const evidenceTitles = new Map(input.evidence.map((e) => [e.id, e.title]));
  const actionTitles = new Map(input.actions.map((a) => [a.id, a.title]));
  const title = (id: string) => evidenceTitles.get(id) ?? 'Deleted evidence item';
  return {
    since: cycleLabel(input.previous.bundle.cycle.startYear),
    grades: changes.grades
      .filter((g) => g.direction !== 'same')
      .map((g) => {
        const scale = scaleOfJudgement(framework, judgementOf(g.kind, g.id));
        return {
          name: nameOf(g.kind, g.id),
          from: levelWord(scale, g.from),
          to: levelWord(scale, g.to),
          change: WORDS[g.direction],
        };
      }),
    newEvidence: changes.newEvidenceIds.map(title),
    retiredEvidence: changes.retiredEvidenceIds.map(title),
    closedActions: changes.closedActionIds.map((id) => actionTitles.get(id) ?? 'Action'),
  };
}

function buildScorecard(input: ReportInput): ScorecardRow[] {
  return (input.indicators ?? [])
    .filter((i) => !i.deletedAt)
    .map((i) => {
      const latest = latestValue(i);
      const rag = ragOf(i, latest?.value);
      return {
        name: i.name,
        unit: INDICATOR_UNITS[i.unit],
        latestPeriod: latest ? periodLabel(latest.period, i.frequency) : '',
        latest: formatValue(i, latest?.value),
        target: i.target === undefined ? '' : formatValue(i, i.target),
        rag: RAG_WORDS[rag],
        ragTone: rag === 'no-target' || rag === 'no-data' ? ('grey' as const) : rag,
        direction: DIRECTION_WORDS[directionOf(i)],
        statisticalNeighbours: formatValue(i, latest?.comparators.statisticalNeighbours),
        region: formatValue(i, latest?.comparators.region),
        england: formatValue(i, latest?.comparators.england),
        criteria: i.criterionIds
          .map((id) => input.framework.criteria.find((c) => c.id === id)?.ref ?? id)
          .join(', '),
      };
    });
}

/** Green for good or better, red for the scale's lowest level, amber between, grey when not graded. */
export function toneOfLevel(scale: Scale | undefined, levelId: string | null | undefined): Tone {
  const level = levelId === NOT_APPLICABLE ? undefined : findLevel(scale, levelId ?? undefined);
  if (!scale || !level) return 'grey';
  const lowest = Math.min(...scale.levels.map((l) => l.rank));
  if (level.rank >= (scale.goodOrBetterMinRank ?? Infinity)) return 'green';
  return level.rank === lowest ? 'red' : 'amber';
}

export function levelWord(scale: Scale | undefined, levelId: string | null | undefined): string {
  if (levelId === NOT_APPLICABLE) return 'Not applicable';
  return findLevel(scale, levelId ?? undefined)?.label ?? 'Not yet graded';
}
