/*
 * The readiness rating of one judgement, with its reasons in words. Invariant: "Ready" only with an
 * agreed grade, no gaps, and every criterion graded and backed by current evidence. A judgement with no
 * criteria of its own (overall effectiveness) is no readier than the judgements its grade rests on, and
 * is Not ready when it rests on none, since nothing could then show it.
 */
import type { ReadinessCheck } from '../self-assessment/types';

export type ReadinessRating = 'ready' | 'nearly-ready' | 'not-ready';
export const READINESS_LABELS: Record<ReadinessRating, string> = {
  ready: 'Ready',
  'nearly-ready': 'Nearly ready',
  'not-ready': 'Not ready',
};

/** Below this share of criteria with current evidence, a judgement is not ready. */
const MIN_CURRENT_COVERAGE = 0.5;

export interface RatingSignals {
  gaps: readonly ReadinessCheck[];
  criteria: number;
  /** Criteria with a grade on the scale. */
  graded: number;
  /** Criteria with at least one evidence item less than 12 months old. */
  current: number;
  agreed: boolean;
  overdue: number;
  priority: number;
  /** For a judgement with no criteria of its own: the judgements its grade rests on, as rated. */
  restsOn: readonly { title: string; rating: ReadinessRating }[];
}

export function rateJudgement(s: RatingSignals): { rating: ReadinessRating; reasons: string[] } {
  const errors = s.gaps.filter((g) => g.severity === 'error').length;
  const blocking = [
    ...(s.agreed ? [] : ['no agreed grade yet']),
    ...(errors ? [`${errors} ${errors === 1 ? 'gap' : 'gaps'} an inspector would find`] : []),
    ...(s.criteria ? ownEvidenceShortfall(s) : restingShortfall(s.restsOn)),
  ];
  if (blocking.length) return { rating: 'not-ready', reasons: blocking };
  const warnings = s.gaps.length;
  const worth = [
    ...(s.criteria && s.current < s.criteria
      ? [`${s.current} of ${s.criteria} criteria have current evidence`]
      : []),
    ...namedAs(s.restsOn, 'nearly-ready', 'nearly ready'),
    ...(s.priority ? [`${s.priority} open ${s.priority === 1 ? 'area' : 'areas'} for priority action`] : []),
    ...(s.overdue ? [`${s.overdue} overdue ${s.overdue === 1 ? 'action' : 'actions'}`] : []),
    ...(warnings ? [`${warnings} ${warnings === 1 ? 'thing' : 'things'} worth checking`] : []),
  ];
  if (worth.length) return { rating: 'nearly-ready', reasons: worth };
  const why = s.criteria
    ? 'agreed grade, every criterion graded with current evidence, and no gaps found'
    : `agreed grade, no gaps found, and ${titles(s.restsOn)}, on which it rests, ${s.restsOn.length === 1 ? 'is' : 'are all'} ready`;
  return { rating: 'ready', reasons: [why] };
}

function ownEvidenceShortfall(s: RatingSignals): string[] {
  const reasons: string[] = [];
  if (s.graded === 0)
    reasons.push(
      s.criteria === 1
        ? 'its one criterion is not graded yet'
        : `none of its ${s.criteria} criteria is graded yet`,
    );
  if (s.current === 0 || s.current / s.criteria < MIN_CURRENT_COVERAGE)
    reasons.push(`only ${s.current} of ${s.criteria} criteria have current evidence`);
  return reasons;
}

function restingShortfall(restsOn: RatingSignals['restsOn']): string[] {
  if (restsOn.length === 0) return ['it has no criteria of its own, so nothing here can show it'];
  return namedAs(restsOn, 'not-ready', 'not ready');
}

/** "Leaders and Care leavers are not ready, and its grade rests on them." */
function namedAs(restsOn: RatingSignals['restsOn'], rating: ReadinessRating, words: string): string[] {
  const matching = restsOn.filter((r) => r.rating === rating);
  if (matching.length === 0) return [];
  const verb = matching.length === 1 ? 'is' : 'are';
  const them = matching.length === 1 ? 'it' : 'them';
  return [`${titles(matching)} ${verb} ${words}, and its grade rests on ${them}`];
}

function titles(items: readonly { title: string }[]): string {
  const names = items.map((i) => i.title);
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
