import { describe, expect, it } from 'vitest';
import type { AuditRound } from '../../../src/domain/case-audit/records';
import { buildMyWork, type MyWorkInput } from '../../../src/domain/my-work/my-work';
import { samePerson } from '../../../src/domain/workspace/same-person';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { mulberry32, moderationOf } from '../../helpers/audit-workspaces';
import { makeAction, makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2026');
const TODAY = '2026-12-01';

function cycleFor(status: 'draft' | 'final' = 'draft') {
  let n = 0;
  const bundle = startCycle({
    framework: ilacs,
    startYear: 2026,
    author: { by: 'T', now: '2026-04-02T09:00:00Z' },
    makeId: () => `c-${++n}`,
  });
  bundle.cycle.status = status;
  return bundle;
}

function roundWith(cases: { caseReference: string; auditor: string }[], periodTo = '2026-12-20'): AuditRound {
  return {
    id: 'round-1',
    createdAt: '2026-10-01T09:00:00Z',
    updatedAt: '2026-10-01T09:00:00Z',
    updatedBy: 'Lead',
    title: 'Winter round',
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    type: 'routine',
    theme: '',
    periodFrom: '2026-11-01',
    periodTo,
    auditors: [...new Set(cases.map((c) => c.auditor))],
    targetCount: cases.length,
    toolIds: [],
    caseList: [],
    sample: {
      rule: {
        seed: 1,
        size: { kind: 'count', value: cases.length },
        caseTypes: [],
        excludeAuditedWithinMonths: 12,
        stratifyBy: [],
      },
      drawnAt: '2026-11-01T09:00:00Z',
      rationale: '',
      cases: cases.map((c) => ({ ...c, caseType: 'cin', team: 'North', worker: 'W' })),
    },
  };
}

function input(overrides: Partial<MyWorkInput> = {}): MyWorkInput {
  return {
    person: 'Priya Shah',
    rounds: [],
    audits: [],
    moderations: [],
    actions: [],
    today: TODAY,
    ...overrides,
  };
}

describe('my work', () => {
  it('lists the criteria assigned to me still to write, and the ones others sent for review', () => {
    const bundle = cycleFor();
    const [a, b, c, d] = bundle.criterionAssessments;
    Object.assign(a!, { assignee: ' priya shah ', status: 'in-progress' });
    Object.assign(b!, { assignee: 'Priya Shah', status: 'agreed' });
    Object.assign(c!, { assignee: 'Sam Jones', status: 'ready-for-review' });
    Object.assign(d!, { assignee: 'Priya Shah', status: 'ready-for-review' });
    const work = buildMyWork(input({ cycle: { bundle, framework: ilacs } }));
    expect(work.criteria.map((t) => t.criterionId)).toEqual([a!.criterionId]);
    expect(work.criteria[0]!.statusLabel).toBe('In progress');
    expect(work.toReview.map((t) => [t.criterionId, t.assignee])).toEqual([[c!.criterionId, 'Sam Jones']]);
  });

  it('lists the self-evaluations assigned to me still to write, and the ones others sent for review', () => {
    const bundle = cycleFor();
    const [a, b, c, d] = bundle.narratives;
    Object.assign(a!, { assignee: 'PRIYA SHAH', answers: { 'what-we-know': 'Started.' } });
    Object.assign(b!, { assignee: 'Priya Shah', status: 'agreed' });
    Object.assign(c!, { assignee: 'Sam Jones', status: 'ready-for-review' });
    Object.assign(d!, { status: 'ready-for-review' });
    const work = buildMyWork(input({ cycle: { bundle, framework: ilacs } }));
    expect(work.narratives.map((t) => [t.judgementId, t.statusLabel])).toEqual([
      [a!.judgementId, 'In progress'],
    ]);
    expect(work.narrativesToReview.map((t) => [t.judgementId, t.assignee])).toEqual([
      [c!.judgementId, 'Sam Jones'],
      [d!.judgementId, ''],
    ]);
    expect(work.narratives[0]!.title).toBe(ilacs.judgements.find((j) => j.id === a!.judgementId)!.title);
    expect(work.total).toBe(3);
  });

  it('lists what is sent for review only where the person may agree it (in a team, their role)', () => {
    const bundle = cycleFor();
    Object.assign(bundle.criterionAssessments[0]!, { assignee: 'Sam Jones', status: 'ready-for-review' });
    Object.assign(bundle.narratives[0]!, { assignee: 'Sam Jones', status: 'ready-for-review' });
    Object.assign(bundle.narratives[1]!, { assignee: 'Alex Kay', status: 'ready-for-review' });
    const asked: string[] = [];
    const work = buildMyWork(
      input({
        cycle: { bundle, framework: ilacs },
        mayReview: ({ table, assignee }) => {
          asked.push(`${table}:${assignee}`);
          return assignee === 'Alex Kay';
        },
      }),
    );
    expect(work.toReview).toEqual([]);
    expect(work.narrativesToReview.map((t) => t.judgementId)).toEqual([bundle.narratives[1]!.judgementId]);
    expect(asked.sort()).toEqual([
      'criterionAssessments:Sam Jones',
      'narratives:Alex Kay',
      'narratives:Sam Jones',
    ]);
  });

  it('has no criteria to write in a final cycle', () => {
    const bundle = cycleFor('final');
    bundle.criterionAssessments[0]!.assignee = 'Priya Shah';
    expect(buildMyWork(input({ cycle: { bundle, framework: ilacs } })).criteria).toEqual([]);
  });

  it('lists my sampled cases until their audit is completed, with the round’s end as the due date', () => {
    const round = roundWith([
      { caseReference: 'C-1', auditor: 'Priya Shah' },
      { caseReference: 'C-2', auditor: 'Priya Shah' },
      { caseReference: 'C-3', auditor: 'Priya Shah' },
      { caseReference: 'C-4', auditor: 'Sam Jones' },
    ]);
    const audits = [
      makeCaseAudit({
        id: 'a2',
        roundId: round.id,
        caseReference: 'C-2',
        status: 'draft',
        auditor: 'Priya Shah',
      }),
      makeCaseAudit({
        id: 'a3',
        roundId: round.id,
        caseReference: 'C-3',
        status: 'complete',
        auditor: 'Priya Shah',
      }),
    ];
    const work = buildMyWork(input({ rounds: [round], audits }));
    expect(work.audits.map((t) => [t.caseReference, t.auditId, t.due, t.overdue])).toEqual([
      ['C-1', undefined, '2026-12-20', false],
      ['C-2', 'a2', '2026-12-20', false],
    ]);
    const late = buildMyWork(
      input({ rounds: [roundWith([{ caseReference: 'C-1', auditor: 'Priya Shah' }], '2026-11-30')] }),
    );
    expect(late.audits[0]!.overdue).toBe(true);
  });

  it('lists my unsubmitted moderations and my actions due within two weeks or overdue', () => {
    const audit = makeCaseAudit({ id: 'a1', caseReference: 'C-9', status: 'complete', auditor: 'Sam Jones' });
    const moderations = [
      moderationOf('a1', { id: 'm1', moderator: 'Priya Shah', submittedAt: undefined }),
      moderationOf('a1', { id: 'm2', moderator: 'Priya Shah', submittedAt: '2026-11-20T10:00:00Z' }),
      moderationOf('a1', { id: 'm3', moderator: 'Sam Jones', submittedAt: undefined }),
    ];
    const actions = [
      makeAction({ id: 'x1', owner: 'Priya Shah', dueDate: '2026-11-15', status: 'in-progress' }),
      makeAction({ id: 'x2', owner: 'Priya Shah', dueDate: '2026-12-15', status: 'not-started' }),
      makeAction({ id: 'x3', owner: 'Priya Shah', dueDate: '2027-02-01', status: 'not-started' }),
      makeAction({ id: 'x4', owner: 'Priya Shah', dueDate: '2026-11-01', status: 'completed' }),
      makeAction({ id: 'x5', owner: 'Sam Jones', dueDate: '2026-11-01', status: 'in-progress' }),
    ];
    const work = buildMyWork(input({ audits: [audit], moderations, actions }));
    expect(work.moderations).toEqual([{ auditId: 'a1', caseReference: 'C-9', auditor: 'Sam Jones' }]);
    expect(work.actions.map((a) => [a.id, a.overdue])).toEqual([
      ['x1', true],
      ['x2', false],
    ]);
    expect(work.total).toBe(3);
  });

  it('matches no one when no name is given', () => {
    expect(samePerson('', '')).toBe(false);
    const actions = [makeAction({ owner: '', dueDate: '2026-11-01', status: 'in-progress' })];
    expect(buildMyWork(input({ person: '', actions })).total).toBe(0);
  });

  it('never lists more than exists, or anything of someone else, on random workspaces', () => {
    const people = ['Priya Shah', 'Sam Jones', 'Alex Kay', ''];
    for (let seed = 1; seed <= 40; seed += 1) {
      const random = mulberry32(seed);
      const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)]!;
      const bundle = cycleFor(random() < 0.2 ? 'final' : 'draft');
      for (const a of bundle.criterionAssessments) {
        a.assignee = pick(people);
        a.status = pick(['to-do', 'in-progress', 'ready-for-review', 'agreed'] as const);
      }
      for (const n of bundle.narratives) {
        n.assignee = pick([...people, undefined]);
        n.status = pick(['to-do', 'in-progress', 'ready-for-review', 'agreed', undefined] as const);
      }
      const cases = Array.from({ length: 12 }, (_, i) => ({
        caseReference: `C-${i}`,
        auditor: pick(people),
      }));
      const round = roundWith(cases, pick(['2026-11-01', '2026-12-31', '']));
      const audits = cases
        .filter(() => random() < 0.5)
        .map((c, i) =>
          makeCaseAudit({
            id: `a-${i}`,
            roundId: random() < 0.8 ? round.id : undefined,
            caseReference: c.caseReference,
            auditor: pick(people),
            status: pick(['draft', 'complete', 'moderated'] as const),
            deletedAt: random() < 0.1 ? '2026-11-02T00:00:00Z' : undefined,
          }),
        );
      const moderations = audits.map((a, i) =>
        moderationOf(a.id, {
          id: `m-${i}`,
          moderator: pick(people),
          submittedAt: random() < 0.5 ? '2026-11-20' : undefined,
        }),
      );
      const actions = Array.from({ length: 10 }, (_, i) =>
        makeAction({
          id: `x-${i}`,
          owner: pick(people),
          dueDate: pick(['2026-10-01', '2026-12-10', '2027-06-01', '']),
          status: pick(['not-started', 'in-progress', 'completed'] as const),
        }),
      );
      const person = pick(people);
      const work = buildMyWork({
        person,
        cycle: { bundle, framework: ilacs },
        rounds: [round],
        audits,
        moderations,
        actions,
        today: TODAY,
      });
      expect(work.criteria.length + work.toReview.length).toBeLessThanOrEqual(
        bundle.criterionAssessments.length,
      );
      expect(work.audits.length).toBeLessThanOrEqual(cases.length + audits.length);
      expect(new Set(work.audits.map((t) => t.auditId ?? t.caseReference)).size).toBe(work.audits.length);
      expect(work.moderations.length).toBeLessThanOrEqual(moderations.length);
      expect(work.actions.length).toBeLessThanOrEqual(actions.length);
      expect(work.narratives.length + work.narrativesToReview.length).toBeLessThanOrEqual(
        bundle.narratives.length,
      );
      for (const t of [...work.criteria, ...work.narratives])
        expect(samePerson(t.assignee, person)).toBe(true);
      for (const t of [...work.toReview, ...work.narrativesToReview])
        expect(samePerson(t.assignee, person)).toBe(false);
      for (const t of work.actions)
        expect(samePerson(actions.find((a) => a.id === t.id)!.owner, person)).toBe(true);
      expect(work.total).toBe(
        work.criteria.length +
          work.toReview.length +
          work.narratives.length +
          work.narrativesToReview.length +
          work.audits.length +
          work.moderations.length +
          work.actions.length,
      );
      if (person === '') expect(work.total).toBe(0);
    }
  });
});
