/*
 * Audit rounds, case audits and moderations. An audit with a safeguarding escalation and no response
 * logged is refused as complete here too, whatever the UI allowed. Deletes are soft.
 */
import type { AuditRound, CaseAudit, Moderation } from '../../domain/case-audit/records';
import type { WorkbookDatabase } from '../db';
import { isLive, stamp, type Author } from './stamp';

export class EscalationOpenError extends Error {
  override name = 'EscalationOpenError';
  constructor() {
    super('A safeguarding escalation has no response recorded, so the audit cannot be completed.');
  }
}

/** By audit date, newest first; audits of one date by id, highest first (the index's order, reversed). */
function newestFirst(a: CaseAudit, b: CaseAudit): number {
  if (a.auditDate !== b.auditDate) return a.auditDate < b.auditDate ? 1 : -1;
  return a.id === b.id ? 0 : a.id < b.id ? 1 : -1;
}

export function auditsRepository(db: WorkbookDatabase) {
  return {
    async listRounds(): Promise<AuditRound[]> {
      return (await db.auditRounds.orderBy('periodFrom').reverse().toArray()).filter(isLive);
    },
    async saveRound(round: AuditRound, author: Author): Promise<AuditRound> {
      const saved = stamp(round, author);
      await db.auditRounds.put(saved);
      return saved;
    },
    /** Newest first, as the auditDate index read backwards gives them. */
    async listAudits(): Promise<CaseAudit[]> {
      // Read in key order and sorted here: IndexedDB hands over a whole table in one request, but an
      // index read backwards one record per step, and with 10,000 audits the steps cost most of opening.
      return (await db.caseAudits.toArray()).filter(isLive).sort(newestFirst);
    },
    /** No page asks this often enough to keep an index of every audit's criteria (each write paid for it). */
    async listAuditsForCriterion(criterionId: string): Promise<CaseAudit[]> {
      return (await db.caseAudits.toArray()).filter((a) => isLive(a) && a.criterionIds.includes(criterionId));
    },
    async saveAudit(audit: CaseAudit, author: Author): Promise<CaseAudit> {
      const escalationUnanswered =
        audit.escalation && !audit.escalation.closedAt && audit.escalation.log.length === 0;
      if (audit.status !== 'draft' && escalationUnanswered) throw new EscalationOpenError();
      const saved = stamp(audit, author);
      await db.caseAudits.put(saved);
      return saved;
    },
    async deleteAudit(id: string, author: Author): Promise<void> {
      await db.transaction('rw', db.caseAudits, db.moderations, async () => {
        const audit = await db.caseAudits.get(id);
        if (audit) await db.caseAudits.put(stamp({ ...audit, deletedAt: author.now }, author));
      });
    },
    async restoreAudit(id: string, author: Author): Promise<void> {
      const audit = await db.caseAudits.get(id);
      if (!audit) return;
      const { deletedAt: _deleted, ...live } = audit;
      await db.caseAudits.put(stamp(live as CaseAudit, author));
    },
    async listModerations(): Promise<Moderation[]> {
      return (await db.moderations.toArray()).filter(isLive);
    },
    /** Saves a moderation and, once submitted, marks its audit moderated, in one transaction. */
    async saveModeration(moderation: Moderation, author: Author): Promise<Moderation> {
      return db.transaction('rw', db.caseAudits, db.moderations, async () => {
        const saved = stamp(moderation, author);
        await db.moderations.put(saved);
        const audit = await db.caseAudits.get(moderation.auditId);
        if (moderation.submittedAt && audit && audit.status === 'complete') {
          await db.caseAudits.put(stamp({ ...audit, status: 'moderated' as const }, author));
        }
        return saved;
      });
    },
  };
}

export type AuditsRepository = ReturnType<typeof auditsRepository>;
