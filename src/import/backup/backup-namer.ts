/*
 * Names a place in a backup file in the user's terms: "Evidence item 4 (“Scorecard”) › linked
 * evidence" rather than "/records/evidence/3/evidenceIds". Used for schema problems and for the
 * door's own checks alike, so both locate a record the same way.
 */
import { cycleLabel } from '../../domain/format/dates';
import { fieldWords, type ContextNamer } from '../../validation/messages';

export const TABLE_WORDS: Readonly<Record<string, string>> = {
  settings: 'Setting',
  frameworks: 'Imported framework',
  cycles: 'Assessment cycle',
  criterionAssessments: 'Criterion assessment',
  judgementAssessments: 'Judgement assessment',
  narratives: 'Narrative',
  evidence: 'Evidence item',
  actions: 'Action',
  recommendations: 'Recommendation',
  auditRounds: 'Audit round',
  caseAudits: 'Case audit',
  moderations: 'Moderation',
  indicators: 'Indicator',
  rehearsals: 'Rehearsal',
  notificationItems: 'Notification-week item',
  comments: 'Comment',
};

/** Fields that hold links or owners, in the words the pages use for them. */
const FIELD_WORDS: Readonly<Record<string, string>> = {
  cycleId: 'cycle',
  previousCycleId: 'last year’s cycle',
  criterionId: 'criterion',
  judgementId: 'judgement',
  evidenceIds: 'linked evidence',
  criterionIds: 'linked criteria',
  judgementIds: 'linked judgements',
  recommendationIds: 'linked recommendations',
  auditIds: 'linked case audits',
  toolIds: 'audit tools',
  roundId: 'audit round',
  auditId: 'case audit',
  toolId: 'audit tool',
  frameworkId: 'framework',
  agreedGrade: 'agreed grade',
};

/** "Case audit 3 (“EX-0001”)": the record's kind, its place in the file and what the user calls it. */
export function recordName(table: string, index: number, record: unknown): string {
  const label = labelOf(table, record);
  return `${own(TABLE_WORDS, table) ?? table} ${index + 1}${label ? ` (${label})` : ''}`;
}

export function backupNamer(data: unknown): ContextNamer {
  return (path) => {
    const [root, table, index] = path;
    if (root !== 'records' || typeof table !== 'string') return { crumbs: [], consumed: 0 };
    if (typeof index !== 'number')
      return { crumbs: [`the ${own(TABLE_WORDS, table) ?? table} list`], consumed: 2 };
    // Every field below the record in the pages' words: "answers, item 1 › linked evidence".
    const crumbs = [recordName(table, index, recordAt(data, table, index))];
    for (const segment of path.slice(3)) {
      if (typeof segment === 'number') crumbs[crumbs.length - 1] += `, item ${segment + 1}`;
      else crumbs.push(own(FIELD_WORDS, segment) ?? fieldWords(segment));
    }
    return { crumbs, consumed: path.length };
  };
}

function labelOf(table: string, record: unknown): string {
  if (!record || typeof record !== 'object') return '';
  const r = record as Record<string, unknown>;
  const quoted = (value: unknown) => (typeof value === 'string' && value ? `“${value.slice(0, 60)}”` : '');
  switch (table) {
    case 'cycles':
      return typeof r['startYear'] === 'number' ? cycleLabel(r['startYear']) : '';
    case 'criterionAssessments':
      return r['criterionId'] ? `criterion ${quoted(r['criterionId'])}` : '';
    case 'judgementAssessments':
    case 'narratives':
      return r['judgementId'] ? `judgement ${quoted(r['judgementId'])}` : '';
    case 'caseAudits':
      return quoted(r['caseReference']);
    case 'indicators':
      return quoted(r['name']);
    case 'recommendations':
      return quoted(r['reference']) || quoted(r['text']);
    case 'settings':
    case 'frameworks':
      return quoted(r['key']);
    default:
      return quoted(r['title']) || (table === 'notificationItems' ? quoted(r['id']) : '');
  }
}

function recordAt(data: unknown, table: string, index: number): unknown {
  const records = (data as { records?: Record<string, unknown> } | undefined)?.records;
  const list = records && Object.hasOwn(records, table) ? records[table] : undefined;
  return Array.isArray(list) ? list[index] : undefined;
}

/** A lookup that a table named "__proto__" in an untrusted file cannot reach past. */
function own(table: Readonly<Record<string, string>>, key: string): string | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}
