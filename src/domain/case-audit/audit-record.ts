/*
 * Starting and completing a case audit. An audit cannot be completed while a safeguarding escalation
 * has no response recorded: a child who may be at risk now must never be filed away as done.
 */
import type { AuditTool, Framework } from '../framework/types';
import { NOT_APPLICABLE } from '../workspace/vocabulary';
import type { CaseAudit } from './records';

export function criterionIdsOfTool(tool: AuditTool): string[] {
  return [...new Set(tool.domains.flatMap((d) => d.questions.flatMap((q) => q.criterionIds ?? [])))];
}

export function newCaseAudit(input: {
  framework: Framework;
  tool: AuditTool;
  meta: { id: string; createdAt: string; updatedAt: string; updatedBy: string };
  caseReference: string;
  caseType: string;
  team: string;
  worker: string;
  auditor: string;
  auditDate: string;
  roundId?: string;
}): CaseAudit {
  const { framework, tool, meta, ...header } = input;
  return {
    ...meta,
    ...header,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    toolId: tool.id,
    toolVersion: tool.version,
    answers: {},
    domainGrades: {},
    strengths: '',
    worries: '',
    voiceOfChildAndFamily: '',
    practitionerActions: '',
    managerActions: '',
    practitionerResponse: '',
    themes: [],
    contributions: [],
    status: 'draft',
    criterionIds: criterionIdsOfTool(tool),
  };
}

/** What must be done before an audit can be marked complete; empty when it can. */
export function completionProblems(audit: CaseAudit, tool: AuditTool): string[] {
  const problems: string[] = [];
  if (!audit.caseReference.trim()) problems.push('Enter the case reference.');
  if (!audit.auditor.trim()) problems.push('Enter the auditor.');
  for (const domain of tool.domains) {
    for (const question of domain.questions.filter((q) => q.required)) {
      if (!audit.answers[question.id]?.trim()) problems.push(`Answer “${question.text}” (${domain.title}).`);
    }
    if (domain.graded && !audit.domainGrades[domain.id])
      problems.push(`Grade the domain “${domain.title}”, or mark it not applicable.`);
  }
  if (!audit.overallGrade || audit.overallGrade === NOT_APPLICABLE)
    problems.push('Give the case an overall grade.');
  if (audit.escalation && !audit.escalation.closedAt && audit.escalation.log.length === 0) {
    problems.push(
      'A safeguarding concern was escalated: record who was told, when and what happened before completing the audit.',
    );
  }
  return problems;
}

export function hasOpenEscalation(audit: CaseAudit): boolean {
  return !audit.deletedAt && audit.escalation !== undefined && audit.escalation.closedAt === undefined;
}
