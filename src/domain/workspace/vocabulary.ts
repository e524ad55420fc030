/*
 * One vocabulary for the workspace: workflow statuses, confidence, evidence types, action statuses,
 * RAG bands and recommendation sources, with the words users see. Schema enums are tested against these.
 */

export const NOT_YET_GRADED = 'not-yet-graded';
export const NOT_APPLICABLE = 'not-applicable';

export const WORKFLOW_STATUSES = {
  'to-do': 'To do',
  'in-progress': 'In progress',
  'ready-for-review': 'Ready for review',
  agreed: 'Agreed',
} as const;
export type WorkflowStatus = keyof typeof WORKFLOW_STATUSES;

export const CONFIDENCE_LEVELS = { low: 'Low', medium: 'Medium', high: 'High' } as const;
export type Confidence = keyof typeof CONFIDENCE_LEVELS;

export const EVIDENCE_TYPES = {
  'audit-findings': 'Audit findings',
  'performance-data': 'Performance data',
  'feedback-children-families': 'Feedback from children and families',
  'staff-feedback': 'Staff feedback',
  'external-review': 'External review',
  'inspection-letter': 'Inspection letter',
  'policy-minutes': 'Policy or minutes',
  'practice-observation': 'Practice observation',
} as const;
export type EvidenceType = keyof typeof EVIDENCE_TYPES;

export const ACTION_STATUSES = {
  'not-started': 'Not started',
  'in-progress': 'In progress',
  completed: 'Completed',
  'no-longer-needed': 'No longer needed',
} as const;
export type ActionStatus = keyof typeof ACTION_STATUSES;

/** RAG as councils report it: on track (green), at risk (amber), off track (red); blue = completed. */
export const RAG_BANDS = {
  red: 'Red: off track',
  amber: 'Amber: at risk',
  green: 'Green: on track',
  blue: 'Blue: completed',
} as const;
export type RagBand = keyof typeof RAG_BANDS;

export const RECOMMENDATION_SOURCES = {
  inspection: 'Inspection',
  'focused-visit': 'Focused visit',
  'monitoring-visit': 'Monitoring visit',
  jtai: 'Joint targeted area inspection (JTAI)',
  'annual-engagement-letter': 'Annual engagement letter',
  'peer-review': 'Peer review',
} as const;
export type RecommendationSource = keyof typeof RECOMMENDATION_SOURCES;

export const CYCLE_STATUSES = { draft: 'Draft', final: 'Final' } as const;
export type CycleStatus = keyof typeof CYCLE_STATUSES;

/** What can happen to a cycle's status, as its history shows it. */
export const CYCLE_STATUS_CHANGES = { finalised: 'Marked final', reopened: 'Reopened' } as const;
export type CycleStatusChangeKind = keyof typeof CYCLE_STATUS_CHANGES;

export const PROTECTIVE_MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE'] as const;
export const DEFAULT_PROTECTIVE_MARKING = 'OFFICIAL-SENSITIVE';

/** Evidence older than this is stale (design: older than 12 months). */
export const STALE_AFTER_MONTHS = 12;
