/*
 * Seeded random workspaces for property tests: every record kind, every text field at its longest
 * (domain/workspace/limits.ts) and written in every kind of character a council's text holds (accents,
 * emoji, right-to-left scripts, new lines, combining marks), links that resolve, real dates, and a final
 * cycle that keeps its framework's firm rules: whatever the app itself could write. Same seed, same
 * workspace (mulberry32, as the case sampler uses).
 */
import { readFileSync } from 'node:fs';
import { seededRandom } from '../../src/domain/case-audit/sampling';
import { frameworkKey } from '../../src/domain/framework/lookup';
import type { Framework } from '../../src/domain/framework/types';
import { evaluateJudgements } from '../../src/domain/judgements/evaluate';
import {
  applyCriterionEdit,
  applyJudgementEdit,
  confirmReEvaluated,
} from '../../src/domain/self-assessment/record-changes';
import { signOffAgreedGrade } from '../../src/domain/self-assessment/judgement-sign-off';
import {
  agreeReviewed,
  sendBack,
  sendForReview,
  type ReviewOutcome,
} from '../../src/domain/self-assessment/review';
import {
  addComment,
  editComment,
  replyTo,
  resolveThread,
  type CommentStep,
} from '../../src/domain/comments/comments';
import { workspacePeople } from '../../src/domain/comments/mentions';
import type { Comment } from '../../src/domain/comments/records';
import {
  assignNarrative,
  reviewNarrative,
  type ReviewableNarrative,
} from '../../src/domain/self-assessment/narrative-review';
import type { CriterionAssessment, Narrative } from '../../src/domain/workspace/records';
import { BACKUP_LIMITS, DATE_YEARS, TEXT_LIMITS } from '../../src/domain/workspace/limits';
import { NOT_APPLICABLE, NOT_YET_GRADED } from '../../src/domain/workspace/vocabulary';
import type { BackupRecords } from '../../src/export/backup/backup-format';
import {
  makeAction,
  makeCaseAudit,
  makeCriterionAssessment,
  makeCycle,
  makeEvidence,
  makeJudgementAssessment,
  makeNarrative,
  makeNotificationItem,
  makeRecommendation,
  makeRehearsal,
} from './builders';

/** Pieces of text: each is whole characters, so cutting between pieces never splits one. */
const PIECES = [
  'a',
  'Z',
  '7',
  ' ',
  ' ',
  'é',
  'ü',
  'ł',
  'Ā',
  'ß',
  'ø',
  '’',
  '“',
  '”',
  '…',
  '£',
  '€',
  '–',
  '😀',
  '👩‍👧',
  '🏳️‍🌈',
  '✓',
  'مرحبا',
  'שלום',
  '\n',
  '\r\n',
  '\t',
  'e\u0301',
  'n\u0303',
  '中文',
  'Ελληνικά',
  'Кириллица',
  '<b>',
  '&amp;',
  '=SUM(A1)',
  '"',
  '\\',
  '{}',
  '\u200d',
];

/** Characters JSON Schema counts as one (code points), as the schema's maxLength does. */
const codePoints = (text: string) => [...text].length;

export class SeededText {
  readonly #next: () => number;

  constructor(seed: number) {
    this.#next = seededRandom(seed);
  }

  int(below: number): number {
    return Math.floor(this.#next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Text of exactly `length` characters, in every kind of character. */
  text(length: number): string {
    let out = '';
    let count = 0;
    while (count < length) {
      const piece = this.pick(PIECES);
      const n = codePoints(piece);
      if (count + n > length) {
        out += 'x'.repeat(length - count);
        break;
      }
      out += piece;
      count += n;
    }
    return out;
  }

  /** A field at its longest, by its path in the backup schema (limits.ts). */
  longest(path: string): string {
    const limit = BACKUP_LIMITS[path];
    if (limit === undefined) throw new Error(`No limit for ${path}`);
    return this.text(limit);
  }

  /** An id at the longest ids may be, unique thanks to its counter. */
  id(n: number): string {
    const tail = `#${n}`;
    return this.text(TEXT_LIMITS.id - tail.length) + tail;
  }

  /** A real time in the years the app works with, as toISOString writes it. */
  time(): string {
    const span = DATE_YEARS.latest - 1 - DATE_YEARS.earliest;
    const day = Date.UTC(DATE_YEARS.earliest + this.int(span), this.int(12), 1 + this.int(31));
    return new Date(day + this.int(86_400_000)).toISOString();
  }

  date(): string {
    return this.time().slice(0, 10);
  }
}

export const LOCAL_FRAMEWORK_FILE = 'tests/fixtures/frameworks/minimal.json';

/** A whole workspace as the app could have written it, for `shipped` (ILACS 2023 must be among them). */
function expectComment(step: CommentStep): Comment {
  if (!step.ok) throw new Error(`The seeded comment was refused: ${step.problem}`);
  return step.comment;
}

function expectNarrativeReviewed(outcome: ReviewOutcome<ReviewableNarrative>): Narrative {
  if (!outcome.ok) throw new Error(`The seeded review was refused: ${outcome.problem}`);
  return outcome.record;
}

function expectReviewed(outcome: ReviewOutcome): CriterionAssessment {
  if (!outcome.ok) throw new Error(`The seeded review was refused: ${outcome.problem}`);
  return outcome.record;
}

export function seededWorkspace(seed: number, shipped: readonly Framework[]): BackupRecords {
  const g = new SeededText(seed);
  let counter = 0;
  const nextId = () => g.id((counter += 1));
  const line = (path: string) => g.longest(path);
  // A review comment is kept trimmed: one at its longest has no space at either end to lose.
  const comment = (path: string) => line(path).replace(/^\s+|\s+$/g, (m) => 'x'.repeat(m.length));
  const meta = (table: string) => ({
    id: nextId(),
    createdAt: g.time(),
    updatedAt: g.time(),
    updatedBy: line(`${table}[].updatedBy`),
  });
  const ilacs = shipped.find((f) => f.id === 'ilacs-2023' && f.version === 1);
  if (!ilacs) throw new Error('ILACS 2023 version 1 is not among the shipped frameworks');
  const local = JSON.parse(readFileSync(LOCAL_FRAMEWORK_FILE, 'utf8')) as Framework;
  const levels = ilacs.scales[0]!.levels.map((l) => l.id);
  const author = () => ({ by: line('criterionAssessments[].history[].by'), now: g.time() });
  const two = 1 + g.int(2);
  const times = <T>(n: number, make: (i: number) => T) => Array.from({ length: n }, (_, i) => make(i));

  const evidence = times(two, () =>
    makeEvidence({
      ...meta('evidence'),
      title: line('evidence[].title'),
      type: g.pick(['audit-findings', 'performance-data', 'staff-feedback'] as const),
      date: g.date(),
      owner: line('evidence[].owner'),
      location: line('evidence[].location'),
      notes: line('evidence[].notes'),
    }),
  );
  const evidenceIds = evidence.map((e) => e.id);

  const final = makeCycle({
    ...meta('cycles'),
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    startYear: 2024,
    status: 'final',
    finalisedAt: g.time(),
    finalisedBy: line('cycles[].finalisedBy'),
    statusHistory: [
      { at: g.time(), by: line('cycles[].statusHistory[].by'), change: 'finalised' },
      {
        at: g.time(),
        by: line('cycles[].statusHistory[].by'),
        change: 'reopened',
        reason: line('cycles[].statusHistory[].reason'),
      },
      { at: g.time(), by: line('cycles[].statusHistory[].by'), change: 'finalised' },
    ],
    archive: (['criterion-assessment', 'judgement-assessment', 'narrative'] as const).map((kind) => ({
      kind,
      oldId: g.longest('cycles[].archive[].oldId'),
      title: line('cycles[].archive[].title'),
      record: { strengths: g.text(500), grade: 'good' },
    })),
  });
  const draft = makeCycle({
    ...meta('cycles'),
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    startYear: 2025,
    previousCycleId: final.id,
  });
  const localCycle = makeCycle({ ...meta('cycles'), frameworkId: local.id, frameworkVersion: local.version });
  const cycles = [final, draft, localCycle];

  const criterionAssessments = [final, draft].flatMap((cycle) =>
    times(two, (i) => {
      // Two different criteria: the app keeps one assessment per criterion in a cycle.
      const criterion = ilacs.criteria[(2 * g.int(10) + i) % ilacs.criteria.length]!;
      const blank = makeCriterionAssessment({
        ...meta('criterionAssessments'),
        cycleId: cycle.id,
        criterionId: criterion.id,
        toReEvaluate: true,
      });
      // History as the app writes it: each edit through the one function that records it.
      const edited = applyCriterionEdit(
        blank,
        {
          grade: g.pick([...levels, NOT_APPLICABLE, NOT_YET_GRADED]),
          confidence: g.pick(['low', 'medium', 'high'] as const),
          strengths: line('criterionAssessments[].strengths'),
          areasForDevelopment: line('criterionAssessments[].areasForDevelopment'),
          status: 'in-progress',
          assignee: line('criterionAssessments[].assignee'),
          evidenceIds: evidenceIds.slice(0, 1 + i),
        },
        author(),
      );
      // Review as the app records it: the final cycle's criteria signed off, the draft's sent back.
      const reviewer = (path: string) => ({
        by: line(`criterionAssessments[].review.${path}`),
        now: g.time(),
      });
      const sent = expectReviewed(sendForReview(edited, reviewer('requestedBy')));
      const reviewed = expectReviewed(
        cycle === final
          ? agreeReviewed(sent, reviewer('signedOffBy'))
          : sendBack(
              sent,
              comment('criterionAssessments[].review.sentBack.comment'),
              reviewer('sentBack.by'),
            ),
      );
      return confirmReEvaluated({ ...reviewed, toReEvaluate: true }, author());
    }),
  );
  // The first grade on the scale that keeps every firm rule when every judgement has it.
  const agreed =
    levels.find((level) => {
      const grades = Object.fromEntries(ilacs.judgements.map((j) => [j.id, level]));
      return !evaluateJudgements(ilacs, grades).findings.some((f) => f.severity === 'error');
    }) ?? levels[0]!;
  const judgementAssessments = [final, draft].flatMap((cycle) =>
    ilacs.judgements.map((j) => {
      const edited = applyJudgementEdit(
        makeJudgementAssessment({ ...meta('judgementAssessments'), cycleId: cycle.id, judgementId: j.id }),
        {
          agreedGrade: cycle === final ? agreed : g.pick(levels),
          rationale: line('judgementAssessments[].rationale'),
        },
        author(),
      );
      // The final cycle's agreed grades signed off, as the app records it; the draft's await sign-off.
      if (cycle !== final) return edited;
      const signer = { by: line('judgementAssessments[].review.signedOffBy'), now: g.time() };
      const outcome = signOffAgreedGrade(edited, signer);
      if (!outcome.ok) throw new Error(`The seeded sign-off was refused: ${outcome.problem}`);
      return outcome.record;
    }),
  );
  const narratives = [final, draft].map((cycle) => {
    const written = assignNarrative(
      makeNarrative({
        ...meta('narratives'),
        cycleId: cycle.id,
        judgementId: g.pick(ilacs.judgements).id,
        answers: Object.fromEntries(
          ilacs.selfEvaluation.map((s) => [s.id, g.longest('narratives[].answers{}')]),
        ),
      }),
      line('narratives[].assignee'),
      author(),
    );
    // Reviewed as the app records it: the final cycle's self-evaluation agreed, the draft's sent back.
    const reviewer = (path: string) => ({ by: line(`narratives[].review.${path}`), now: g.time() });
    const sent = expectNarrativeReviewed(reviewNarrative(written, 'send', '', reviewer('requestedBy')));
    return cycle === final
      ? expectNarrativeReviewed(reviewNarrative(sent, 'agree', '', reviewer('signedOffBy')))
      : expectNarrativeReviewed(
          reviewNarrative(
            sent,
            'send-back',
            comment('narratives[].review.sentBack.comment'),
            reviewer('sentBack.by'),
          ),
        );
  });

  const recommendations = times(two, () =>
    makeRecommendation({
      ...meta('recommendations'),
      date: g.date(),
      reference: line('recommendations[].reference'),
      text: line('recommendations[].text'),
      priorityAction: g.int(2) === 1,
      judgementIds: [g.pick(ilacs.judgements).id],
      progressSummary: line('recommendations[].progressSummary'),
    }),
  );

  const tool = ilacs.auditTools.find((t) => t.id === 'cin-cp-audit') ?? ilacs.auditTools[0]!;
  const caseList = times(2, (i) => ({
    caseReference: line('auditRounds[].caseList[].caseReference'),
    // A case list may name a case type in its own words; the import keeps them as written.
    caseType: i === 0 ? tool.caseType : line('auditRounds[].caseList[].caseType'),
    team: line('auditRounds[].caseList[].team'),
    worker: line('auditRounds[].caseList[].worker'),
    startDate: g.date(),
    lastAuditedDate: g.date(),
  }));
  const round = {
    ...meta('auditRounds'),
    title: line('auditRounds[].title'),
    frameworkId: ilacs.id,
    frameworkVersion: ilacs.version,
    type: 'themed' as const,
    theme: line('auditRounds[].theme'),
    periodFrom: g.date(),
    periodTo: g.date(),
    auditors: [g.text(TEXT_LIMITS.line)],
    targetCount: 2,
    toolIds: [tool.id],
    caseList,
    caseListFileName: g.longest('auditRounds[].caseListFileName'),
    sample: {
      rule: {
        seed: g.int(1000),
        size: { kind: 'count' as const, value: 2 },
        caseTypes: [tool.caseType],
        excludeAuditedWithinMonths: 6,
        stratifyBy: ['team' as const],
      },
      drawnAt: g.time(),
      rationale: g.text(TEXT_LIMITS.line),
      cases: caseList.map((c) => ({ ...c, auditor: g.text(TEXT_LIMITS.line) })),
    },
  };
  const caseAudits = caseList.map((entry, i) =>
    makeCaseAudit({
      ...meta('caseAudits'),
      roundId: round.id,
      frameworkId: ilacs.id,
      frameworkVersion: ilacs.version,
      toolId: tool.id,
      toolVersion: tool.version,
      caseReference: entry.caseReference,
      caseType: entry.caseType,
      team: entry.team,
      worker: entry.worker,
      auditor: line('caseAudits[].auditor'),
      auditDate: g.date(),
      answers: Object.fromEntries(
        tool.domains.flatMap((d) =>
          d.questions.map((q) => {
            if (q.answerType === 'text') return [q.id, g.longest('caseAudits[].answers{}')];
            if (q.answerType === 'grade') return [q.id, g.pick(levels)];
            if (q.answerType === 'number') return [q.id, String(g.int(100))];
            if (q.answerType === 'date') return [q.id, g.date()];
            return [q.id, g.pick(['yes', 'partly', 'no', 'not-applicable'])];
          }),
        ),
      ),
      domainGrades: Object.fromEntries(tool.domains.map((d) => [d.id, g.pick(levels)])),
      overallGrade: g.pick(levels),
      strengths: line('caseAudits[].strengths'),
      worries: line('caseAudits[].worries'),
      voiceOfChildAndFamily: line('caseAudits[].voiceOfChildAndFamily'),
      practitionerActions: line('caseAudits[].practitionerActions'),
      managerActions: line('caseAudits[].managerActions'),
      practitionerResponse: line('caseAudits[].practitionerResponse'),
      themes: [line('caseAudits[].themes[]'), g.text(20)],
      escalation: {
        raisedAt: g.time(),
        raisedBy: g.text(TEXT_LIMITS.line),
        concern: g.text(TEXT_LIMITS.longText),
        log: [{ at: g.time(), by: g.text(TEXT_LIMITS.line), toldWho: g.text(200), action: g.text(2000) }],
        closedAt: g.time(),
      },
      status: i === 0 ? 'moderated' : 'complete',
      criterionIds: [
        ...new Set(tool.domains.flatMap((d) => d.questions.flatMap((q) => q.criterionIds ?? []))),
      ],
    }),
  );
  const moderations = [
    {
      ...meta('moderations'),
      auditId: caseAudits[0]!.id,
      moderator: line('moderations[].moderator'),
      blind: true,
      domainGrades: Object.fromEntries(tool.domains.map((d) => [d.id, g.pick(levels)])),
      overallGrade: g.pick(levels),
      moderatedOverallGrade: g.pick(levels),
      reason: line('moderations[].reason'),
      submittedAt: g.time(),
    },
  ];

  const actions = times(two, (i) =>
    makeAction({
      ...meta('actions'),
      title: line('actions[].title'),
      description: line('actions[].description'),
      owner: line('actions[].owner'),
      dueDate: g.date(),
      status: i === 0 ? 'completed' : 'in-progress',
      rag: g.pick(['red', 'amber', 'green', 'blue'] as const),
      ...(i === 0 ? { completedAt: g.time() } : {}),
      progressNotes: times(2, () => ({
        at: g.time(),
        by: line('actions[].progressNotes[].by'),
        text: line('actions[].progressNotes[].text'),
      })),
      criterionIds: [g.pick(ilacs.criteria).id],
      judgementIds: [g.pick(ilacs.judgements).id],
      recommendationIds: recommendations.map((r) => r.id),
      auditIds: caseAudits.map((a) => a.id),
      ...(i === 1 ? { deletedAt: g.time() } : {}),
    }),
  );

  const indicators = [
    {
      ...meta('indicators'),
      name: line('indicators[].name'),
      definition: line('indicators[].definition'),
      unit: 'percent' as const,
      polarity: 'lower-is-better' as const,
      frequency: 'quarter' as const,
      target: 20.5,
      tolerance: 2,
      source: line('indicators[].source'),
      owner: line('indicators[].owner'),
      criterionIds: [g.pick(ilacs.criteria).id],
      values: [
        { period: '2025-04', value: 21.25, comparators: { england: 22, region: 19.5 } },
        { period: '2025-07', value: null, comparators: {} },
      ],
    },
  ];

  const rehearsals = [
    makeRehearsal({
      ...meta('rehearsals'),
      title: line('rehearsals[].title'),
      date: g.date(),
      participants: times(3, () => line('rehearsals[].participants[]')),
      cycleId: draft.id,
      frameworkId: ilacs.id,
      frameworkVersion: ilacs.version,
      judgementId: 'care-leavers',
      inspectionType: 'jtai',
      themeId: g.text(TEXT_LIMITS.id),
      questions: times(2, (k) => ({
        id: `${g.text(150)}:${k}`,
        judgementId: 'care-leavers',
        criterionId: ilacs.criteria[0]!.id,
        source: k === 0 ? ('line-of-enquiry' as const) : ('last-inspection' as const),
        question: line('rehearsals[].questions[].question'),
        why: line('rehearsals[].questions[].why'),
      })),
      answers: times(2, () => ({
        questionId: g.text(100),
        notes: line('rehearsals[].answers[].notes'),
        confidence: 'partly-confident' as const,
        evidenceIds: evidenceIds.slice(0, 1),
        seconds: g.int(600) + 0.5,
        namedEvidence: g.text(TEXT_LIMITS.longText),
      })),
      readiness: { 'care-leavers': 'nearly-ready' },
      sample: {
        seed: g.int(10_000),
        perCohort: 1,
        drawnAt: g.time(),
        source: 'annex-a',
        cases: times(2, () => ({
          caseReference: line('rehearsals[].sample.cases[].caseReference'),
          cohort: 'care-leavers' as const,
          caseType: line('rehearsals[].sample.cases[].caseType'),
          team: line('rehearsals[].sample.cases[].team'),
          worker: line('rehearsals[].sample.cases[].worker'),
          reasons: times(3, () => g.text(TEXT_LIMITS.line)),
          lists: [9, 11],
          swap: { replaced: g.text(TEXT_LIMITS.line), reason: g.text(TEXT_LIMITS.line), at: g.time() },
        })),
      },
      annexA: [
        {
          list: 9,
          setId: 'ilacs',
          fileName: g.text(TEXT_LIMITS.fileName),
          importedAt: g.time(),
          periodFrom: g.date(),
          periodTo: g.date(),
          rows: times(2, () => ({
            childId: g.text(TEXT_LIMITS.line),
            team: g.text(TEXT_LIMITS.line),
            worker: g.text(TEXT_LIMITS.line),
            values: { lastVisitDate: g.date(), placementType: g.text(TEXT_LIMITS.line), missingEpisodes: 3 },
          })),
        },
      ],
      auditChallenge: {
        moderator: g.text(TEXT_LIMITS.line),
        cases: [
          {
            auditId: g.text(TEXT_LIMITS.id),
            caseReference: g.text(TEXT_LIMITS.line),
            inspectorGrade: levels[0]!,
            inspectorReason: g.text(TEXT_LIMITS.longText),
            submittedAt: g.time(),
          },
          { auditId: g.text(TEXT_LIMITS.id), caseReference: g.text(TEXT_LIMITS.line) },
        ],
      },
      findings: line('rehearsals[].findings'),
      status: 'complete',
    }),
  ];

  const checklistItem = ilacs.readinessChecklist[0]!;
  const notificationItems = [
    makeNotificationItem({
      ...meta('notificationItems'),
      id: `${ilacs.id}/${checklistItem.id}`,
      frameworkId: ilacs.id,
      itemId: checklistItem.id,
      owner: line('notificationItems[].owner'),
      status: 'ready',
      dueDay: g.int(61),
      note: line('notificationItems[].note'),
    }),
  ];

  // Comments as people write them: a mention, a reply, an edit, a resolved thread, on every kind of record.
  // A name with no spaces keeps its length when the people list tidies names.
  const named = line('comments[].mentions[]').replace(/\s/g, '_');
  const people = workspacePeople({ criterionAssessments, actions, audits: caseAudits, others: [named] });
  const mention = `@${named} `;
  // Ends that are not spaces, which a comment loses, so the body stays at its longest.
  const body = () => `${mention}${g.text(TEXT_LIMITS.comment - codePoints(mention) - 1)}.`;
  const commentMeta = () => {
    const m = meta('comments');
    return { ...m, createdAt: m.updatedAt };
  };
  const criterion = criterionAssessments.find((c) => c.cycleId === draft.id)!;
  const targets = [
    { kind: 'criterion' as const, id: criterion.id, cycleId: draft.id },
    { kind: 'narrative' as const, id: narratives[1]!.id, cycleId: draft.id },
    { kind: 'audit' as const, id: caseAudits[0]!.id },
  ];
  const comments = targets.flatMap((target, i) => {
    const top = expectComment(addComment({ meta: commentMeta(), target, body: body(), people }));
    const reply = expectComment(replyTo(top, { meta: commentMeta(), body: body(), people }));
    const edited = expectComment(editComment(reply, body(), people, { by: reply.by, now: g.time() }));
    const thread = i === 0 ? expectComment(resolveThread(top, author())) : top;
    return [thread, i === 1 ? { ...edited, deletedAt: g.time() } : edited];
  });

  return {
    settings: [
      {
        key: 'workspace',
        value: {
          councilName: g.text(TEXT_LIMITS.line),
          userName: g.text(TEXT_LIMITS.line),
          protectiveMarking: 'OFFICIAL-SENSITIVE',
          lastBackupAt: g.time(),
          inspectionCallDate: g.date(),
          inspectionOnSiteDate: g.date(),
        },
        updatedAt: g.time(),
        updatedBy: line('settings[].updatedBy'),
      },
    ],
    frameworks: [
      {
        key: frameworkKey(local),
        frameworkId: local.id,
        version: local.version,
        importedAt: g.time(),
        importedBy: line('frameworks[].importedBy'),
        fileName: g.longest('frameworks[].fileName'),
        framework: local,
      },
    ],
    cycles,
    criterionAssessments,
    judgementAssessments,
    narratives,
    evidence,
    actions,
    recommendations,
    auditRounds: [round],
    caseAudits,
    moderations,
    indicators,
    rehearsals,
    notificationItems,
    comments,
  };
}
