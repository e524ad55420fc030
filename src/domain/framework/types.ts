/*
 * The strict, validated shape of a judgement framework (schemas/framework.schema.json documents it).
 * Everything else in the app trusts a Framework only after import/ has validated and checked it.
 * Ids are stable strings, never positions, and never reused for a different meaning.
 */

export const FRAMEWORK_FORMAT_NAME = 'readiness-framework';
/**
 * Version 2 added the rule type "not-better-than", version 3 the scale kind "scaling". An app that reads
 * an older version cannot evaluate them, so it must refuse such files as newer rather than as broken;
 * older files migrate unchanged.
 */
export const FRAMEWORK_FORMAT_VERSION = 3;

export const JUDGEMENT_KINDS = ['practice', 'leadership', 'overall', 'review'] as const;
export type JudgementKind = (typeof JUDGEMENT_KINDS)[number];

/** "scaling": a 0 to 10 scale (Signs of Safety scaling), ranks 0..10, with a stated good-or-better threshold. */
export const SCALE_KINDS = ['ordinal', 'binary', 'scaling'] as const;
export type ScaleKind = (typeof SCALE_KINDS)[number];

export const RULE_SEVERITIES = ['hard', 'soft'] as const;
export type RuleSeverity = (typeof RULE_SEVERITIES)[number];

export const RULE_TYPES = ['if-any-then', 'within-range', 'usually-equals', 'not-better-than'] as const;
export type RuleType = (typeof RULE_TYPES)[number];

export const ANSWER_TYPES = ['grade', 'yes-no-partly', 'text', 'number', 'date'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const CASE_TYPES = [
  'early-help',
  'child-in-need-child-protection',
  'children-in-care',
  'care-leavers',
  'front-door',
  'closure',
  'practice-observation',
  'supervision',
  'multi-agency',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** Whose arrangements a framework assesses; only frameworks of one subject compete for a year. */
export const FRAMEWORK_SUBJECTS = ['local-authority', 'safeguarding-partnership'] as const;
export type FrameworkSubject = (typeof FRAMEWORK_SUBJECTS)[number];

export const CHECKLIST_CATEGORIES = ['annex-a', 'documents', 'arrangements'] as const;
export type ChecklistCategory = (typeof CHECKLIST_CATEGORIES)[number];

/** A council's own extra fields: kept, shown and exported, never interpreted. */
export type Extensions = Record<string, string | number | boolean>;

export interface ScaleLevel {
  id: string;
  label: string;
  short: string;
  /** Higher rank is better. Ranks are unique within a scale. */
  rank: number;
  description?: string;
}

export interface Scale {
  id: string;
  title: string;
  kind: ScaleKind;
  levels: ScaleLevel[];
  /** Levels of this rank or higher count as "good or better" in statistics. Required for "scaling". */
  goodOrBetterMinRank?: number;
}

/** The levels of a scaling scale: exactly the whole numbers 0 to 10, each its own rank. */
export const SCALING_RANKS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export interface Judgement {
  id: string;
  title: string;
  shortTitle: string;
  kind: JudgementKind;
  scaleId: string;
  parentId?: string;
  optional?: boolean;
  ref?: string;
  description?: string;
  extensions?: Extensions;
}

export interface Criterion {
  id: string;
  judgementId: string;
  ref: string;
  title: string;
  descriptor: string;
  gradeDescriptors?: Record<string, string>;
  evidencePrompts: string[];
  linesOfEnquiry: string[];
  tags: string[];
  extensions?: Extensions;
}

export interface JudgementLevels {
  judgementIds: string[];
  levelIds: string[];
}

interface RuleBase {
  id: string;
  severity: RuleSeverity;
  description: string;
  basis?: string;
}

/** If any of `if.judgementIds` is at one of `if.levelIds`, `then.judgementIds` must be at one of `then.levelIds`. */
export interface IfAnyThenRule extends RuleBase {
  type: 'if-any-then';
  if: JudgementLevels;
  then: JudgementLevels;
}

/** `judgementId` lies between the lowest and highest grade of `ofJudgementIds`. */
export interface WithinRangeRule extends RuleBase {
  type: 'within-range';
  judgementId: string;
  ofJudgementIds: string[];
}

/** `judgementId` usually has the same grade as `equalsJudgementId`. */
export interface UsuallyEqualsRule extends RuleBase {
  type: 'usually-equals';
  judgementId: string;
  equalsJudgementId: string;
}

/** `judgementId` is never graded above `thanJudgementId` (both on the same scale). */
export interface NotBetterThanRule extends RuleBase {
  type: 'not-better-than';
  judgementId: string;
  thanJudgementId: string;
}

export type Rule = IfAnyThenRule | WithinRangeRule | UsuallyEqualsRule | NotBetterThanRule;

export interface AuditQuestion {
  id: string;
  text: string;
  answerType: AnswerType;
  help?: string;
  required?: boolean;
  criterionIds?: string[];
}

export interface AuditDomain {
  id: string;
  title: string;
  guidance?: string;
  graded: boolean;
  questions: AuditQuestion[];
}

export type AuditSubject = 'case' | 'agency';

export interface AuditTool {
  id: string;
  version: number;
  title: string;
  caseType: CaseType;
  scaleId: string;
  description?: string;
  /** What one audit is of: a child's case (when absent), or one agency's return (section 11). */
  subject?: AuditSubject;
  agencies?: string[];
  domains: AuditDomain[];
}

export interface SelfEvaluationSection {
  id: string;
  question: string;
  guidance: string;
}

export interface ChecklistItem {
  id: string;
  title: string;
  category: ChecklistCategory;
  annexAList?: number;
  guidance?: string;
}

export interface FrameworkSource {
  attribution: string;
  licence: string;
  licenceUrl?: string;
  notes?: string;
}

export interface Supersedes {
  frameworkId: string;
  version: number;
  /** Old criterion id → new criterion ids. Ids present unchanged in both versions carry forward as they are. */
  criterionMap: Record<string, string[]>;
  /** Old judgement id → new judgement id, where ids differ. */
  judgementMap?: Record<string, string>;
}

export interface Framework {
  formatName: typeof FRAMEWORK_FORMAT_NAME;
  formatVersion: number;
  id: string;
  version: number;
  title: string;
  shortTitle: string;
  publisher: string;
  description?: string;
  source: FrameworkSource;
  effectiveFrom: string;
  effectiveTo?: string;
  /** Missing means 'local-authority': a council's children's services, as Ofsted inspects them. */
  subject?: FrameworkSubject;
  supersedes?: Supersedes;
  scales: Scale[];
  judgements: Judgement[];
  criteria: Criterion[];
  rules: Rule[];
  auditTools: AuditTool[];
  selfEvaluation: SelfEvaluationSection[];
  readinessChecklist: ChecklistItem[];
  /** Extra, council-specific properties are kept and exported, never interpreted. */
  extensions?: Extensions;
}
