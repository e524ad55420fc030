import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { auditsRepository, EscalationOpenError } from '../../src/storage/repositories/audits-repository';
import { AUTHOR, makeCaseAudit } from '../helpers/builders';

let db: WorkbookDatabase;
beforeEach(async () => {
  db = openWorkbookDatabase(`audits-${crypto.randomUUID()}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const escalation = { raisedAt: '2025-05-01T10:00:00Z', raisedBy: 'Auditor', concern: 'Risk now.', log: [] };

describe('audits repository', () => {
  it('refuses to store an audit as complete while its escalation has no response, and keeps the draft', async () => {
    const repo = auditsRepository(db);
    const draft = makeCaseAudit({ status: 'draft', escalation });
    await repo.saveAudit(draft, AUTHOR);
    await expect(repo.saveAudit({ ...draft, status: 'complete' }, AUTHOR)).rejects.toBeInstanceOf(
      EscalationOpenError,
    );
    expect((await db.caseAudits.get(draft.id))?.status).toBe('draft');
    const answered = {
      ...escalation,
      log: [{ at: '2025-05-01T11:00:00Z', by: 'Auditor', toldWho: 'Duty manager', action: 'Visit' }],
    };
    await repo.saveAudit({ ...draft, status: 'complete', escalation: answered }, AUTHOR);
    expect((await db.caseAudits.get(draft.id))?.status).toBe('complete');
  });

  it('lists live audits newest first, in the order the audit-date index read backwards gives', async () => {
    const repo = auditsRepository(db);
    const dates = ['2025-05-01', '2025-06-30', '2025-05-01', '2024-12-31', '2025-06-30', '2025-05-01'];
    const ids = ['m', 'b', 'z', 'a', 'y', 'c'];
    await db.caseAudits.bulkAdd(ids.map((id, i) => makeCaseAudit({ id, auditDate: dates[i]! })));
    await db.caseAudits.add(makeCaseAudit({ id: 'gone', auditDate: '2026-01-01', deletedAt: AUTHOR.now }));
    const listed = (await repo.listAudits()).map((a) => a.id);
    expect(listed).toEqual(['y', 'b', 'z', 'm', 'c', 'a']);
    const byIndex = await db.caseAudits.orderBy('auditDate').reverse().toArray();
    expect(listed).toEqual(byIndex.filter((a) => !a.deletedAt).map((a) => a.id));
  });

  it('finds audits by the criteria their tool maps to', async () => {
    const repo = auditsRepository(db);
    await repo.saveAudit(
      makeCaseAudit({ id: 'a', criterionIds: ['hp-front-door', 'hp-assessment'] }),
      AUTHOR,
    );
    await repo.saveAudit(makeCaseAudit({ id: 'b', criterionIds: ['cl-pathway-plans'] }), AUTHOR);
    expect((await repo.listAuditsForCriterion('hp-assessment')).map((a) => a.id)).toEqual(['a']);
  });

  it('a submitted moderation marks its audit moderated in the same transaction; a draft one does not', async () => {
    const repo = auditsRepository(db);
    const audit = makeCaseAudit({ id: 'a', status: 'complete', overallGrade: 'good' });
    await repo.saveAudit(audit, AUTHOR);
    const moderation = {
      id: 'm',
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
      auditId: 'a',
      moderator: 'M',
      blind: true,
      domainGrades: {},
      reason: '',
    };
    await repo.saveModeration({ ...moderation, overallGrade: 'good' }, AUTHOR);
    expect((await db.caseAudits.get('a'))?.status).toBe('complete');
    await repo.saveModeration(
      { ...moderation, overallGrade: 'good', submittedAt: '2025-06-01T10:00:00Z' },
      AUTHOR,
    );
    expect((await db.caseAudits.get('a'))?.status).toBe('moderated');
    expect(await repo.listModerations()).toHaveLength(1);
  });

  it('soft-deletes an audit and restores it', async () => {
    const repo = auditsRepository(db);
    await repo.saveAudit(makeCaseAudit({ id: 'a' }), AUTHOR);
    await repo.deleteAudit('a', AUTHOR);
    expect(await repo.listAudits()).toEqual([]);
    await repo.restoreAudit('a', AUTHOR);
    expect((await repo.listAudits()).map((a) => a.id)).toEqual(['a']);
  });
});
