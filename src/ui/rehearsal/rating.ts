import { READINESS_LABELS, type ReadinessRating } from '../../domain/rehearsal/readiness';

const TAGS: Record<ReadinessRating, string> = {
  ready: 'govuk-tag--green',
  'nearly-ready': 'govuk-tag--yellow',
  'not-ready': 'govuk-tag--red',
};

export const RATING = Object.fromEntries(
  (Object.keys(TAGS) as ReadinessRating[]).map((r) => [r, { text: READINESS_LABELS[r], tag: TAGS[r] }]),
) as Record<ReadinessRating, { text: string; tag: string }>;
