/*
 * A starter scorecard for children's services, as safeguarding boards keep it, with the national
 * measures inspectors look at. Targets and links to criteria are suggestions for a council to change;
 * the criterion ids are ILACS ones present in every ILACS version, so links hold across a carry-forward.
 */
import type { Indicator } from './records';

type Starter = Omit<
  Indicator,
  'id' | 'createdAt' | 'updatedAt' | 'updatedBy' | 'values' | 'source' | 'owner'
> & { source?: string };

const DEFAULT_SOURCE = 'Case management system';

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
    name: 'Initial child protection conferences within 15 working days',
    definition:
      'Initial child protection conferences held within 15 working days of the strategy discussion that started section 47 enquiries, as a share of all initial conferences in the period. The national children in need statistics count from the start of the enquiry.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 85,
    tolerance: 5,
    criterionIds: ['hp-strategy-and-section-47', 'hp-plans-and-reviews'],
  },
  {
    name: 'Child protection visits on time',
    definition:
      "Children on a child protection plan seen by their social worker within the council's own timescale for child protection visits, as a share of children on a plan at the end of the period.",
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 90,
    tolerance: 5,
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
    name: 'Health assessments on time',
    definition:
      'Children in care for at least 12 months whose annual health assessment is up to date, as a share of those children (the national measure); initial health assessments are due within 20 working days of coming into care.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'quarter',
    target: 90,
    tolerance: 5,
    criterionIds: ['cic-health-education-wellbeing'],
    source: 'Case management system and health provider',
  },
  {
    name: 'Personal education plans on time',
    definition:
      'Children in care of school age whose personal education plan has been reviewed this term, as a share of children in care of school age.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'quarter',
    target: 95,
    tolerance: 5,
    criterionIds: ['cic-health-education-wellbeing'],
    source: 'Virtual school',
  },
  {
    name: 'Return home interviews offered',
    definition:
      'Missing episodes ending in the period after which the child was offered a return home interview within 72 hours of coming back, as a share of all missing episodes ending in the period.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 95,
    tolerance: 5,
    criterionIds: ['hp-exploitation-and-missing', 'cic-missing-and-exploitation'],
    source: 'Case management system and return home interview provider',
  },
  {
    name: 'Return home interviews taken up',
    definition:
      'Return home interviews offered in the period that the child accepted and completed, as a share of those offered.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'month',
    target: 70,
    tolerance: 10,
    criterionIds: ['hp-exploitation-and-missing', 'cic-missing-and-exploitation'],
    source: 'Case management system and return home interview provider',
  },
  {
    name: 'Care proceedings duration',
    definition:
      'Average duration in weeks, from application to final order, of care and supervision proceedings concluded in the period. The law sets a limit of 26 weeks, which the court may extend.',
    unit: 'weeks',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 26,
    tolerance: 4,
    criterionIds: ['hp-pre-proceedings', 'cic-permanence'],
    source: 'Legal case tracker and Cafcass',
  },
  {
    name: 'Adoption timeliness: entering care to moving in',
    definition:
      'For children adopted in the period, the average number of days between coming into care and moving in with their adoptive family (adoption scorecard measure A1; the last national threshold was 14 months, 426 days).',
    unit: 'days',
    polarity: 'lower-is-better',
    frequency: 'quarter',
    target: 426,
    tolerance: 60,
    criterionIds: ['cic-permanence'],
    source: 'Case management system and regional adoption agency',
  },
  {
    name: 'Care leavers in touch',
    definition:
      'Care leavers aged 19 to 21 with whom the council is in touch, as a share of all care leavers of that age.',
    unit: 'percent',
    polarity: 'higher-is-better',
    frequency: 'quarter',
    target: 95,
    tolerance: 3,
    criterionIds: ['cl-personal-advisers'],
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
  return STARTERS.map(({ source, ...s }) => ({
    ...meta(),
    ...s,
    source: source ?? DEFAULT_SOURCE,
    owner: 'Performance and Intelligence Team',
    values: [],
  }));
}
