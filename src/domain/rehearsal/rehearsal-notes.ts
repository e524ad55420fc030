/*
 * The rehearsal notes as a document: the kind of inspection and theme rehearsed, what was asked, what
 * was answered and how confidently, the answers to work on, the inspectors' sample with why each case
 * was chosen and each swap's reason, the audit test's results, and the findings. export/pdf only lays
 * this out; the audit test's figures are computeChallengeResult's, as on the page.
 */
import { describeAgreementShare, describeKappa } from '../case-audit/agreement';
import { formatDate } from '../format/dates';
import type { Framework } from '../framework/types';
import type { EvidenceItem, Settings } from '../workspace/records';
import type { ChallengeResult } from './audit-challenge';
import { annexAList, annexASetFor } from './annex-a-lists';
import { answerTo, formatDuration, weakAnswers } from './drill';
import { COHORT_LABELS, lastAuditFinding, type CaseAuditStatus } from './inspectors-sample';
import { READINESS_LABELS } from './readiness';
import {
  ANSWER_CONFIDENCE_LABELS,
  type Rehearsal,
  type RehearsalSample,
  type SampledCaseInRehearsal,
} from './records';
import { describeFocus, themeOfFocus } from './rehearsal-focus';

export interface RehearsalNotes {
  council: string;
  marking: string;
  title: string;
  date: string;
  participants: string;
  judgement: string;
  /** The kind of inspection and its theme, or that it was not recorded (an older rehearsal). */
  focus: string;
  status: string;
  readiness: { judgement: string; rating: string }[];
  questions: {
    number: number;
    question: string;
    why: string;
    notes: string;
    confidence: string;
    time: string;
    evidence: string;
  }[];
  weak: { reason: string; question: string }[];
  sample?: {
    summary: string;
    rows: {
      reference: string;
      group: string;
      team: string;
      /** The Annex A lists it is on, then why it was chosen, in words. */
      reasons: string[];
      lastAudited: string;
      found: string;
    }[];
    swaps: { reference: string; replaced: string; when: string; reason: string }[];
  };
  auditTest?: {
    summary: string;
    moderator: string;
    rows: { reference: string; council: string; inspector: string; held: string; reason: string }[];
    agreements: { scale: string; exact: string; withinOne: string; kappa: string; weightedKappa: string }[];
  };
  findings: string;
}

export function buildRehearsalNotes(input: {
  rehearsal: Rehearsal;
  framework: Framework;
  settings: Settings;
  evidence: readonly EvidenceItem[];
  caseStatus?: ReadonlyMap<string, CaseAuditStatus>;
  /** The audit test's results (computeChallengeResult), when the rehearsal has one. */
  challenge?: ChallengeResult;
}): RehearsalNotes {
  const { rehearsal: r, framework } = input;
  const titleOf = (id: string) => framework.judgements.find((j) => j.id === id)?.title ?? id;
  const evidenceTitle = new Map(input.evidence.map((e) => [e.id, e.title]));
  return {
    council: input.settings.councilName || 'Council',
    marking: input.settings.protectiveMarking,
    title: r.title,
    date: r.date,
    participants: r.participants.join(', ') || 'Not recorded',
    judgement: judgementsRehearsed(r, framework).map(titleOf).join('; '),
    focus: describeFocus({ type: r.inspectionType, themeId: r.themeId }) ?? 'Not recorded',
    status: r.status === 'complete' ? 'Complete' : 'In progress',
    readiness: framework.judgements
      .filter((j) => r.readiness[j.id])
      .map((j) => ({ judgement: j.title, rating: READINESS_LABELS[r.readiness[j.id]!] })),
    questions: r.questions.map((q, i) => {
      const a = answerTo(r, q.id);
      return {
        number: i + 1,
        question: q.question,
        why: q.why,
        notes: a?.notes.trim() || 'No notes',
        confidence: a?.confidence ? ANSWER_CONFIDENCE_LABELS[a.confidence] : 'Not rated',
        time: a?.seconds ? formatDuration(a.seconds) : '–',
        evidence:
          a?.evidenceIds.map((id) => evidenceTitle.get(id) ?? 'An evidence item since deleted').join('; ') ||
          'None',
      };
    }),
    weak: weakAnswers(r).map((w) => ({ reason: w.reason, question: w.question.question })),
    ...(r.sample ? { sample: sampleOf(r.sample, framework, input.caseStatus) } : {}),
    ...(r.auditChallenge && input.challenge?.submitted
      ? { auditTest: auditTestOf(r.auditChallenge.moderator, input.challenge) }
      : {}),
    findings: r.findings,
  };
}

/** A themed drill ranges across judgements: those its questions belong to, in report order. */
function judgementsRehearsed(r: Rehearsal, framework: Framework): string[] {
  if (!themeOfFocus({ type: r.inspectionType, themeId: r.themeId })) return [r.judgementId];
  const asked = new Set(r.questions.map((q) => q.judgementId));
  const ids = framework.judgements.filter((j) => asked.has(j.id)).map((j) => j.id);
  return ids.length ? ids : [r.judgementId];
}

function sampleOf(
  sample: RehearsalSample,
  framework: Framework,
  caseStatus: ReadonlyMap<string, CaseAuditStatus> | undefined,
): NonNullable<RehearsalNotes['sample']> {
  const from = sample.source === 'annex-a' ? 'from the Annex A lists ' : 'from the case lists ';
  return {
    summary: `${sample.cases.length} cases drawn ${sample.source ? from : ''}on ${formatDate(sample.drawnAt)} with seed ${sample.seed}, up to ${sample.perCohort} from each group.`,
    rows: sample.cases.map((c) => {
      const s = caseStatus?.get(c.caseReference);
      return {
        reference: c.caseReference,
        group: COHORT_LABELS[c.cohort],
        team: [c.team, c.worker].filter(Boolean).join(', '),
        reasons: reasonsOf(c, framework),
        lastAudited: s?.lastAudited
          ? `${formatDate(s.lastAudited.date)}${s.lastAudited.fromCaseList ? ' (from the case list)' : ''}${s.lastAudited.recent ? '' : ' (not recent)'}`
          : 'Never audited',
        found: lastAuditFinding(s),
      };
    }),
    swaps: sample.cases.flatMap((c) =>
      c.swap
        ? [
            {
              reference: c.caseReference,
              replaced: c.swap.replaced,
              when: formatDate(c.swap.at),
              reason: c.swap.reason,
            },
          ]
        : [],
    ),
  };
}

/** "On Annex A list 7 (Child protection)", then each reason; an older sample kept none. */
function reasonsOf(c: SampledCaseInRehearsal, framework: Framework): string[] {
  const set = annexASetFor(framework);
  const lists = (c.lists ?? []).map((n) => {
    const title = annexAList(set, n)?.title;
    return title ? `list ${n} (${title})` : `list ${n}`;
  });
  const parts = [...(lists.length ? [`On Annex A ${lists.join(', ')}`] : []), ...(c.reasons ?? [])];
  return parts.length ? parts : ['Not recorded: drawn before reasons were kept'];
}

function auditTestOf(moderator: string, result: ChallengeResult): NonNullable<RehearsalNotes['auditTest']> {
  return {
    summary: `The inspector agreed with the council’s grade in ${result.held} of ${result.submitted} ${result.submitted === 1 ? 'case' : 'cases'} graded.`,
    moderator: moderator.trim() || 'Not recorded',
    rows: result.rows.map((row) => ({
      reference: row.caseReference,
      council: row.council ?? 'Not graded',
      inspector: row.inspector ?? 'Not graded',
      held: row.held ? 'Held' : 'Did not hold',
      reason: row.reason || 'No reason given',
    })),
    agreements: result.agreements.map(({ scale, agreement }) => ({
      scale: scale.title,
      exact: `${describeAgreementShare(agreement, 'exact')} of ${agreement.n}`,
      withinOne: `${describeAgreementShare(agreement, 'withinOne')} of ${agreement.n}`,
      kappa: describeKappa(agreement, 'kappa'),
      weightedKappa: describeKappa(agreement, 'weightedKappa'),
    })),
  };
}
