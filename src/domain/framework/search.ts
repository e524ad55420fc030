/*
 * Plain-text search over a criterion and its guidance; every word of the query must appear somewhere.
 */
import type { Criterion } from './types';

export function criterionMatches(criterion: Criterion, query: string): boolean {
  const words = query.toLocaleLowerCase('en-GB').split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = [
    criterion.ref,
    criterion.title,
    criterion.descriptor,
    ...Object.values(criterion.gradeDescriptors ?? {}),
    ...criterion.evidencePrompts,
    ...criterion.linesOfEnquiry,
    ...criterion.tags,
  ]
    .join('\n')
    .toLocaleLowerCase('en-GB');
  return words.every((word) => haystack.includes(word));
}
