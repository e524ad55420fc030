/*
 * A copy of a workspace for sharing with peers or a regional group: case references replaced by
 * numbers, workers', auditors', moderators' and rehearsers' names removed, and every free-text field of
 * audits, rounds, moderations and rehearsals emptied, keeping grades, answers to closed questions,
 * confidence ratings and statistics.
 */
import type { AuditTool, Framework } from '../../domain/framework/types';
import type { WorkspaceBackup } from './backup-format';

export function sanitiseBackup(backup: WorkspaceBackup, frameworks: readonly Framework[]): WorkspaceBackup {
  const r = structuredClone(backup.records);
  const reference = new Map<string, string>();
  const pseudonym = (ref: string) => {
    if (!reference.has(ref)) reference.set(ref, `Case ${reference.size + 1}`);
    return reference.get(ref)!;
  };
  const toolOf = (frameworkId: string, toolId: string): AuditTool | undefined =>
    frameworks.find((f) => f.id === frameworkId)?.auditTools.find((t) => t.id === toolId);
  r.caseAudits = r.caseAudits.map((a) => {
    const tool = toolOf(a.frameworkId, a.toolId);
    const closed = new Set(
      tool?.domains.flatMap((d) => d.questions.filter((q) => q.answerType !== 'text').map((q) => q.id)) ?? [],
    );
    return {
      ...a,
      caseReference: pseudonym(a.caseReference),
      worker: '',
      auditor: '',
      answers: Object.fromEntries(Object.entries(a.answers).filter(([id]) => closed.has(id))),
      strengths: '',
      worries: '',
      voiceOfChildAndFamily: '',
      practitionerActions: '',
      managerActions: '',
      practitionerResponse: '',
      ...(a.escalation
        ? {
            escalation: {
              ...a.escalation,
              raisedBy: '',
              concern: '',
              log: a.escalation.log.map((l) => ({ ...l, by: '', toldWho: '', action: '' })),
            },
          }
        : {}),
      contributions: a.contributions.map((c) => ({ ...c, contributor: '', summary: '' })),
      updatedBy: '',
    };
  });
  r.auditRounds = r.auditRounds.map((round) => ({
    ...round,
    auditors: [],
    caseList: [],
    sample: undefined,
    caseListFileName: undefined,
    updatedBy: '',
  }));
  r.moderations = r.moderations.map((m) => ({ ...m, moderator: '', reason: '', updatedBy: '' }));
  r.rehearsals = r.rehearsals.map((h) => ({
    ...h,
    participants: [],
    answers: h.answers.map((a) => ({ ...a, notes: '' })),
    findings: '',
    sample: undefined,
    updatedBy: '',
  }));
  r.notificationItems = r.notificationItems.map((n) => ({ ...n, owner: '', note: '', updatedBy: '' }));
  r.settings = r.settings.map((s) =>
    s.key === 'workspace' && s.value && typeof s.value === 'object'
      ? { ...s, value: { ...(s.value as object), userName: '' } }
      : s,
  );
  return { ...backup, sanitised: true, records: r };
}
