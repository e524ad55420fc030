/*
 * Starting a rehearsal and reading a team's rehearsals together: a new record with its questions
 * fixed at the start (so the drill does not shift under the rehearsers as grades change), and the
 * readiness ratings across rehearsals, oldest first, to show whether readiness is improving. The kind
 * of inspection and its theme are kept only when chosen, so rehearsals from before the choice still read.
 */
import type { Framework } from '../framework/types';
import type { AssessmentCycle, RecordMeta } from '../workspace/records';
import { weakAnswers } from './drill';
import type { JudgementReadiness, ReadinessRating } from './readiness';
import type { DrillQuestion, Rehearsal } from './records';
import { isThemedType, themedTitle, themeOfFocus, type RehearsalFocus } from './rehearsal-focus';

export function newRehearsal(input: {
  meta: RecordMeta;
  date: string;
  participants: string[];
  cycle: AssessmentCycle;
  framework: Framework;
  judgementId: string;
  questions: DrillQuestion[];
  readiness: readonly JudgementReadiness[];
  focus?: RehearsalFocus;
}): Rehearsal {
  const judgement = input.framework.judgements.find((j) => j.id === input.judgementId);
  const theme = themeOfFocus(input.focus);
  const subject =
    theme && isThemedType(input.focus?.type)
      ? themedTitle({ type: input.focus.type, theme })
      : (judgement?.shortTitle ?? judgement?.title ?? 'Rehearsal');
  return {
    ...input.meta,
    title: `${subject}: lines of enquiry`,
    date: input.date,
    participants: input.participants,
    cycleId: input.cycle.id,
    frameworkId: input.framework.id,
    frameworkVersion: input.framework.version,
    judgementId: input.judgementId,
    ...(input.focus ? { inspectionType: input.focus.type } : {}),
    ...(theme ? { themeId: theme.id } : {}),
    questions: input.questions,
    answers: [],
    readiness: Object.fromEntries(input.readiness.map((r) => [r.judgementId, r.rating])),
    findings: '',
    status: 'in-progress',
  };
}

/** "Ann Example, Sam Sample" → ["Ann Example", "Sam Sample"]; commas, semicolons or new lines. */
export function parseParticipants(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
}

export interface ReadinessAcrossRehearsals {
  rehearsals: { id: string; date: string; title: string; weakAnswers: number; questions: number }[];
  judgements: { judgementId: string; title: string; ratings: (ReadinessRating | undefined)[] }[];
}

export function readinessAcrossRehearsals(
  framework: Framework,
  rehearsals: readonly Rehearsal[],
): ReadinessAcrossRehearsals {
  const ordered = rehearsals
    .filter((r) => !r.deletedAt && r.frameworkId === framework.id)
    .sort((a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt));
  return {
    rehearsals: ordered.map((r) => ({
      id: r.id,
      date: r.date,
      title: r.title,
      weakAnswers: weakAnswers(r).length,
      questions: r.questions.length,
    })),
    judgements: framework.judgements
      .filter((j) => ordered.some((r) => r.readiness[j.id]))
      .map((j) => ({
        judgementId: j.id,
        title: j.title,
        ratings: ordered.map((r) => r.readiness[j.id]),
      })),
  };
}
