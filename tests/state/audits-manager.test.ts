import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeCriterionAuditFindings } from '../../src/domain/case-audit/criterion-evidence';
import { computeFindingsView } from '../../src/domain/case-audit/findings-view';
import { criterionIdsOfTool } from '../../src/domain/case-audit/audit-record';
import { AuditsManager } from '../../src/state/audits-manager.svelte';
import { SaveStatusManager } from '../../src/state/save-status.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { auditsRepository } from '../../src/storage/repositories/audits-repository';
import { AUTHOR, makeCaseAudit, nextId } from '../helpers/builders';
import { moderationOf } from '../helpers/audit-workspaces';
import { shippedFramework } from '../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const tool = framework.auditTools.find((t) => t.caseType !== 'multi-agency')!;
const criterionIds = criterionIdsOfTool(tool);
const completed = (overrides = {}) =>
  makeCaseAudit({
    frameworkId: framework.id,
    toolId: tool.id,
    status: 'complete',
    criterionIds,
    domainGrades: Object.fromEntries(tool.domains.filter((d) => d.graded).map((d) => [d.id, 'good'])),
    ...overrides,
  });

let db: WorkbookDatabase;
let manager: AuditsManager;
beforeEach(async () => {
  db = openWorkbookDatabase(`audits-manager-${crypto.randomUUID()}`);
  await db.open();
  manager = new AuditsManager(auditsRepository(db), new SaveStatusManager(), () => AUTHOR, nextId);
});
afterEach(async () => {
  await db.delete();
});

describe('audit evidence computed once per change', () => {
  it('gives every caller the same findings until the audits change, then the new ones', async () => {
    await db.caseAudits.bulkAdd([completed({ id: 'a1' }), completed({ id: 'a2' })]);
    await manager.load();
    const first = manager.findingsFor(framework);
    expect(manager.findingsFor(framework)).toBe(first);
    expect(first).toEqual(computeCriterionAuditFindings(framework, manager.audits, manager.moderations));
    expect(first.get(criterionIds[0]!)?.auditIds.sort()).toEqual(['a1', 'a2']);

    await manager.saveAudit(completed({ id: 'a3' }));
    const after = manager.findingsFor(framework);
    expect(after).not.toBe(first);
    expect(after.get(criterionIds[0]!)?.auditIds.sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('computes again when a moderation changes the grade that stands', async () => {
    await db.caseAudits.bulkAdd([completed({ id: 'a1', overallGrade: 'good' })]);
    await manager.load();
    const before = manager.evidenceFor(framework);
    await manager.saveModeration(
      moderationOf('a1', { moderatedOverallGrade: 'inadequate', submittedAt: AUTHOR.now }),
    );
    const after = manager.evidenceFor(framework);
    expect(after).not.toBe(before);
    expect(after.moderations.get('a1')?.moderatedOverallGrade).toBe('inadequate');
  });

  it('keeps the Findings page’s figures per choice until the audits or moderations change', async () => {
    await db.caseAudits.bulkAdd([completed({ id: 'a1' }), completed({ id: 'a2', overallGrade: 'good' })]);
    await manager.load();
    const all = { scope: { kind: 'all' as const }, dimension: 'team' as const };
    const first = manager.findingsView(framework, all, computeFindingsView);
    expect(first).toEqual(computeFindingsView(framework, manager.audits, manager.moderations, all));
    expect(manager.findingsView(framework, { ...all }, computeFindingsView)).toBe(first);
    const byAuditor = manager.findingsView(framework, { ...all, dimension: 'auditor' }, computeFindingsView);
    expect(byAuditor).not.toBe(first);
    expect(manager.findingsView(framework, all, computeFindingsView)).toBe(first);

    await manager.saveModeration(
      moderationOf('a2', { moderatedOverallGrade: 'inadequate', submittedAt: AUTHOR.now }),
    );
    const afterModeration = manager.findingsView(framework, all, computeFindingsView);
    expect(afterModeration).not.toBe(first);
    expect(afterModeration?.disagreements.map((d) => d.audit.id)).toEqual(['a2']);

    await manager.saveAudit(completed({ id: 'a3' }));
    expect(
      manager
        .findingsView(framework, all, computeFindingsView)
        ?.audits.map((a) => a.id)
        .sort(),
    ).toEqual(['a1', 'a2', 'a3']);
  });

  it('finds an audit’s moderation by id, the first one as a search would', async () => {
    await db.moderations.bulkAdd([
      moderationOf('a1', { id: 'm1' }),
      moderationOf('a2', { id: 'm2' }),
      moderationOf('a1', { id: 'm3' }),
    ]);
    await manager.load();
    expect(manager.moderationOf('a1')?.id).toBe('m1');
    expect(manager.moderationOf('a2')?.id).toBe('m2');
    expect(manager.moderationOf('a9')).toBeUndefined();
  });
});

describe('reading for later', () => {
  it('puts nothing in state until the step it returns is run', async () => {
    await db.caseAudits.bulkAdd([completed({ id: 'a1' })]);
    const put = await manager.read();
    expect(manager.loaded).toBe(false);
    expect(manager.audits).toEqual([]);
    put();
    expect(manager.loaded).toBe(true);
    expect(manager.audits.map((a) => a.id)).toEqual(['a1']);
  });

  it('never puts back older records over a change made after reading: it reads again', async () => {
    await db.caseAudits.bulkAdd([completed({ id: 'a1' })]);
    const put = await manager.read();
    await manager.saveAudit(completed({ id: 'a2' }));
    put();
    expect(manager.audits.map((a) => a.id)).toContain('a2');
    await manager.load();
    expect(manager.audits.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
  });
});
