/*
 * Ties each reason an audit cannot be completed (domain/case-audit/audit-record.ts completionProblems)
 * to the field on the case audit page that fixes it, for the error summary's links. A reason this does
 * not recognise is still listed, without a link.
 */
import { levelsBestFirst } from '../../domain/framework/lookup';
import type { AuditQuestion, AuditTool, Scale } from '../../domain/framework/types';
import type { FieldProblem } from '../common/field-problems';

function questionField(question: AuditQuestion, scale: Scale): string {
  const id = `q-${question.id}`;
  if (question.answerType === 'grade') return `${id}-${levelsBestFirst(scale)[0]?.id}`;
  if (question.answerType === 'yes-no-partly') return `${id}-yes`;
  if (question.answerType === 'date') return `${id}-day`;
  return id;
}

function fieldFor(problem: string, tool: AuditTool, scale: Scale): string | undefined {
  const best = levelsBestFirst(scale)[0]?.id;
  if (/^Enter the (case )?reference/.test(problem)) return 'audit-ref';
  if (problem.startsWith('Enter the auditor')) return 'audit-auditor';
  if (/overall grade/.test(problem)) return `overall-grade-${best}`;
  if (/escalated/.test(problem)) return 'escalation-told';
  for (const domain of tool.domains) {
    if (problem.startsWith('Grade the domain') && problem.includes(`“${domain.title}”`))
      return `domain-grade-${domain.id}-${best}`;
    if (!problem.startsWith('Answer') || !problem.includes(`(${domain.title})`)) continue;
    const question = domain.questions.find((q) => problem.includes(`“${q.text}”`));
    if (question) return questionField(question, scale);
  }
  return undefined;
}

export function linkCompletionProblems(
  problems: string[],
  tool: AuditTool,
  scale: Scale,
): (string | FieldProblem)[] {
  return problems.map((text) => {
    const fieldId = fieldFor(text, tool, scale);
    return fieldId ? { fieldId, text } : text;
  });
}
