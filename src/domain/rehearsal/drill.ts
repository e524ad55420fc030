/*
 * The lines of enquiry drill: the questions an inspector would put to leaders about one judgement.
 * Hard questions come first (a grade the audits do not support, a judgement graded below good at the
 * last inspection, criteria graded below good or found weak in audits, criteria with little current
 * evidence), then the framework's own lines of enquiry, weakest criteria first, one line per criterion
 * in turn so the drill ranges across the judgement. A focused visit or a JTAI drills its theme's
 * criteria instead, whichever judgements they sit under, and asks nothing about grades of judgements.
 */
import type { CriterionAuditFindings } from '../case-audit/criterion-evidence';
import { criteriaOfJudgement, findLevel, isGoodOrBetter, scaleOfJudgement } from '../framework/lookup';
import type { Criterion, Framework } from '../framework/types';
import { isStale } from '../self-assessment/dates';
import type { CriterionAssessment, EvidenceItem } from '../workspace/records';
import type { JudgementReadiness, ReadinessRating } from './readiness';
import type { DrillAnswer, DrillQuestion, Rehearsal } from './records';
import { themedFocus, themeInSentence, type RehearsalFocus, type ThemedFocus } from './rehearsal-focus';

export const DEFAULT_DRILL_LENGTH = 8;
/** Fewer current evidence items than this makes a criterion "thinly evidenced". */
export const THIN_EVIDENCE_BELOW = 2;
const WEAK_AUDIT_SHARE = 0.5;
const MIN_AUDITS_FOR_QUESTION = 3;

export interface DrillInput {
  framework: Framework;
  judgementId: string;
  readiness: readonly JudgementReadiness[];
  criterionAssessments: readonly CriterionAssessment[];
  evidence: readonly EvidenceItem[];
  auditFindings: ReadonlyMap<string, CriterionAuditFindings>;
  today: string;
  length?: number;
  /** The kind of inspection rehearsed; a focused visit or a JTAI with a theme drills the theme. */
  focus?: RehearsalFocus;
}

const RATING_ORDER: Record<ReadinessRating, number> = { 'not-ready': 0, 'nearly-ready': 1, ready: 2 };

/**
 * The judgement to rehearse first: the least ready, then one graded below good at the last inspection,
 * then an over-graded one, then the thinnest evidence.
 */
export function weakestJudgement(readiness: readonly JudgementReadiness[]): string | undefined {
  const candidates = readiness.filter((r) => r.criteria > 0);
  const coverage = (r: JudgementReadiness) => r.criteriaWithCurrentEvidence / r.criteria;
  const overGraded = (r: JudgementReadiness) => (r.selfKnowledge.verdict === 'over-graded' ? 0 : 1);
  const belowGoodLastTime = (r: JudgementReadiness) => (r.lastInspection?.belowGood ? 0 : 1);
  return [...candidates].sort(
    (a, b) =>
      RATING_ORDER[a.rating] - RATING_ORDER[b.rating] ||
      belowGoodLastTime(a) - belowGoodLastTime(b) ||
      overGraded(a) - overGraded(b) ||
      coverage(a) - coverage(b) ||
      b.gaps.length - a.gaps.length,
  )[0]?.judgementId;
}

interface CriterionSignals {
  criterion: Criterion;
  gradeLabel?: string;
  gradedBelowGood: boolean;
  audits?: { n: number; share: number };
  currentEvidence: number;
  weakness: number;
}

export function buildDrillQuestions(input: DrillInput): DrillQuestion[] {
  const { framework, judgementId } = input;
  const length = input.length ?? DEFAULT_DRILL_LENGTH;
  const themed = themedFocus(framework, input.focus);
  const signals = (themed?.criteria ?? criteriaOfJudgement(framework, judgementId))
    .map((criterion) => signalsFor(input, criterion))
    .sort((a, b) => b.weakness - a.weakness);
  const hard = [...(themed ? [] : judgementQuestions(input)), ...signals.flatMap(criterionQuestions)];
  return [...hard, ...linesOfEnquiry(signals, themed)].slice(0, Math.max(1, length));
}

/** Questions about the judgement's grade: one the audits do not support, one inspectors gave below good. */
function judgementQuestions(input: DrillInput): DrillQuestion[] {
  const { framework, judgementId } = input;
  const row = input.readiness.find((r) => r.judgementId === judgementId);
  if (!row) return [];
  const questions: DrillQuestion[] = [];
  const name = shortTitleOf(framework, judgementId);
  if (row.selfKnowledge.verdict === 'over-graded' || row.selfKnowledge.verdict === 'under-graded') {
    questions.push({
      id: `self-knowledge:${judgementId}`,
      judgementId,
      source: 'self-knowledge',
      question: `You have graded “${name}” as ${row.agreed}. Talk us through how you arrived at that grade, and what your audits tell you.`,
      why: row.selfKnowledge.message,
    });
  }
  if (row.lastInspection?.belowGood) {
    questions.push({
      id: `last-inspection:${judgementId}`,
      judgementId,
      source: 'last-inspection',
      question: `At your last inspection “${name}” was judged ${row.lastInspection.grade}. What has changed for children since, and how do you know?`,
      why: `Inspectors judged it ${row.lastInspection.grade} last time${row.lastInspection.direction === 'up' ? `, and you now say ${row.agreed}` : ''}.`,
    });
  }
  return questions;
}

function criterionQuestions(s: CriterionSignals): DrillQuestion[] {
  const { criterion } = s;
  const name = `${criterion.ref} ${criterion.title}`;
  const about = { judgementId: criterion.judgementId, criterionId: criterion.id };
  const questions: DrillQuestion[] = [];
  if (s.gradedBelowGood) {
    questions.push({
      id: `weak:${criterion.id}`,
      ...about,
      source: 'weak-criterion',
      question: `${name}: what are you doing to improve it, and how will you know it is working for children?`,
      why: `You graded it ${s.gradeLabel}.`,
    });
  } else if (s.audits && s.audits.share < WEAK_AUDIT_SHARE) {
    questions.push({
      id: `audits:${criterion.id}`,
      ...about,
      source: 'weak-criterion',
      question: `${name}: your audits found most cases less than good. What do you understand about why, and what has changed since?`,
      why: `${Math.round(s.audits.share * 100)}% of ${s.audits.n} audited cases were good or better.`,
    });
  }
  if (s.currentEvidence < THIN_EVIDENCE_BELOW) {
    questions.push({
      id: `thin:${criterion.id}`,
      ...about,
      source: 'thin-evidence',
      question: `${name}: how do you know? Show us the evidence of the difference practice makes.`,
      why:
        s.currentEvidence === 0
          ? 'No current evidence is linked to it.'
          : 'Only one current evidence item is linked to it.',
    });
  }
  return questions;
}

function shortTitleOf(framework: Framework, judgementId: string): string {
  const judgement = framework.judgements.find((j) => j.id === judgementId);
  return judgement?.shortTitle ?? judgement?.title ?? judgementId;
}

function signalsFor(input: DrillInput, criterion: Criterion): CriterionSignals {
  const scale = scaleOfJudgement(input.framework, criterion.judgementId);
  const assessment = input.criterionAssessments.find((a) => !a.deletedAt && a.criterionId === criterion.id);
  const level = findLevel(scale, assessment?.grade);
  const gradedBelowGood = Boolean(scale && level && !isGoodOrBetter(scale, level));
  const found = input.auditFindings.get(criterion.id);
  const audits =
    found && found.n >= MIN_AUDITS_FOR_QUESTION && found.share !== null
      ? { n: found.n, share: found.share }
      : undefined;
  const currentEvidence = input.evidence.filter(
    (e) => !e.deletedAt && assessment?.evidenceIds.includes(e.id) && !isStale(e.date, input.today),
  ).length;
  const weakness =
    (gradedBelowGood ? 4 : 0) +
    (audits && audits.share < WEAK_AUDIT_SHARE ? 3 : 0) +
    (currentEvidence < THIN_EVIDENCE_BELOW ? 2 : 0) +
    (assessment && level ? 0 : 1);
  return { criterion, gradeLabel: level?.label, gradedBelowGood, audits, currentEvidence, weakness };
}

/** One line of enquiry per criterion in turn, weakest criteria first, until all are used. */
function linesOfEnquiry(signals: readonly CriterionSignals[], themed?: ThemedFocus): DrillQuestion[] {
  const bearsOn = themed ? `, which bears on ${themeInSentence(themed.theme)}` : '';
  const questions: DrillQuestion[] = [];
  const deepest = Math.max(0, ...signals.map((s) => s.criterion.linesOfEnquiry.length));
  for (let line = 0; line < deepest; line += 1) {
    for (const { criterion } of signals) {
      const text = criterion.linesOfEnquiry[line];
      if (!text) continue;
      questions.push({
        id: `loe:${criterion.id}:${line}`,
        judgementId: criterion.judgementId,
        criterionId: criterion.id,
        source: 'line-of-enquiry',
        question: text,
        why: `A line of enquiry for ${criterion.ref} ${criterion.title}${bearsOn}.`,
      });
    }
  }
  return questions;
}

export function answerTo(rehearsal: Pick<Rehearsal, 'answers'>, questionId: string): DrillAnswer | undefined {
  return rehearsal.answers.find((a) => a.questionId === questionId);
}

/** Sets one answer, keeping the others and the question order. */

/**
 * An answer may also name evidence that is not in the evidence register yet: free text, one item a
 * line, until each is added to the register (and so to the answer's evidence). Stored on the answer.
 */
export type DrillAnswerWithNamedEvidence = DrillAnswer & { namedEvidence?: string };

/** The evidence an answer names that is not in the register yet, one item a line, each once. */
export function namedEvidenceOf(answer: DrillAnswerWithNamedEvidence | undefined): string[] {
  const lines = (answer?.namedEvidence ?? '').split('\n').map((line) => line.trim());
  return [...new Set(lines.filter(Boolean))];
}

/** The answer once one named item is in the register: offered as evidence, no longer only named. */
export function withNamedEvidenceRegistered(
  answer: DrillAnswerWithNamedEvidence,
  named: string,
  evidenceId: string,
): DrillAnswerWithNamedEvidence {
  const rest = namedEvidenceOf(answer).filter((line) => line !== named.trim());
  return {
    ...answer,
    evidenceIds: [...answer.evidenceIds.filter((id) => id !== evidenceId), evidenceId],
    namedEvidence: rest.join('\n'),
  };
}

export interface WeakAnswer {
  question: DrillQuestion;
  answer?: DrillAnswer;
  reason: string;
}

/**
 * The answers to work on: not confident, could not answer, no notes, no evidence offered, or evidence
 * named that is not in the register yet (an inspector will ask to see it).
 */
export function weakAnswers(rehearsal: Pick<Rehearsal, 'questions' | 'answers'>): WeakAnswer[] {
  return rehearsal.questions.flatMap((question) => {
    const answer = answerTo(rehearsal, question.id);
    const reason = weaknessOf(answer);
    return reason ? [{ question, answer, reason }] : [];
  });
}

function weaknessOf(answer: DrillAnswerWithNamedEvidence | undefined): string | undefined {
  if (!answer || (!answer.notes.trim() && !answer.confidence)) return 'Not answered';
  if (answer.confidence === 'could-not-answer') return 'Could not answer';
  if (answer.confidence === 'not-confident') return 'Not confident';
  if (!answer.confidence) return 'Confidence not rated';
  if (!answer.notes.trim()) return 'No notes of the answer';
  const named = namedEvidenceOf(answer);
  if (named.length) return `Evidence named but not in the register yet (${named.join('; ')})`;
  if (answer.evidenceIds.length === 0) return 'No evidence offered';
  return undefined;
}

/** m:ss, for the timer and the record of time spent. */
export function formatDuration(seconds: number): string {
  const whole = Math.max(0, Math.floor(seconds));
  return `${Math.floor(whole / 60)}:${String(whole % 60).padStart(2, '0')}`;
}
