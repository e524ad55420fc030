/*
 * Stored values in words for history tables: level ids as their labels, vocabulary keys as their
 * words, evidence ids as titles, long text shortened.
 */
import { findLevel } from '../../domain/framework/lookup';
import type { Scale } from '../../domain/framework/types';
import type { EvidenceItem } from '../../domain/workspace/records';
import {
  CONFIDENCE_LEVELS,
  NOT_APPLICABLE,
  NOT_YET_GRADED,
  WORKFLOW_STATUSES,
} from '../../domain/workspace/vocabulary';

const SPECIAL: Record<string, string> = {
  [NOT_YET_GRADED]: 'Not yet graded',
  [NOT_APPLICABLE]: 'Not applicable',
};

export function valueDescriber(scale: Scale | undefined, evidence: readonly EvidenceItem[]) {
  return (field: string, value: string): string => {
    if (value === '') return '(blank)';
    if (field === 'grade' || field === 'agreedGrade')
      return findLevel(scale, value)?.label ?? SPECIAL[value] ?? value;
    if (field === 'confidence') return CONFIDENCE_LEVELS[value as keyof typeof CONFIDENCE_LEVELS] ?? value;
    if (field === 'status') return WORKFLOW_STATUSES[value as keyof typeof WORKFLOW_STATUSES] ?? value;
    if (field === 'toReEvaluate') return value === 'true' ? 'To re-evaluate' : 'Confirmed';
    if (field === 'evidenceIds') {
      return value
        .split(',')
        .map((id) => evidence.find((e) => e.id === id)?.title ?? 'deleted evidence')
        .join('; ');
    }
    return value.length > 200 ? `${value.slice(0, 200)}…` : value;
  };
}
