/*
 * The self-assessment overview as tasks: each judgement, then the registers and the checks that make
 * the year's self-assessment, each with its GOV.UK status and a hint saying how far it has got. Pure:
 * the page hands in the records; the figures come from the same functions the rest of the app uses.
 */
import { isOverdue } from '../../domain/self-assessment/dates';
import { countOf } from '../../domain/format/words';
import { findLevel, scaleOfJudgement } from '../../domain/framework/lookup';
import type { Framework } from '../../domain/framework/types';
import type { JudgementRow, ReadinessCheck } from '../../domain/self-assessment/types';
import type { MissingForFinal } from '../../domain/self-assessment/finalise-check';
import type {
  CycleBundle,
  EvidenceItem,
  ImprovementAction,
  Recommendation,
} from '../../domain/workspace/records';
import { NOT_APPLICABLE } from '../../domain/workspace/vocabulary';
import { hrefFor } from '../../state/router.svelte';
import { statusOfProgress, type Task } from './task-list';

const NARRATIVE = {
  'not-started': 'self-evaluation not started',
  'in-progress': 'self-evaluation in progress',
  written: 'self-evaluation written',
} as const;

/** Completed once every criterion is done, the self-evaluation written and the grade agreed (with its rationale). */
export function judgementTask(row: JudgementRow, framework: Framework, cycleId: string): Task {
  const level = findLevel(scaleOfJudgement(framework, row.judgementId), row.agreedLevelId);
  const criteriaDone = row.criteriaDone === row.criteriaTotal;
  const complete = criteriaDone && row.narrative === 'written' && level && !row.rationaleMissing;
  const started = row.criteriaDone > 0 || row.narrative !== 'not-started' || row.agreedLevelId !== undefined;
  const hint = [
    row.criteriaTotal ? `${row.criteriaDone} of ${row.criteriaTotal} criteria graded` : '',
    NARRATIVE[row.narrative],
    level ? `agreed ${level.label}` : 'no agreed grade yet',
    row.rationaleMissing ? 'rationale needed' : '',
  ];
  return {
    id: row.judgementId,
    title: row.title,
    href: hrefFor({ name: 'judgement', cycleId, judgementId: row.judgementId }),
    hint: hint.filter(Boolean).join('; '),
    status: complete ? 'completed' : started ? 'in-progress' : 'not-started',
  };
}

export interface RegisterRecords {
  evidence: readonly EvidenceItem[];
  actions: readonly ImprovementAction[];
  recommendations: readonly Recommendation[];
  today: string;
}

const live = <T extends { deletedAt?: string }>(records: readonly T[]) => records.filter((r) => !r.deletedAt);

/** Completed when every criterion that applies has evidence linked from the register. */
export function evidenceTask(bundle: CycleBundle, records: RegisterRecords): Task {
  const evidence = new Set(live(records.evidence).map((e) => e.id));
  const applicable = live(bundle.criterionAssessments).filter((a) => a.grade !== NOT_APPLICABLE);
  const linked = applicable.filter((a) => a.evidenceIds.some((id) => evidence.has(id))).length;
  return {
    id: 'evidence',
    title: 'Evidence register',
    href: hrefFor({ name: 'evidence' }),
    hint: `${countOf(evidence.size, 'item')} in the register; ${linked} of ${applicable.length} criteria have evidence linked`,
    status: statusOfProgress(linked, applicable.length, linked > 0 || evidence.size > 0),
  };
}

const isOpen = (a: ImprovementAction) => a.status !== 'completed' && a.status !== 'no-longer-needed';

/** Completed when every action is completed or no longer needed. */
export function improvementPlanTask(records: RegisterRecords): Task {
  const actions = live(records.actions);
  const open = actions.filter(isOpen).length;
  const overdue = actions.filter((a) => isOverdue(a, records.today)).length;
  return {
    id: 'actions',
    title: 'Improvement plan',
    href: hrefFor({ name: 'actions' }),
    hint: actions.length
      ? `${countOf(actions.length, 'action')}: ${open} open, ${overdue} overdue`
      : 'No actions yet: what you will do about each area for development',
    status: statusOfProgress(actions.length - open, actions.length, actions.length > 0),
  };
}

/** Completed when every recommendation is closed. */
export function recommendationsTask(records: RegisterRecords): Task {
  const recommendations = live(records.recommendations);
  const actions = live(records.actions);
  const open = recommendations.filter((r) => !r.closed);
  const withoutAction = open.filter((r) => !actions.some((a) => a.recommendationIds.includes(r.id))).length;
  return {
    id: 'recommendations',
    title: 'Recommendations',
    href: hrefFor({ name: 'recommendations' }),
    hint: recommendations.length
      ? `${countOf(recommendations.length, 'recommendation')}: ${open.length} open, ${withoutAction} without an action`
      : 'None recorded yet: those from your last inspection, peer reviews and audits',
    status: statusOfProgress(
      recommendations.length - open.length,
      recommendations.length,
      recommendations.length > 0,
    ),
  };
}

/** Cannot start before any criterion is graded; completed once no gap an inspector would find is left. */
export function readinessTask(rows: readonly JudgementRow[], checks: readonly ReadinessCheck[]): Task {
  const graded = rows.reduce((n, r) => n + r.criteriaGraded, 0);
  const gaps = checks.filter((c) => c.severity === 'error').length;
  const worth = checks.length - gaps;
  const base = { id: 'readiness', title: 'Readiness checks', href: '#readiness' };
  if (graded === 0) return { ...base, hint: 'Shown once criteria are graded', status: 'cannot-start' };
  return {
    ...base,
    hint: `${gaps ? countOf(gaps, 'gap') : 'No gaps'} an inspector would find; ${worth} worth checking`,
    status: gaps ? 'in-progress' : 'completed',
  };
}

/** The final export: it cannot start while anything is missing, and is done once the cycle is final. */
export function exportTask(bundle: CycleBundle, missing: readonly MissingForFinal[]): Task {
  const base = { id: 'export', title: 'Mark as final and export' };
  if (bundle.cycle.status === 'final') {
    return {
      ...base,
      href: '#export',
      hint: 'Final and locked: download the PDF, Word document or Excel workbook',
      status: 'completed',
    };
  }
  if (missing.length) {
    return {
      ...base,
      hint: `${countOf(missing.length, 'thing')} to do before it can be marked final; a copy marked DRAFT can be downloaded at any time`,
      status: 'cannot-start',
    };
  }
  return { ...base, href: '#finalise', hint: 'Everything is in place: mark it final', status: 'not-started' };
}
