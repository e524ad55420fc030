/*
 * The annual self-assessment as plain data: everything the PDF and the workbook print, already in
 * words (grade labels, vocabulary labels), with dates kept as yyyy-mm-dd so each renderer can format
 * them. Renderers lay this out and add nothing of their own.
 */
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

export interface CriterionRow {
  ref: string;
  title: string;
  grade: string;
  confidence: string;
  status: string;
  assignee: string;
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
  counts: GradeCount[];
}

export interface JudgementSection {
  id: string;
  title: string;
  proposed: string;
  proposalExplanation: string;
  agreed: string;
  rationale: string;
  ruleFindings: { severity: 'error' | 'warning'; message: string }[];
  narrative: { question: string; answer: string }[];
  criteria: CriterionRow[];
  auditFindings: AuditSummary | null;
}

export interface ActionRow {
  title: string;
  description: string;
  owner: string;
  dueDate: string;
  status: string;
  rag: string;
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
  direction: string;
  statisticalNeighbours: string;
  region: string;
  england: string;
  criteria: string;
}

export interface ReportModel {
  cover: ReportCover;
  summary: { judgement: string; proposed: string; agreed: string }[];
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
