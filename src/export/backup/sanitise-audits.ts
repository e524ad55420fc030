/*
 * The case-audit tables of a sanitised copy. Text written about a child's case (audit free text,
 * escalations, agencies' summaries, moderators' reasons) is removed; an answer to a closed question is
 * kept only when it is one of that question's own answers (a level, yes/partly/no, a number, a date).
 */
import type {
  AgencyContribution,
  AuditRound,
  CaseAudit,
  EscalationLogEntry,
  Moderation,
} from '../../domain/case-audit/records';
import { YES_NO_PARTLY } from '../../domain/case-audit/records';
import { CASE_TYPES, type AnswerType, type Framework } from '../../domain/framework/types';
import type { RecordMeta } from '../../domain/workspace/record-meta';
import { NOT_APPLICABLE } from '../../domain/workspace/vocabulary';
import { keep, type Scrubber, type Spec } from './scrubber';

export function metaSpec(s: Scrubber): Spec<RecordMeta> {
  return { id: keep, createdAt: keep, updatedAt: keep, updatedBy: s.person, deletedAt: keep };
}

export function auditRoundSpec(s: Scrubber): Spec<AuditRound> {
  return {
    ...metaSpec(s),
    title: s.text,
    frameworkId: keep,
    frameworkVersion: keep,
    type: keep,
    theme: s.text,
    periodFrom: keep,
    periodTo: keep,
    auditors: s.people,
    targetCount: keep,
    toolIds: keep,
    caseList: (list) => {
      list.forEach(s.noteIdentifiers);
      return s.emptyList(list);
    },
    caseListFileName: s.omit,
    sample: (sample) => {
      sample.cases.forEach(s.noteIdentifiers);
      return s.omit(sample);
    },
  };
}

/** Question id → a test that an answer is one of the question's own closed answers. */
type ClosedAnswers = Map<string, (answer: string) => boolean>;

/** The grades an audit can hold: its tool's scale levels, or (tool unknown) anything shaped like an id. */
type GradeTest = (grade: string) => boolean;

const ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/;

const CLOSED: Record<Exclude<AnswerType, 'text'>, (isGrade: GradeTest) => (answer: string) => boolean> = {
  grade: (isGrade) => isGrade,
  'yes-no-partly': () => (answer) => Object.hasOwn(YES_NO_PARTLY, answer),
  // Counts and durations: a long run of digits is more likely an identifier than a count.
  number: () => (answer) => /^-?\d{1,6}(\.\d{1,3})?$/.test(answer.trim()),
  date: () => (answer) => /^\d{4}-\d{2}-\d{2}$/.test(answer),
};

export interface ToolAnswers {
  closed: ClosedAnswers;
  isGrade: GradeTest;
}

export function auditToolOf(
  frameworks: readonly Framework[],
  audit: Pick<CaseAudit, 'frameworkId' | 'toolId'> | undefined,
): ToolAnswers {
  const framework = frameworks.find((f) => f.id === audit?.frameworkId);
  const tool = framework?.auditTools.find((t) => t.id === audit?.toolId);
  const scale = framework?.scales.find((candidate) => candidate.id === tool?.scaleId);
  const levels = new Set(scale?.levels.map((l) => l.id));
  const isGrade: GradeTest = scale
    ? (grade) => levels.has(grade) || grade === NOT_APPLICABLE
    : (grade) => ID.test(grade);
  const closed: ClosedAnswers = new Map();
  for (const question of tool?.domains.flatMap((d) => d.questions) ?? []) {
    // A date asked as a date of birth identifies a child, whatever the tool calls it.
    if (question.answerType === 'text' || /\bbirth|\bd\.?o\.?b\b/i.test(question.text)) continue;
    closed.set(question.id, CLOSED[question.answerType](isGrade));
  }
  return { closed, isGrade };
}

function closedOnly(s: Scrubber, closed: ClosedAnswers) {
  return (answers: Record<string, string>): Record<string, string> => {
    const kept = Object.entries(answers).filter(
      ([id, answer]) => typeof answer === 'string' && closed.get(id)?.(answer) === true,
    );
    s.dropped(Object.keys(answers).length - kept.length);
    return Object.fromEntries(kept);
  };
}

function gradesOnly(s: Scrubber, isGrade: GradeTest) {
  const grade = (value: string) => (isGrade(value) ? value : s.omit(value));
  const grades = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(
      Object.entries(values).flatMap(([id, value]) => {
        const kept = grade(value);
        return kept === undefined ? [] : [[id, kept]];
      }),
    );
  return { grade, grades };
}

const KNOWN_CASE_TYPES = new Set<string>(CASE_TYPES);

export function caseAuditSpec(s: Scrubber, tool: ToolAnswers): Spec<CaseAudit> {
  const answers = closedOnly(s, tool.closed);
  const { grade, grades } = gradesOnly(s, tool.isGrade);
  const log: Spec<EscalationLogEntry> = { at: keep, by: s.person, toldWho: s.empty, action: s.empty };
  const contribution: Spec<AgencyContribution> = {
    agency: s.text,
    contributor: s.person,
    answers,
    overallGrade: grade,
    summary: s.empty,
  };
  return {
    ...metaSpec(s),
    roundId: keep,
    frameworkId: keep,
    frameworkVersion: keep,
    toolId: keep,
    toolVersion: keep,
    caseReference: s.caseReference,
    // Case types read from a council's case list can be any text; only the app's own words are kept.
    caseType: (type) => (KNOWN_CASE_TYPES.has(type) ? type : s.empty(type)),
    team: s.team,
    worker: s.person,
    auditor: s.person,
    auditDate: keep,
    answers,
    domainGrades: grades,
    overallGrade: grade,
    strengths: s.empty,
    worries: s.empty,
    voiceOfChildAndFamily: s.empty,
    practitionerActions: s.empty,
    managerActions: s.empty,
    practitionerResponse: s.empty,
    themes: s.texts,
    escalation: (escalation) =>
      s.copy(escalation, {
        raisedAt: keep,
        raisedBy: s.person,
        concern: s.empty,
        log: s.each(log),
        closedAt: keep,
      }),
    contributions: s.each(contribution),
    status: keep,
    criterionIds: keep,
  };
}

/** A moderation is graded on the scale of the audit it moderates. */
export function moderationSpec(s: Scrubber, tool: ToolAnswers): Spec<Moderation> {
  const { grade, grades } = gradesOnly(s, tool.isGrade);
  return {
    ...metaSpec(s),
    auditId: keep,
    moderator: s.person,
    blind: keep,
    domainGrades: grades,
    overallGrade: grade,
    moderatedOverallGrade: grade,
    reason: s.empty,
    submittedAt: keep,
  };
}
