/*
 * My work: what one person has to do across the workspace — the criteria and judgements' self-evaluations
 * assigned to them in the working cycle still to write, those others have sent for review, the sampled
 * cases allocated to them to audit, their
 * unsubmitted moderations and the improvement actions they own that are due. People are matched by name
 * (the name in Settings, or the signed-in name in a team), ignoring case and spaces at either end.
 */
import type { AuditRound, CaseAudit, Moderation } from '../case-audit/records';
import type { Framework } from '../framework/types';
import { addDays } from '../rehearsal/working-days';
import { isOverdue } from '../self-assessment/dates';
import { narrativeStatus } from '../self-assessment/narrative-review';
import { samePerson } from '../workspace/same-person';
import type { CycleBundle, ImprovementAction } from '../workspace/records';
import { WORKFLOW_STATUSES, type WorkflowStatus } from '../workspace/vocabulary';

/** Actions due within this many days are listed before they are overdue. */
export const DUE_SOON_DAYS = 14;

export interface MyWorkInput {
  person: string;
  /** The working cycle with its framework, if there is one that is not final. */
  cycle?: { bundle: CycleBundle; framework: Framework };
  rounds: readonly AuditRound[];
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  actions: readonly ImprovementAction[];
  /** yyyy-mm-dd */
  today: string;
  /**
   * Whether this person may agree or send back a criterion or self-evaluation sent for review (in a team,
   * what their role allows; alone, anything). Absent: they may.
   */
  mayReview?: (task: {
    table: 'criterionAssessments' | 'narratives';
    cycleId: string;
    assignee: string;
  }) => boolean;
}

export interface CriterionTask {
  cycleId: string;
  criterionId: string;
  reference: string;
  title: string;
  status: WorkflowStatus;
  statusLabel: string;
  /** Who the criterion is assigned to ('' when no one). */
  assignee: string;
}

/** A judgement's self-evaluation (its narrative) to write or to review. */
export interface NarrativeTask {
  cycleId: string;
  judgementId: string;
  title: string;
  status: WorkflowStatus;
  statusLabel: string;
  /** Who writes it ('' when no one). */
  assignee: string;
}

export interface AuditTask {
  roundId: string;
  roundTitle: string;
  caseReference: string;
  caseType: string;
  /** yyyy-mm-dd: the end of the round's period. */
  due: string;
  overdue: boolean;
  /** The audit already started for the case, if any (a draft). */
  auditId?: string;
}

export interface ModerationTask {
  auditId: string;
  caseReference: string;
  auditor: string;
}

export interface ActionTask {
  id: string;
  title: string;
  dueDate: string;
  overdue: boolean;
}

export interface MyWork {
  person: string;
  criteria: CriterionTask[];
  toReview: CriterionTask[];
  narratives: NarrativeTask[];
  narrativesToReview: NarrativeTask[];
  audits: AuditTask[];
  moderations: ModerationTask[];
  actions: ActionTask[];
  /** Everything above, counted once: the figure in the navigation. */
  total: number;
}

const NOTHING = {
  criteria: [],
  toReview: [],
  narratives: [],
  narrativesToReview: [],
  audits: [],
  moderations: [],
  actions: [],
  total: 0,
};

/** One pass over each list, with look-ups by id: the navigation counts this on every change. */
export function buildMyWork(input: MyWorkInput): MyWork {
  const { person } = input;
  if (person.trim() === '') return { person, ...NOTHING };
  const criteria = criterionTasks(input);
  const narratives = narrativeTasks(input);
  const toWrite = (t: CriterionTask | NarrativeTask) =>
    samePerson(t.assignee, person) && (t.status === 'to-do' || t.status === 'in-progress');
  const mayReview = input.mayReview ?? (() => true);
  const toReview = (t: CriterionTask | NarrativeTask) =>
    t.status === 'ready-for-review' &&
    !samePerson(t.assignee, person) &&
    mayReview({
      table: 'criterionId' in t ? 'criterionAssessments' : 'narratives',
      cycleId: t.cycleId,
      assignee: t.assignee,
    });
  const work = {
    person,
    criteria: criteria.filter(toWrite),
    toReview: criteria.filter(toReview),
    narratives: narratives.filter(toWrite),
    narrativesToReview: narratives.filter(toReview),
    audits: auditTasks(input),
    moderations: moderationTasks(input),
    actions: input.actions
      .filter((a) => !a.deletedAt && samePerson(a.owner, person) && isDueSoon(a, input.today))
      .map((a) => ({ id: a.id, title: a.title, dueDate: a.dueDate, overdue: isOverdue(a, input.today) }))
      .sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
  };
  const total =
    work.criteria.length +
    work.toReview.length +
    work.narratives.length +
    work.narrativesToReview.length +
    work.audits.length +
    work.moderations.length +
    work.actions.length;
  return { ...work, total };
}

function criterionTasks({ cycle }: MyWorkInput): CriterionTask[] {
  if (!cycle || cycle.bundle.cycle.status === 'final') return [];
  const order = new Map(cycle.framework.criteria.map((c, i) => [c.id, i]));
  return cycle.bundle.criterionAssessments
    .filter((a) => !a.deletedAt && order.has(a.criterionId))
    .sort((a, b) => order.get(a.criterionId)! - order.get(b.criterionId)!)
    .map((a) => {
      const criterion = cycle.framework.criteria[order.get(a.criterionId)!]!;
      return {
        cycleId: cycle.bundle.cycle.id,
        criterionId: criterion.id,
        reference: criterion.ref,
        title: criterion.title,
        status: a.status,
        statusLabel: WORKFLOW_STATUSES[a.status] ?? a.status,
        assignee: a.assignee,
      };
    });
}

function narrativeTasks({ cycle }: MyWorkInput): NarrativeTask[] {
  if (!cycle || cycle.bundle.cycle.status === 'final') return [];
  const byJudgement = new Map(
    cycle.bundle.narratives.filter((n) => !n.deletedAt).map((n) => [n.judgementId, n]),
  );
  return cycle.framework.judgements.flatMap((judgement) => {
    const narrative = byJudgement.get(judgement.id);
    if (!narrative) return [];
    const status = narrativeStatus(narrative);
    return [
      {
        cycleId: cycle.bundle.cycle.id,
        judgementId: judgement.id,
        title: judgement.title,
        status,
        statusLabel: WORKFLOW_STATUSES[status] ?? status,
        assignee: narrative.assignee ?? '',
      },
    ];
  });
}

function moderationTasks({ person, audits, moderations }: MyWorkInput): ModerationTask[] {
  const mine = moderations.filter((m) => !m.deletedAt && !m.submittedAt && samePerson(m.moderator, person));
  if (mine.length === 0) return [];
  const wanted = new Set(mine.map((m) => m.auditId));
  const byId = new Map(audits.filter((a) => wanted.has(a.id) && !a.deletedAt).map((a) => [a.id, a]));
  return mine.flatMap((m) => {
    const audit = byId.get(m.auditId);
    return audit ? [{ auditId: audit.id, caseReference: audit.caseReference, auditor: audit.auditor }] : [];
  });
}

/** Sampled cases allocated to the person with no completed audit in that round yet, then their drafts. */
function auditTasks({ person, rounds, audits, today }: MyWorkInput): AuditTask[] {
  const live = rounds.filter((r) => !r.deletedAt);
  // The person's sampled cases by round, each with the first live audit of it, as the round's page finds it.
  const mine = new Map<string, Map<string, CaseAudit | undefined>>();
  for (const round of live) {
    const cases = (round.sample?.cases ?? []).filter((c) => samePerson(c.auditor, person));
    if (cases.length > 0) mine.set(round.id, new Map(cases.map((c) => [c.caseReference, undefined])));
  }
  // One pass over the audits, however many thousand there are.
  const drafts: CaseAudit[] = [];
  for (const audit of audits) {
    if (audit.deletedAt) continue;
    const cases = audit.roundId ? mine.get(audit.roundId) : undefined;
    if (cases?.has(audit.caseReference) && !cases.get(audit.caseReference)) {
      cases.set(audit.caseReference, audit);
    }
    if (audit.status === 'draft' && samePerson(audit.auditor, person)) drafts.push(audit);
  }
  const tasks: AuditTask[] = [];
  const listed = new Set<string>();
  for (const round of live) {
    const cases = mine.get(round.id);
    for (const sampled of cases ? round.sample!.cases : []) {
      if (!samePerson(sampled.auditor, person)) continue;
      const audit = cases!.get(sampled.caseReference);
      if (audit && audit.status !== 'draft') continue;
      if (audit) listed.add(audit.id);
      tasks.push({
        roundId: round.id,
        roundTitle: round.title,
        caseReference: sampled.caseReference,
        caseType: sampled.caseType,
        due: round.periodTo,
        overdue: round.periodTo !== '' && round.periodTo < today,
        ...(audit ? { auditId: audit.id } : {}),
      });
    }
  }
  // Drafts the person started outside any sample are theirs to finish too.
  const roundOf = new Map(rounds.map((r) => [r.id, r]));
  for (const audit of drafts.filter((a) => !listed.has(a.id))) {
    const round = audit.roundId ? roundOf.get(audit.roundId) : undefined;
    tasks.push({
      roundId: round?.id ?? '',
      roundTitle: round?.title ?? '',
      caseReference: audit.caseReference,
      caseType: audit.caseType,
      due: round?.periodTo ?? '',
      overdue: Boolean(round?.periodTo && round.periodTo < today),
      auditId: audit.id,
    });
  }
  return tasks.sort((a, b) => (a.due || '9999').localeCompare(b.due || '9999'));
}

function isDueSoon(action: ImprovementAction, today: string): boolean {
  if (action.status === 'completed' || action.status === 'no-longer-needed' || !action.dueDate) return false;
  return action.dueDate <= addDays(today, DUE_SOON_DAYS);
}
