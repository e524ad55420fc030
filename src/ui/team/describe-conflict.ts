/*
 * A team conflict in the person's words: which record and field ("Criterion HP3 strengths, 2026–27
 * self-assessment"), and each side's value as the pages show it (a grade's label, not its id).
 */
import { cycleLabel } from '../../domain/format/dates';
import type { Framework, Scale } from '../../domain/framework/types';
import type { UnitConflict } from '../../state/team.svelte';

type Fields = Record<string, unknown>;

const FIELD_WORDS: Record<string, string> = {
  grade: 'grade',
  agreedGrade: 'agreed grade',
  overallGrade: 'overall grade',
  moderatedOverallGrade: 'moderated overall grade',
  domainGrades: 'domain grades',
  areasForDevelopment: 'areas for development',
  answers: 'answers',
  evidenceIds: 'linked evidence',
  criterionIds: 'linked criteria',
  judgementIds: 'linked judgements',
  recommendationIds: 'linked recommendations',
  auditIds: 'linked case audits',
  toolIds: 'audit tools',
  voiceOfChildAndFamily: 'voice of the child and family',
  dueDate: 'due date',
  dueDay: 'due day',
  rag: 'RAG rating',
  deletedAt: 'deletion',
  councilName: 'council name',
  logoDataUrl: 'logo',
  review: 'review and sign-off',
};

export function fieldName(field: string): string {
  return FIELD_WORDS[field] ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

export type FindFramework = (id: string, version: number) => Framework | undefined;

const text = (value: unknown) => (typeof value === 'string' ? value : '');
const quoted = (value: unknown) => (text(value) ? `“${text(value).slice(0, 60)}”` : '');

function frameworkOf(record: Fields | undefined, find: FindFramework): Framework | undefined {
  return record && typeof record['frameworkVersion'] === 'number'
    ? find(text(record['frameworkId']), record['frameworkVersion'])
    : undefined;
}

function cycleWords(cycle: Fields | undefined, find: FindFramework): string {
  if (!cycle || typeof cycle['startYear'] !== 'number') return 'self-assessment';
  const framework = frameworkOf(cycle, find);
  return `${cycleLabel(cycle['startYear'])} ${framework ? `${framework.shortTitle} ` : ''}self-assessment`;
}

function judgementTitle(framework: Framework | undefined, id: unknown): string {
  const judgement = framework?.judgements.find((j) => j.id === id);
  return judgement ? `“${judgement.shortTitle}”` : quoted(id);
}

/** The record and field in words, e.g. "Case audit CA-0012, overall grade". */
export function conflictTitle(conflict: UnitConflict, find: FindFramework): string {
  const r: Fields = conflict.record ?? {};
  const field = fieldName(conflict.field);
  const framework = frameworkOf(conflict.cycle, find);
  const ofCycle = cycleWords(conflict.cycle, find);
  switch (conflict.table) {
    case 'cycles':
      return `The ${cycleWords(r, find)}, ${field}`;
    case 'criterionAssessments': {
      const criterion = framework?.criteria.find((c) => c.id === r['criterionId']);
      return `Criterion ${criterion?.ref ?? text(r['criterionId'])} ${field}, ${ofCycle}`;
    }
    case 'judgementAssessments':
      return `Judgement ${judgementTitle(framework, r['judgementId'])} ${field}, ${ofCycle}`;
    case 'narratives':
      return `Self-evaluation for ${judgementTitle(framework, r['judgementId'])}, ${ofCycle}`;
    case 'caseAudits':
      return `Case audit ${text(r['caseReference'])}, ${field}`;
    case 'moderations':
      return `Moderation of case audit ${text(conflict.audit?.['caseReference']) || '(not in this browser)'}, ${field}`;
    case 'auditRounds':
      return `Audit round ${quoted(r['title'])}, ${field}`;
    case 'recommendations':
      return `Recommendation ${text(r['reference']) || quoted(r['text'])}, ${field}`;
    case 'indicators':
      return `Indicator ${quoted(r['name'])}, ${field}`;
    case 'evidence':
      return `Evidence ${quoted(r['title'])}, ${field}`;
    case 'actions':
      return `Action ${quoted(r['title'])}, ${field}`;
    case 'rehearsals':
      return `Rehearsal ${quoted(r['title'])}, ${field}`;
    case 'notificationItems':
      return `Notification-week item ${text(r['itemId'])}, ${field}`;
    case 'settings':
      return `Workspace settings, ${field}`;
    case 'frameworks':
      return `Imported framework ${text(r['id'])}, ${field}`;
    case 'comments':
      return `Comment by ${text(r['by']) || 'someone'} ${quoted(r['body'])}, ${field}`;
  }
}

/** The scale a record's grades are on: its judgement's, or its audit tool's. */
function scaleOf(conflict: UnitConflict, find: FindFramework): Scale | undefined {
  const r: Fields = conflict.record ?? {};
  let framework: Framework | undefined;
  let scaleId: string | undefined;
  if (conflict.table === 'criterionAssessments' || conflict.table === 'judgementAssessments') {
    framework = frameworkOf(conflict.cycle, find);
    const judgementId =
      conflict.table === 'judgementAssessments'
        ? r['judgementId']
        : framework?.criteria.find((c) => c.id === r['criterionId'])?.judgementId;
    scaleId = framework?.judgements.find((j) => j.id === judgementId)?.scaleId;
  } else if (conflict.table === 'caseAudits' || conflict.table === 'moderations') {
    const audit = conflict.table === 'caseAudits' ? r : conflict.audit;
    framework = frameworkOf(audit, find);
    scaleId = framework?.auditTools.find((t) => t.id === audit?.['toolId'])?.scaleId;
  }
  return framework?.scales.find((s) => s.id === scaleId);
}

/** One side's value as text: a grade by its label, several texts one after another. */
export function conflictValue(conflict: UnitConflict, value: unknown, find: FindFramework): string {
  if (value === undefined || value === null || value === '') return '(empty)';
  if (typeof value === 'string') {
    const level = /grade/i.test(conflict.field)
      ? scaleOf(conflict, find)?.levels.find((l) => l.id === value)
      : undefined;
    return level?.label ?? value;
  }
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return value.toLocaleString('en-GB');
  if (Array.isArray(value)) return value.length ? value.map(String).join(', ') : '(none)';
  if (typeof value === 'object')
    return Object.values(value as Record<string, unknown>)
      .map(String)
      .join('\n\n');
  return String(value);
}
