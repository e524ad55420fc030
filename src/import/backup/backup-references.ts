/*
 * What the schema cannot check in a backup: ids unique within each table, and every record pointing
 * at records that exist (assessments at their cycle, moderations at their audit).
 */
import { BACKUP_TABLES, type WorkspaceBackup } from '../../export/backup/backup-format';
import type { IssueMessage } from '../../validation/messages';

export function checkBackupReferences(backup: WorkspaceBackup): IssueMessage[] {
  const problems: IssueMessage[] = [];
  const r = backup.records;
  for (const table of BACKUP_TABLES) {
    if (table === 'settings' || table === 'frameworks') continue;
    const seen = new Set<string>();
    for (const record of r[table] as { id: string }[]) {
      if (seen.has(record.id))
        problems.push(
          error(`The ${table} list`, `has the id “${record.id}” twice. Each record needs its own id.`),
        );
      seen.add(record.id);
    }
  }
  const cycles = new Set(r.cycles.map((c) => c.id));
  for (const table of ['criterionAssessments', 'judgementAssessments', 'narratives'] as const) {
    r[table].forEach((record, i) => {
      if (!cycles.has(record.cycleId))
        problems.push(
          error(`${table} ${i + 1}`, `belongs to cycle “${record.cycleId}”, which is not in the file.`),
        );
    });
  }
  const audits = new Set(r.caseAudits.map((a) => a.id));
  r.moderations.forEach((m, i) => {
    if (!audits.has(m.auditId))
      problems.push(
        error(`Moderation ${i + 1}`, `moderates audit “${m.auditId}”, which is not in the file.`),
      );
  });
  return problems;
}

function error(location: string, text: string): IssueMessage {
  return { severity: 'error', location, text };
}
