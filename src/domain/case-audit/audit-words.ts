/*
 * The words an audit page uses for what is audited. Most tools audit a child's case; a section 11
 * (or schools' section 175/157) tool audits one agency's own return, which is then tested at a
 * challenge panel. One vocabulary, so the audit, moderation and list pages never call an agency's
 * return "the case".
 */
import type { AuditTool } from '../framework/types';

export interface AuditWords {
  /** "Case audit EX-0001" / "Section 11 return S11-2026-POLICE": the audit's heading before its reference. */
  heading: string;
  /** The section that says what is audited. */
  subjectHeading: string;
  referenceLabel: string;
  referenceHint: string | undefined;
  /** The organisational unit: a team for a case, the agency for a return. */
  unitLabel: string;
  /** The person: the case's worker, or the return's lead officer. */
  personLabel: string;
  overallLegend: string;
  notApplicable: string;
  /** "this case" / "this return", in running text. */
  thisOne: string;
  /** The moderation, by its name. */
  moderation: string;
  /** The link from a completed audit to its moderation. */
  moderateLink: string;
}

const CASE: AuditWords = {
  heading: 'Case audit',
  subjectHeading: 'The case',
  referenceLabel: 'Case reference (pseudonymised)',
  referenceHint: undefined,
  unitLabel: 'Team',
  personLabel: 'Worker',
  overallLegend: 'Overall grade for the case',
  notApplicable: 'Not applicable to this case',
  thisOne: 'this case',
  moderation: 'Moderation',
  moderateLink: 'Moderate it',
};

const AGENCY: AuditWords = {
  heading: 'Agency return',
  subjectHeading: 'The agency',
  referenceLabel: 'Return reference',
  referenceHint: 'The agency and period, for example S11-2026-POLICE. Never a child’s name.',
  unitLabel: 'Agency',
  personLabel: 'Lead officer',
  overallLegend: 'Overall grade for the return',
  notApplicable: 'Not applicable to this agency',
  thisOne: 'this return',
  moderation: 'Challenge panel',
  moderateLink: 'Record the challenge panel',
};

export function auditWords(tool: Pick<AuditTool, 'subject'> | undefined): AuditWords {
  return tool?.subject === 'agency' ? AGENCY : CASE;
}
