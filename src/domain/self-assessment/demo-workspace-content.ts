/*
 * Who's who and what evidence the example workspace holds: Exampleshire County Council, a fictional
 * council. Every title, figure and finding is invented and staff appear only as roles, never names.
 * Dates are whole months before "today", never fixed, so the example never goes out of date.
 */
import type { EvidenceType } from '../workspace/vocabulary';

export const DEMO_COUNCIL = 'Exampleshire County Council';

export const ROLES = {
  dcs: 'Director of Children’s Services',
  psw: 'Principal Social Worker',
  qa: 'Quality Assurance Manager',
  workforce: 'Head of Workforce Development',
  commissioning: 'Head of Commissioning',
  earlyHelp: 'Head of Early Help',
  frontDoor: 'Head of Service, Front Door',
  safeguarding: 'Head of Service, Safeguarding',
  reviewing: 'Safeguarding and Reviewing Manager',
  exploitation: 'Exploitation Lead',
  lado: 'Designated Officer (LADO)',
  disabled: 'Head of Service, Disabled Children',
  inCare: 'Head of Service, Children in Care',
  fostering: 'Head of Fostering',
  virtualSchool: 'Virtual School Head',
  leavingCare: 'Head of Leaving Care',
  performance: 'Performance and Intelligence Manager',
  participation: 'Participation Lead',
} as const;

export interface DemoEvidence {
  key: string;
  title: string;
  type: EvidenceType;
  monthsAgo: number;
  owner: string;
  location: string;
  notes: string;
}

const evidence = (
  key: string,
  title: string,
  type: EvidenceType,
  monthsAgo: number,
  owner: string,
  location: string,
  notes = '',
): DemoEvidence => ({ key, title, type, monthsAgo, owner, location, notes });

/** Over the last two years; those more than 12 months old are stale on purpose. */
export const DEMO_EVIDENCE: DemoEvidence[] = [
  evidence(
    'audit-q2',
    'Case audit summary, quarter 2',
    'audit-findings',
    2,
    ROLES.qa,
    'QA site › Audits',
    '48 audits, 16 moderated. 61% good or better, up from 55%.',
  ),
  evidence('audit-q1', 'Case audit summary, quarter 1', 'audit-findings', 5, ROLES.qa, 'QA site › Audits'),
  evidence('audit-q4', 'Case audit summary, quarter 4', 'audit-findings', 8, ROLES.qa, 'QA site › Audits'),
  evidence(
    'audit-themed-cp',
    'Themed audit: child protection plans',
    'audit-findings',
    4,
    ROLES.psw,
    'QA site › Themed audits',
    'Plans specific in 7 of 10; contingency weak in 4.',
  ),
  evidence(
    'front-door-dip',
    'Front door dip sample of contacts',
    'audit-findings',
    3,
    ROLES.frontDoor,
    'QA site › Front door',
  ),
  evidence(
    'scorecard',
    'Monthly performance scorecard',
    'performance-data',
    1,
    ROLES.performance,
    'https://intranet.example.invalid/performance/scorecard',
    'With statistical neighbour comparators.',
  ),
  evidence(
    'caseloads',
    'Caseload and workforce report',
    'performance-data',
    2,
    ROLES.workforce,
    'Workforce board papers',
    'Average caseload 17; agency rate 14%.',
  ),
  evidence(
    'virtual-school',
    'Virtual school annual report',
    'performance-data',
    9,
    ROLES.virtualSchool,
    'Education › Virtual school',
  ),
  evidence(
    'missing-report',
    'Missing and exploitation panel report',
    'performance-data',
    15,
    ROLES.exploitation,
    'Partnership papers',
    'Not yet refreshed this year.',
  ),
  evidence(
    'care-leaver-survey',
    'Care leavers’ survey “Your Voice”',
    'feedback-children-families',
    6,
    ROLES.participation,
    'Participation team › Surveys',
    '112 responses.',
  ),
  evidence(
    'cic-council',
    'Children in Care Council feedback',
    'feedback-children-families',
    3,
    ROLES.participation,
    'Corporate parenting board papers',
  ),
  evidence(
    'family-feedback',
    'Family feedback after child protection conferences',
    'feedback-children-families',
    14,
    ROLES.reviewing,
    'Reviewing service › Feedback',
    'Not repeated this year.',
  ),
  evidence(
    'staff-survey',
    'Social work health check (staff survey)',
    'staff-feedback',
    8,
    ROLES.psw,
    'Workforce › Health check',
  ),
  evidence(
    'asye-group',
    'Newly qualified social workers’ focus group',
    'staff-feedback',
    11,
    ROLES.workforce,
    'Workforce › ASYE programme',
  ),
  evidence(
    'iro-report',
    'Independent reviewing service annual report',
    'performance-data',
    13,
    ROLES.reviewing,
    'Reviewing service › Annual reports',
  ),
  evidence(
    'peer-review',
    'Regional peer review of partnership working',
    'external-review',
    16,
    ROLES.dcs,
    'Improvement board papers',
  ),
  evidence(
    'ilacs-report',
    'Ofsted ILACS inspection report',
    'inspection-letter',
    24,
    ROLES.dcs,
    'Published report (council website)',
    'Overall effectiveness: requires improvement to be good.',
  ),
  evidence(
    'focused-visit',
    'Ofsted focused visit letter: care leavers',
    'inspection-letter',
    10,
    ROLES.dcs,
    'Improvement board papers',
  ),
  evidence(
    'aec-letter',
    'Annual engagement meeting letter',
    'inspection-letter',
    7,
    ROLES.dcs,
    'DCS office › Ofsted',
  ),
  evidence(
    'corporate-parenting',
    'Corporate parenting board minutes',
    'policy-minutes',
    1,
    ROLES.inCare,
    'Committee papers',
  ),
  evidence(
    'sufficiency',
    'Placement sufficiency strategy',
    'policy-minutes',
    19,
    ROLES.commissioning,
    'Strategies › Sufficiency',
    'Refresh overdue.',
  ),
  evidence(
    'practice-week',
    'Listening and Learning practice week report',
    'practice-observation',
    4,
    ROLES.psw,
    'QA site › Practice weeks',
    'Senior managers observed 22 visits and meetings.',
  ),
  evidence(
    'supervision-obs',
    'Observations of supervision',
    'practice-observation',
    5,
    ROLES.psw,
    'QA site › Observations',
  ),
];
