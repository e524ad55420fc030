/*
 * The rehearsal notes as a document: what was asked, what was answered and how confidently, the
 * answers to work on, the inspectors' sample with what is known of each case, and the findings.
 * export/pdf only lays this out.
 */
import { formatDate } from '../format/dates';
import type { Framework } from '../framework/types';
import type { EvidenceItem, Settings } from '../workspace/records';
import { answerTo, formatDuration, weakAnswers } from './drill';
import { COHORT_LABELS, lastAuditFinding, type CaseAuditStatus } from './inspectors-sample';
import { READINESS_LABELS } from './readiness';
import { ANSWER_CONFIDENCE_LABELS, type Rehearsal } from './records';

export interface RehearsalNotes {
  council: string;
  marking: string;
  title: string;
  date: string;
  participants: string;
  judgement: string;
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
    rows: { reference: string; group: string; team: string; lastAudited: string; found: string }[];
  };
  findings: string;
}

export function buildRehearsalNotes(input: {
  rehearsal: Rehearsal;
  framework: Framework;
  settings: Settings;
  evidence: readonly EvidenceItem[];
  caseStatus?: ReadonlyMap<string, CaseAuditStatus>;
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
    judgement: titleOf(r.judgementId),
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
    ...(r.sample
      ? {
          sample: {
            summary: `${r.sample.cases.length} cases drawn on ${formatDate(r.sample.drawnAt)} with seed ${r.sample.seed}, up to ${r.sample.perCohort} from each group.`,
            rows: r.sample.cases.map((c) => {
              const s = input.caseStatus?.get(c.caseReference);
              return {
                reference: c.caseReference,
                group: COHORT_LABELS[c.cohort],
                team: [c.team, c.worker].filter(Boolean).join(', '),
                lastAudited: s?.lastAudited
                  ? `${formatDate(s.lastAudited.date)}${s.lastAudited.fromCaseList ? ' (from the case list)' : ''}${s.lastAudited.recent ? '' : ' (not recent)'}`
                  : 'Never audited',
                found: lastAuditFinding(s),
              };
            }),
          },
        }
      : {}),
    findings: r.findings,
  };
}
