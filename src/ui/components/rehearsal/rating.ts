import type { ReadinessRating } from '../../../domain/rehearsal/readiness';

export const RATING: Record<ReadinessRating, { text: string; tag: string }> = {
  ready: { text: 'Ready', tag: 'govuk-tag--green' },
  'nearly-ready': { text: 'Nearly ready', tag: 'govuk-tag--yellow' },
  'not-ready': { text: 'Not ready', tag: 'govuk-tag--red' },
};
