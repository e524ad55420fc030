/*
 * A copy of a workspace for sharing with peers or a regional group. Grades, statuses, dates, counts and
 * the text that describes the service (strengths, rationales, narratives, plans) are kept, with case
 * references, staff names, NHS numbers and dates of birth in that text redacted; people, teams and cases
 * become "Colleague 1", "Team 1", "Case 1"; text about a child's case, case lists, samples, locations and
 * file names are removed; any field not on the whitelist is dropped. Returns what it did, for the user.
 */
import type { CaseAudit, Moderation } from '../../domain/case-audit/records';
import type { Framework } from '../../domain/framework/types';
import type { DrillAnswer, DrillQuestion, NotificationItem, Rehearsal } from '../../domain/rehearsal/records';
import type { Settings } from '../../domain/workspace/records';
import type { BackupRecords, WorkspaceBackup } from './backup-format';
import { auditRoundSpec, auditToolOf, caseAuditSpec, metaSpec, moderationSpec } from './sanitise-audits';
import {
  actionSpec,
  commentSpec,
  criterionSpec,
  cycleSpec,
  evidenceSpec,
  indicatorSpec,
  judgementSpec,
  narrativeSpec,
  recommendationSpec,
} from './sanitise-workspace';
import { keep, Scrubber, type SanitiseSummary, type Spec } from './scrubber';

export type { SanitiseSummary } from './scrubber';

export interface SanitisedCopy {
  backup: WorkspaceBackup;
  summary: SanitiseSummary;
}

export function sanitiseBackup(backup: WorkspaceBackup, frameworks: readonly Framework[]): SanitisedCopy {
  // First pass: every name and case reference in the records, so the second can redact them in text.
  const collected = new Scrubber();
  sanitiseRecords(backup.records, frameworks, collected);
  const s = new Scrubber(collected);
  const records = sanitiseRecords(backup.records, frameworks, s);
  const { formatName, formatVersion, appVersion, exportedAt } = backup;
  return {
    backup: { formatName, formatVersion, appVersion, exportedAt, sanitised: true, records },
    summary: s.summary(),
  };
}

function sanitiseRecords(r: BackupRecords, frameworks: readonly Framework[], s: Scrubber): BackupRecords {
  const meta = metaSpec(s);
  const criterion = criterionSpec(s);
  const judgement = judgementSpec(s);
  const [onRecord, onCase] = [commentSpec(s, false), commentSpec(s, true)];
  const audits = new Map(r.caseAudits.map((a) => [a.id, a]));
  // One spec per audit tool, not per audit: a workspace can hold 10,000 audits.
  const specs = new Map<string, { audit: Spec<CaseAudit>; moderation: Spec<Moderation> }>();
  const specsFor = (audit: CaseAudit | undefined) => {
    const key = `${audit?.frameworkId}\u0000${audit?.toolId}`;
    if (!specs.has(key)) {
      const tool = auditToolOf(frameworks, audit);
      specs.set(key, { audit: caseAuditSpec(s, tool), moderation: moderationSpec(s, tool) });
    }
    return specs.get(key)!;
  };
  return {
    settings: r.settings.flatMap((row) => {
      if (row.key !== 'workspace' || !row.value || typeof row.value !== 'object') {
        s.dropped();
        return [];
      }
      return [
        s.copy(row, {
          key: keep,
          value: (value) => s.copy(value as Settings, settingsSpec(s)),
          updatedAt: keep,
          updatedBy: s.person,
        }),
      ];
    }),
    frameworks: r.frameworks.map((stored) =>
      s.copy(stored, {
        key: keep,
        frameworkId: keep,
        version: keep,
        importedAt: keep,
        importedBy: s.person,
        fileName: s.omit,
        framework: (framework) => scanFramework(framework, s) as Framework,
      }),
    ),
    cycles: r.cycles.map((cycle) => s.copy(cycle, cycleSpec(s))),
    criterionAssessments: r.criterionAssessments.map((a) => s.copy(a, criterion)),
    judgementAssessments: r.judgementAssessments.map((a) => s.copy(a, judgement)),
    narratives: r.narratives.map((n) => s.copy(n, narrativeSpec(s))),
    evidence: r.evidence.map((e) => s.copy(e, evidenceSpec(s))),
    actions: r.actions.map((a) => s.copy(a, actionSpec(s))),
    recommendations: r.recommendations.map((rec) => s.copy(rec, recommendationSpec(s))),
    auditRounds: r.auditRounds.map((round) => s.copy(round, auditRoundSpec(s))),
    caseAudits: r.caseAudits.map((audit) => s.copy(audit, specsFor(audit).audit)),
    moderations: r.moderations.map((m) => s.copy(m, specsFor(audits.get(m.auditId)).moderation)),
    indicators: r.indicators.map((i) => s.copy(i, indicatorSpec(s))),
    rehearsals: r.rehearsals.map((h) => s.copy(h, rehearsalSpec(s))),
    notificationItems: r.notificationItems.map((n) =>
      s.copy<NotificationItem>(n, {
        ...meta,
        frameworkId: keep,
        itemId: keep,
        owner: s.person,
        status: keep,
        dueDay: keep,
        note: s.empty,
      }),
    ),
    comments: (r.comments ?? []).map((c) => s.copy(c, c.target.kind === 'audit' ? onCase : onRecord)),
  };
}

function settingsSpec(s: Scrubber): Spec<Settings> {
  return {
    councilName: keep,
    userName: s.person,
    protectiveMarking: keep,
    logoDataUrl: s.omit,
    lastBackupAt: keep,
    inspectionCallDate: keep,
    inspectionOnSiteDate: keep,
    inspectionType: keep,
  };
}

function rehearsalSpec(s: Scrubber): Spec<Rehearsal> {
  return {
    ...metaSpec(s),
    title: s.text,
    date: keep,
    participants: s.people,
    cycleId: keep,
    frameworkId: keep,
    frameworkVersion: keep,
    judgementId: keep,
    inspectionType: keep,
    themeId: keep,
    questions: s.each<DrillQuestion>({
      id: keep,
      judgementId: keep,
      criterionId: keep,
      source: keep,
      question: s.text,
      why: s.text,
    }),
    // What was said in a rehearsal is about cases and people; the confidence and time are kept.
    answers: s.each<DrillAnswer>({
      questionId: keep,
      notes: s.empty,
      confidence: keep,
      evidenceIds: keep,
      seconds: keep,
    }),
    readiness: keep,
    sample: (sample) => {
      sample.cases.forEach(s.noteIdentifiers);
      return s.omit(sample);
    },
    // Child-level lists and the audit test name children and workers: never in a shared copy.
    annexA: (lists) => {
      for (const list of lists)
        for (const row of list.rows) s.noteIdentifiers({ caseReference: row.childId, worker: row.worker });
      return s.omit(lists);
    },
    auditChallenge: (challenge) => {
      challenge.cases.forEach(s.noteIdentifiers);
      return s.omit(challenge);
    },
    findings: s.empty,
    status: keep,
  };
}

/** Keys of a framework that hold ids, names of values or dates: kept as they are so the copy still opens. */
const FRAMEWORK_STRUCTURE =
  /^(id|formatName|kind|type|severity|answerType|caseType|category|scaleId|judgementId|parentId|equalsJudgementId|frameworkId|effectiveFrom|effectiveTo|licenceUrl|criterionMap|judgementMap|tags)$|Ids$/;

/** A framework is reference material, kept whole; only its text is searched for identifiers. */
function scanFramework(value: unknown, s: Scrubber): unknown {
  if (typeof value === 'string') return s.text(value);
  if (Array.isArray(value)) return value.map((item) => scanFramework(item, s));
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value).map(([key, v]) => [key, FRAMEWORK_STRUCTURE.test(key) ? v : scanFramework(v, s)]),
    );
  return value;
}
