/*
 * The inspectors' audit test ("do you know yourselves?"): cases the council has audited, re-graded
 * blind by a colleague in the inspector's role. An inspector's grade is set once and never changed,
 * so what was submitted blind stays blind; agreement is the case-audit agreement function over
 * (council's standing grade, inspector's grade), one scale at a time.
 */
import { computeAgreement, type Agreement, type GradePair } from '../case-audit/agreement';
import { isCounted, standingGrade, standingModerations } from '../case-audit/findings';
import type { CaseAudit, Moderation } from '../case-audit/records';
import { findLevel, findScale } from '../framework/lookup';
import type { Framework, Scale } from '../framework/types';
import type { AuditChallenge, AuditChallengeCase } from './records';

/** Audits a director can put to the test: completed (or moderated) and graded overall. */
export function challengeableAudits(audits: readonly CaseAudit[]): CaseAudit[] {
  return audits
    .filter((a) => isCounted(a) && a.overallGrade)
    .sort((a, b) => b.auditDate.localeCompare(a.auditDate) || a.caseReference.localeCompare(b.caseReference));
}

export function withChallengeCases(
  challenge: AuditChallenge | undefined,
  audits: readonly Pick<CaseAudit, 'id' | 'caseReference'>[],
): AuditChallenge {
  const current = challenge ?? { moderator: '', cases: [] };
  const held = new Set(current.cases.map((c) => c.auditId));
  const added = audits
    .filter((a) => !held.has(a.id))
    .map((a) => ({ auditId: a.id, caseReference: a.caseReference }));
  return { ...current, cases: [...current.cases, ...added] };
}

/** Removes a case not yet graded by the inspector; a submitted grade stays. */
export function withoutChallengeCase(challenge: AuditChallenge, auditId: string): AuditChallenge {
  return { ...challenge, cases: challenge.cases.filter((c) => c.auditId !== auditId || c.submittedAt) };
}

/** The inspector's blind grade, once: a case already submitted is left as it was. */
export function withInspectorGrade(
  challenge: AuditChallenge,
  input: { auditId: string; grade: string; reason: string; at: string },
): AuditChallenge {
  return {
    ...challenge,
    cases: challenge.cases.map((c) =>
      c.auditId !== input.auditId || c.submittedAt
        ? c
        : { ...c, inspectorGrade: input.grade, inspectorReason: input.reason.trim(), submittedAt: input.at },
    ),
  };
}

export function scaleOfAudit(frameworks: readonly Framework[], audit: CaseAudit): Scale | undefined {
  const framework = frameworks.find((f) => f.id === audit.frameworkId);
  const tool = framework?.auditTools.find((t) => t.id === audit.toolId);
  return framework && tool ? findScale(framework, tool.scaleId) : undefined;
}

export interface ChallengeResult {
  /** One entry per submitted case: the council's standing grade beside the inspector's, in words. */
  rows: {
    caseReference: string;
    auditId: string;
    council?: string;
    inspector?: string;
    reason: string;
    held: boolean;
  }[];
  /** Agreement per scale the submitted cases use (usually one). */
  agreements: { scale: Scale; agreement: Agreement }[];
  held: number;
  submitted: number;
}

export function computeChallengeResult(input: {
  challenge: AuditChallenge;
  audits: readonly CaseAudit[];
  moderations: readonly Moderation[];
  frameworks: readonly Framework[];
}): ChallengeResult {
  const byId = new Map(input.audits.map((a) => [a.id, a]));
  const moderationOf = standingModerations(input.moderations);
  const pairsByScale = new Map<string, { scale: Scale; pairs: GradePair[] }>();
  const rows: ChallengeResult['rows'] = [];
  for (const c of input.challenge.cases.filter((x): x is AuditChallengeCase & { submittedAt: string } =>
    Boolean(x.submittedAt),
  )) {
    const audit = byId.get(c.auditId);
    const scale = audit && scaleOfAudit(input.frameworks, audit);
    const council = audit ? standingGrade(audit, moderationOf.get(audit.id)) : undefined;
    if (scale) {
      const entry = pairsByScale.get(scale.id) ?? { scale, pairs: [] };
      entry.pairs.push({ first: council, second: c.inspectorGrade });
      pairsByScale.set(scale.id, entry);
    }
    rows.push({
      caseReference: c.caseReference,
      auditId: c.auditId,
      council: findLevel(scale, council)?.label ?? council,
      inspector: findLevel(scale, c.inspectorGrade)?.label ?? c.inspectorGrade,
      reason: c.inspectorReason ?? '',
      held: council !== undefined && council === c.inspectorGrade,
    });
  }
  const agreements = [...pairsByScale.values()].map(({ scale, pairs }) => ({
    scale,
    agreement: computeAgreement(pairs, scale),
  }));
  return { rows, agreements, held: rows.filter((r) => r.held).length, submitted: rows.length };
}
