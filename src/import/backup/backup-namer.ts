/*
 * Names a place in a backup file in the user's terms: "Evidence item 4 (“Scorecard”)" rather than
 * "/records/evidence/3".
 */
import type { ContextNamer } from '../../validation/messages';

const TABLE_WORDS: Record<string, string> = {
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
};

export function backupNamer(data: unknown): ContextNamer {
  return (path) => {
    const [root, table, index] = path;
    if (root !== 'records' || typeof table !== 'string') return { crumbs: [], consumed: 0 };
    if (typeof index !== 'number')
      return { crumbs: [`the ${TABLE_WORDS[table] ?? table} list`], consumed: 2 };
    const item = recordAt(data, table, index);
    const label = typeof item?.['title'] === 'string' ? ` (“${item['title'].slice(0, 60)}”)` : '';
    return { crumbs: [`${TABLE_WORDS[table] ?? table} ${index + 1}${label}`], consumed: 3 };
  };
}

function recordAt(data: unknown, table: string, index: number): Record<string, unknown> | undefined {
  const records = (data as { records?: Record<string, unknown> } | undefined)?.records;
  const list = records?.[table];
  const item = Array.isArray(list) ? list[index] : undefined;
  return item && typeof item === 'object' ? (item as Record<string, unknown>) : undefined;
}
