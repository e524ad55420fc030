/*
 * A starter scorecard for children's services, as safeguarding boards keep it. Targets and links
 * to criteria are suggestions for a council to change; the ids of the criteria are ILACS ones.
 */
import type { Indicator } from './records';

type Starter = Omit<
  Indicator,
  'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'values' | 'source' | 'owner'
>;

const STARTERS: Starter[] = [
  {
    name: 'Contacts with a decision within one working day',
    definition:
      'Contacts to the front door with a decision on next steps within one working day, as a share of all contacts.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 90,
    tolerance: 5,
    criterionIds: ['hp-front-door'],
  },
  {
    name: 'Re-referrals within 12 months',
    definition: 'Referrals within 12 months of a previous referral, as a share of all referrals.',
    unit: 'percent',
    polarity: 'lower-is-better',
    frequency: 'month',
    target: 20,
    tolerance: 3,
    criterionIds: ['hp-front-door', 'hp-early-help'],
  },
  {
    name: 'Assessments completed within 45 working days',
    definition:
      'Children and family assessments completed within 45 working days, as a share of those completed.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 85,
    tolerance: 5,
    criterionIds: ['hp-assessment'],
  },
  {
    name: 'Children on a child protection plan',
    definition: 'Children on a child protection plan at the end of the period, per 10,000 children.',
    unit: 'rate-per-10000',
    polarity: 'lower-is-better',
    frequency: 'month',
    tolerance: 0,
    criterionIds: ['hp-plans-and-reviews'],
  },
  {
    name: 'Child protection plans lasting two years or more',
    definition: 'Plans ending in the period that had lasted two years or more, as a share of plans ending.',
    unit: 'percent',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 2,
    tolerance: 1,
    criterionIds: ['hp-plans-and-reviews'],
  },
  {
    name: 'Repeat child protection plans',
    definition: 'Children becoming subject to a plan for a second or later time, as a share of new plans.',
    unit: 'percent',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 18,
    tolerance: 3,
    criterionIds: ['hp-plans-and-reviews'],
  },
  {
    name: 'Children in care',
    definition: 'Children in care at the end of the period, per 10,000 children.',
    unit: 'rate-per-10000',
    polarity: 'lower-is-better',
    frequency: 'month',
    tolerance: 0,
    criterionIds: ['cic-entering-care'],
  },
  {
    name: 'Placement stability: three or more moves',
    definition:
      'Children in care with three or more placements in the last 12 months, as a share of all children in care.',
    unit: 'percent',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 10,
    tolerance: 2,
    criterionIds: ['cic-stability-and-sufficiency'],
  },
  {
    name: 'Care leavers in education, employment or training',
    definition: 'Care leavers aged 19 to 21 in education, employment or training.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'quarter',
    target: 60,
    tolerance: 5,
    criterionIds: ['cl-education-employment-training'],
  },
  {
    name: 'Care leavers in suitable accommodation',
    definition: 'Care leavers aged 19 to 21 in suitable accommodation.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'quarter',
    target: 90,
    tolerance: 5,
    criterionIds: ['cl-accommodation'],
  },
  {
    name: 'Average social worker caseload',
    definition: 'Children per case-holding social worker at the end of the period.',
    unit: 'count',
    polarity: 'lower-is-better',
    frequency: 'month',
    target: 17,
    tolerance: 2,
    criterionIds: ['lead-workforce'],
  },
  {
    name: 'Agency social workers',
    definition: 'Agency social workers as a share of all social worker posts filled.',
    unit: 'percent',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 10,
    tolerance: 3,
    criterionIds: ['lead-workforce'],
  },
];

export function starterIndicators(
  meta: () => { id: string; createdAt: string; updatedAt: string; updatedBy: string },
): Indicator[] {
  return STARTERS.map((s) => ({
    ...meta(),
    ...s,
    source: 'Case management system',
    owner: 'Performance and Intelligence Team',
    values: [],
  }));
}
