/*
 * The annual self-assessment as plain data: everything the PDF and the workbook print, already in
 * words (grade labels, vocabulary labels), with dates kept as yyyy-mm-dd so each renderer can format
 * them. Renderers lay this out and add nothing of their own.
 */
import type { SubgroupReport } from '../case-audit/subgroup-report';

export interface ReportCover {
  council: string;
  title: string;
  cycleLabel: string;
  frameworkTitle: string;
  frameworkVersion: number;
  /** yyyy-mm-dd */
  date: string;
  status: 'Draft' | 'Final';
  marking: string;
  preparedBy: string;
  logoDataUrl?: string;
}

/** The colour a grade or RAG band is printed in, as a tag beside its word. */
export type Tone = 'red' | 'amber' | 'green' | 'blue' | 'grey';

/** Words that differ between frameworks, so no renderer prints one framework's terms for another's. */
export interface ReportWords {
  /** "Council", or "Partnership" for a safeguarding partnership's own self-assessment. */
  organisation: string;
  /** The heading over each judgement's questions: "Self-evaluation" under ILACS, "Self-assessment" elsewhere. */
  selfEvaluation: string;
  /** "Case audit findings", or "Multi-agency audit findings". */
  auditFindings: string;
  /** "case audits", or "multi-agency audits", in running text. */
  audits: string;
}

export interface CriterionRow {
  ref: string;
  title: string;
  grade: string;
  gradeTone: Tone;
  confidence: string;
  status: string;
  assignee: string;
  /** Who signed it off (describeSignOff), or '' when it is not signed off. */
  signedOffBy: string;
  /** ISO time of the sign-off, '' when not signed off or signed off before it was recorded. */
  signedOffAt: string;
  /** The sign-off in one line (signOffWords). */
  signOff: string;
  strengths: string;
  areasForDevelopment: string;
  /** Evidence references (E1, E4) as printed in the evidence appendix. */
  evidenceRefs: string[];
  toReEvaluate: boolean;
  /** The council's own extra fields on this criterion, by name. */
  extensions: Record<string, string>;
  auditSummary: string;
}

export interface GradeCount {
  label: string;
  count: number;
}

export interface AuditSummary {
  audits: number;
  graded: number;
  goodOrBetter: number;
  /** 0–100, or null with nothing graded. */
  percentGoodOrBetter: number | null;
  /** "60%", or "No grades". */
  share: string;
  counts: GradeCount[];
}

export interface SignOffLine {
  /** The reviewer, BEFORE_SIGN_OFF_RECORDED, or '' when not signed off. */
  by: string;
  /** ISO time, '' when not signed off or not recorded. */
  at: string;
  /** In one line, as the documents print it (signOffWords). */
  words: string;
}

export interface NarrativeReviewRow {
  assignee: string;
  status: string;
  signOff: SignOffLine;
  /** "Written by Sam Okafor. Signed off by Priya Shah on 02/05/2026.", or '' when there is nothing to say. */
  line: string;
}

export interface JudgementSection {
  id: string;
  /** The framework's own number ("1", "2.1"), or '' where it numbers none (ILACS). */
  number: string;
  title: string;
  /** "1 Children who need help and protection", or the title alone without a number. */
  heading: string;
  /** 0 for a judgement, 1 for one nested in another (SIF 2.1 within 2). */
  depth: 0 | 1;
  /** 'review' for a separate review judged beside the inspection (SIF's LSCB review). */
  part: 'inspection' | 'review';
  proposed: string;
  proposedTone: Tone;
  proposalExplanation: string;
  agreed: string;
  agreedTone: Tone;
  rationale: string;
  /** The agreed grade's sign-off (describeJudgementSignOff); words '' while no grade is agreed. */
  agreedSignOff: SignOffLine;
  ruleFindings: { severity: 'error' | 'warning'; message: string }[];
  narrative: { question: string; answer: string }[];
  /** Who writes the self-evaluation, its status and its sign-off (narrative-review.ts). */
  narrativeReview: NarrativeReviewRow;
  criteria: CriterionRow[];
  auditFindings: AuditSummary | null;
  /** What the audits behind it are called: "case audits", "multi-agency audits", or "agency returns" (section 11). */
  auditsName: string;
  /** What its scale counts as good or better, in the scale's words: "good or better", or "met". */
  goodOrBetterWords: string;
}

export interface ActionRow {
  title: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
  rag: string;
  ragTone: Tone;
  overdue: boolean;
  completedAt: string;
  latestProgress: string;
  criteria: string;
  judgements: string;
  recommendations: string;
}

export interface RecommendationRow {
  reference: string;
  source: string;
  date: string;
  text: string;
  priorityAction: boolean;
  actions: string;
  progressSummary: string;
  status: 'Open' | 'Closed';
}

export interface EvidenceRow {
  ref: string;
  title: string;
  type: string;
  date: string;
  owner: string;
  location: string;
  notes: string;
  stale: boolean;
  supports: string;
}

export interface AuditRow {
  caseReference: string;
  caseType: string;
  team: string;
  worker: string;
  auditor: string;
  auditDate: string;
  tool: string;
  status: string;
  overallGrade: string;
  moderatedGrade: string;
  strengths: string;
  worries: string;
  voiceOfChildAndFamily: string;
  escalation: string;
  themes: string;
  /** Question or domain column id → answer in words. */
  answers: Record<string, string>;
}

export interface AgreementRow {
  /** "Overall grade", or "Tool › Domain". */
  compared: string;
  pairs: number;
  /** "80% (8)" */
  exact: string;
  withinOne: string;
  /** A number only from enough pairs to mean something, else how many more are needed. */
  kappa: string;
  weightedKappa: string;
}

export interface ScorecardRow {
  name: string;
  unit: string;
  latestPeriod: string;
  latest: string;
  target: string;
  rag: string;
  ragTone: Tone;
  direction: string;
  statisticalNeighbours: string;
  region: string;
  england: string;
  criteria: string;
}

/** What the audits found, from the same function as the Findings page and the subgroup report. */
export interface AuditFindings extends Pick<
  SubgroupReport,
  'counts' | 'distributions' | 'agreementNote' | 'agreement' | 'moderations' | 'themes' | 'escalations'
> {
  /** A sentence in place of the section when there is nothing to count, else null. */
  none: string | null;
  /** The completed audits behind each judgement, as its section prints them. */
  byJudgement: { judgement: string; audits: number; goodOrBetter: number; share: string }[];
}

export interface ReportModel {
  cover: ReportCover;
  words: ReportWords;
  summary: {
    judgement: string;
    proposed: string;
    proposedTone: Tone;
    agreed: string;
    agreedTone: Tone;
    part: 'inspection' | 'review';
  }[];
  /** The heading of the separate review part (SIF's "The LSCB review"), or null with none. */
  reviewPart: string | null;
  judgements: JudgementSection[];
  extensionNames: string[];
  actions: ActionRow[];
  recommendations: RecommendationRow[];
  evidence: EvidenceRow[];
  readiness: { severity: 'error' | 'warning'; message: string }[];
  scorecard: ScorecardRow[];
  changes: {
    since: string;
    grades: { name: string; from: string; to: string; change: string }[];
    newEvidence: string[];
    retiredEvidence: string[];
    closedActions: string[];
  } | null;
  auditFindings: AuditFindings;
  /** For the workbook. `rows` and `columns` are worked out only when read: the PDF and Word never print them. */
  audits: {
    rows: AuditRow[];
    /** One per domain grade and question; `kind: 'date'` where the answer is a date (yyyy-mm-dd). */
    columns: { id: string; heading: string; kind?: 'date' }[];
    byQuarter: (AuditSummary & { quarter: string })[];
    overall: AuditSummary;
    /** Auditor against moderator; empty with no moderated audits. */
    agreement: AgreementRow[];
  };
}
