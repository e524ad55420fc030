/*
 * Agreement between auditors and moderators, grouped as audit groups report it: by round, by auditor
 * and by domain, with the audits where the two disagreed on the overall grade or on any domain. Only
 * submitted moderations count.
 */
import type { AuditTool, Scale } from '../framework/types';
import { computeAgreement, type Agreement, type GradePair } from './agreement';
import type { CaseAudit, Moderation } from './records';

export interface AgreementRow {
  key: string;
  agreement: Agreement;
}

export interface DomainDisagreement {
  domainId: string;
  auditor: string;
  moderator: string;
}

export interface Disagreement {
  audit: CaseAudit;
  moderation: Moderation;
  /** The overall grades differ. */
  overall: boolean;
  /** Domains both graded, differently, in the order the auditor graded them. */
  domains: DomainDisagreement[];
}

function moderatedPairs(audits: readonly CaseAudit[], moderations: readonly Moderation[]) {
  const submitted = moderations.filter((m) => !m.deletedAt && m.submittedAt);
  // Only the moderated audits are looked up: a few thousand ids, not every audit.
  const moderatedIds = new Set(submitted.map((m) => m.auditId));
  const byAudit = new Map<string, CaseAudit>();
  for (const audit of audits)
    if (!audit.deletedAt && moderatedIds.has(audit.id)) byAudit.set(audit.id, audit);
  return submitted
    .filter((m) => byAudit.has(m.auditId))
    .map((moderation) => ({ audit: byAudit.get(moderation.auditId)!, moderation }));
}

export function computeAgreementBy(
  group: 'round' | 'auditor',
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
  scale: Scale,
): AgreementRow[] {
  const groups = new Map<string, GradePair[]>();
  for (const { audit, moderation } of moderatedPairs(audits, moderations)) {
    const key = group === 'round' ? (audit.roundId ?? 'No round') : audit.auditor || 'Not recorded';
    const pairs = groups.get(key) ?? [];
    if (pairs.length === 0) groups.set(key, pairs);
    pairs.push({ first: audit.overallGrade, second: moderation.overallGrade });
  }
  const all = [...groups.values()].flat();
  const rows = [...groups.entries()].map(([key, pairs]) => ({
    key,
    agreement: computeAgreement(pairs, scale),
  }));
  rows.sort((a, b) => a.key.localeCompare(b.key));
  return rows.length ? [...rows, { key: 'All', agreement: computeAgreement(all, scale) }] : [];
}

/** Auditor against moderator on the overall grade, over every submitted moderation. */
export function computeOverallAgreement(
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
  scale: Scale,
): Agreement {
  const pairs = moderatedPairs(audits, moderations).map(({ audit, moderation }) => ({
    first: audit.overallGrade,
    second: moderation.overallGrade,
  }));
  return computeAgreement(pairs, scale);
}

export function computeDomainAgreement(
  tool: AuditTool,
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
  scale: Scale,
): AgreementRow[] {
  const pairs = moderatedPairs(
    audits.filter((a) => a.toolId === tool.id),
    moderations,
  );
  return tool.domains
    .filter((d) => d.graded)
    .map((domain) => ({
      key: domain.id,
      agreement: computeAgreement(
        pairs.map(({ audit, moderation }) => ({
          first: audit.domainGrades[domain.id],
          second: moderation.domainGrades[domain.id],
        })),
        scale,
      ),
    }));
}

export function listDisagreements(
  audits: readonly CaseAudit[],
  moderations: readonly Moderation[],
): Disagreement[] {
  return moderatedPairs(audits, moderations).flatMap(({ audit, moderation }) => {
    const overall = audit.overallGrade !== moderation.overallGrade;
    const domains = domainDisagreements(audit, moderation);
    return overall || domains.length ? [{ audit, moderation, overall, domains }] : [];
  });
}

function domainDisagreements(audit: CaseAudit, moderation: Moderation): DomainDisagreement[] {
  const ids = new Set([...Object.keys(audit.domainGrades), ...Object.keys(moderation.domainGrades)]);
  return [...ids].flatMap((domainId) => {
    const auditor = audit.domainGrades[domainId];
    const moderator = moderation.domainGrades[domainId];
    return auditor && moderator && auditor !== moderator ? [{ domainId, auditor, moderator }] : [];
  });
}
