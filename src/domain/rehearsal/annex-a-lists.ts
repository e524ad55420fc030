/*
 * The Annex A child-level lists as data: for each framework family, the eleven lists with the columns
 * this tool reads from each (the field, the headings it answers to, whether it must be there, whether
 * its dates must fall in the period the lists cover). Column sets change between versions, so they
 * live here, never in the import's code. Names are never read; dates of birth only give an age.
 */
import type { AnnexAField, InspectionCohort } from './records';

export type { AnnexAField };

export type AnnexAFieldKind = 'reference' | 'text' | 'date' | 'number';

export const ANNEX_A_FIELD_KINDS: Record<AnnexAField, AnnexAFieldKind> = {
  childId: 'reference',
  team: 'text',
  worker: 'text',
  gender: 'text',
  ethnicity: 'text',
  disability: 'text',
  age: 'number',
  dateOfBirth: 'date',
  eventDate: 'date',
  outcome: 'text',
  previousReferrals: 'number',
  planStartDate: 'date',
  previousPlans: 'number',
  lastVisitDate: 'date',
  missingEpisodes: 'number',
  placementMoves: 'number',
  placementDistance: 'number',
  placementType: 'text',
  proceedingsStartDate: 'date',
};

export interface AnnexAColumn {
  field: AnnexAField;
  /** The column's name in messages and the preview. */
  label: string;
  /** Headings it answers to, compared lower case with spaces for _ and -; strongest first. */
  headings: readonly string[];
  required?: boolean;
  /** Its dates must lie in the months before the inspection the list covers. */
  inPeriod?: boolean;
}

export interface AnnexAList {
  number: number;
  title: string;
  /** The cohort inspectors sample it for; adopters are not children, so none. */
  cohort?: InspectionCohort;
  /** The case type an audit of a child from this list would have. */
  caseType?: string;
  /** A child appears once (a cohort); event lists (contacts, referrals) may hold a child several times. */
  onePerChild: boolean;
  /** Ages (in whole years, on the day the lists are drawn) a child on this list can have. */
  ages?: { min: number; max: number };
  columns: readonly AnnexAColumn[];
}

export interface AnnexASet {
  id: 'ilacs' | 'sif';
  title: string;
  /** How many months before the inspection the event lists cover. */
  periodMonths: number;
  note: string;
  lists: readonly AnnexAList[];
}

const child: AnnexAColumn = {
  field: 'childId',
  label: 'child id',
  headings: [
    'child id',
    'child unique id',
    'unique child identifier',
    'child reference',
    'case reference',
    'id',
  ],
  required: true,
};
const adopter: AnnexAColumn = {
  field: 'childId',
  label: 'adopter id',
  headings: ['adopter id', 'adopter unique id', 'adopter reference', 'household reference', 'id'],
  required: true,
};
const common: readonly AnnexAColumn[] = [
  { field: 'team', label: 'team', headings: ['team', 'allocated team', 'team name'], required: true },
  {
    field: 'worker',
    label: 'worker',
    headings: ['worker', 'allocated worker', 'social worker', 'personal adviser'],
  },
  { field: 'gender', label: 'gender', headings: ['gender', 'sex'] },
  { field: 'ethnicity', label: 'ethnicity', headings: ['ethnicity'] },
  { field: 'disability', label: 'disability', headings: ['disability', 'disabled'] },
  { field: 'age', label: 'age', headings: ['age', 'age at start', 'age in years'] },
  { field: 'dateOfBirth', label: 'date of birth', headings: ['date of birth', 'dob'] },
];
const event = (label: string, headings: string[]): AnnexAColumn => ({
  field: 'eventDate',
  label,
  headings: [label, ...headings],
  required: true,
  inPeriod: true,
});
const column = (field: AnnexAField, label: string, headings: string[] = []): AnnexAColumn => ({
  field,
  label,
  headings: [label, ...headings],
});
const outcome = column('outcome', 'outcome', ['contact outcome', 'referral outcome', 'next step']);
const lastVisit = column('lastVisitDate', 'date of last visit', [
  'last visit date',
  'last visit',
  'date last seen',
]);
const missing = column('missingEpisodes', 'missing episodes', [
  'number of missing episodes',
  'missing episodes in last 12 months',
]);
const previousPlans = column('previousPlans', 'previous child protection plans', [
  'number of previous child protection plans',
  'previous cp plans',
]);
const previousReferrals = column('previousReferrals', 'referrals in previous 12 months', [
  'number of referrals in previous 12 months',
  'previous referrals',
]);
const planStart = column('planStartDate', 'plan start date', [
  'child protection plan start date',
  'cp plan start date',
]);
const proceedings = column('proceedingsStartDate', 'care proceedings start date', [
  'date care proceedings started',
  'proceedings start date',
]);
const placement: readonly AnnexAColumn[] = [
  column('placementType', 'placement type', ['placement provision', 'type of placement']),
  column('placementDistance', 'placement distance (miles)', [
    'placement distance',
    'distance from home (miles)',
    'distance from home',
  ]),
  column('placementMoves', 'placement moves in last 12 months', [
    'number of placements in last 12 months',
    'placement moves',
  ]),
];

function lists(
  names: Record<number, string>,
  childLabel: 'children in care' | 'children looked after',
): AnnexAList[] {
  return [
    {
      number: 1,
      title: names[1]!,
      cohort: 'help-and-protection',
      caseType: 'front-door',
      onePerChild: false,
      ages: { min: 0, max: 17 },
      columns: [child, ...common, event('contact date', ['date of contact']), outcome],
    },
    {
      number: 2,
      title: names[2]!,
      cohort: 'help-and-protection',
      caseType: 'early-help',
      onePerChild: true,
      ages: { min: 0, max: 17 },
      columns: [
        child,
        ...common,
        column('eventDate', 'early help start date', ['episode start date', 'start date']),
        outcome,
      ],
    },
    {
      number: 3,
      title: names[3]!,
      cohort: 'help-and-protection',
      caseType: 'child-in-need-child-protection',
      onePerChild: false,
      ages: { min: 0, max: 17 },
      columns: [child, ...common, event('referral date', ['date of referral']), previousReferrals, outcome],
    },
    {
      number: 4,
      title: names[4]!,
      cohort: 'help-and-protection',
      caseType: 'child-in-need-child-protection',
      onePerChild: false,
      ages: { min: 0, max: 17 },
      columns: [child, ...common, event('assessment start date', ['date assessment started']), outcome],
    },
    {
      number: 5,
      title: names[5]!,
      cohort: 'help-and-protection',
      caseType: 'child-in-need-child-protection',
      onePerChild: false,
      ages: { min: 0, max: 17 },
      columns: [
        child,
        ...common,
        event('strategy discussion date', ['section 47 start date', 'date of strategy discussion']),
        outcome,
      ],
    },
    {
      number: 6,
      title: names[6]!,
      cohort: 'help-and-protection',
      caseType: 'child-in-need-child-protection',
      onePerChild: true,
      ages: { min: 0, max: 17 },
      columns: [
        child,
        ...common,
        column('eventDate', 'child in need start date', ['cin start date', 'start date']),
        lastVisit,
        missing,
      ],
    },
    {
      number: 7,
      title: names[7]!,
      cohort: 'help-and-protection',
      caseType: 'child-in-need-child-protection',
      onePerChild: true,
      ages: { min: 0, max: 17 },
      columns: [child, ...common, { ...planStart, required: true }, previousPlans, lastVisit, missing],
    },
    {
      number: 8,
      title: names[8]!,
      cohort: 'children-in-care',
      caseType: 'children-in-care',
      onePerChild: true,
      ages: { min: 0, max: 17 },
      columns: [
        child,
        ...common,
        column(
          'eventDate',
          `date started to be ${childLabel === 'children in care' ? 'in care' : 'looked after'}`,
          ['date became looked after', 'date came into care', 'start date'],
        ),
        ...placement,
        missing,
        lastVisit,
        proceedings,
      ],
    },
    {
      number: 9,
      title: names[9]!,
      cohort: 'care-leavers',
      caseType: 'care-leavers',
      onePerChild: true,
      ages: { min: 16, max: 25 },
      columns: [
        child,
        ...common,
        column('lastVisitDate', 'date of last contact', ['last contact date', 'date last seen']),
        column('outcome', 'in education, employment or training', ['eet', 'activity']),
      ],
    },
    {
      number: 10,
      title: names[10]!,
      cohort: 'children-in-care',
      caseType: 'children-in-care',
      onePerChild: true,
      ages: { min: 0, max: 17 },
      columns: [
        child,
        ...common,
        column('eventDate', 'placement order date', ['date of placement order']),
        proceedings,
      ],
    },
    {
      number: 11,
      title: names[11]!,
      onePerChild: true,
      columns: [adopter, common[0]!, common[1]!, column('eventDate', 'approval date', ['date approved'])],
    },
  ];
}

export const ANNEX_A_SETS: Record<AnnexASet['id'], AnnexASet> = {
  ilacs: {
    id: 'ilacs',
    title: 'ILACS Annex A (eleven lists)',
    periodMonths: 6,
    note: 'Our reading of the eleven-list Annex A asked for under ILACS; check the columns against the version your lead inspector sends.',
    lists: lists(
      {
        1: 'Contacts',
        2: 'Early help',
        3: 'Referrals',
        4: 'Assessments',
        5: 'Section 47 enquiries and initial child protection conferences',
        6: 'Children in need',
        7: 'Child protection',
        8: 'Children in care',
        9: 'Care leavers',
        10: 'Adoption',
        11: 'Adopters',
      },
      'children in care',
    ),
  },
  sif: {
    id: 'sif',
    title: 'SIF child-level lists',
    periodMonths: 6,
    note: 'SIF-era requests named their lists and columns differently from today’s Annex A and changed between editions; these are our reading, uncertain in their detail. Check them against the request you received.',
    lists: lists(
      {
        1: 'Contacts',
        2: 'Early help assessments',
        3: 'Referrals',
        4: 'Assessments',
        5: 'Section 47 enquiries',
        6: 'Children in need',
        7: 'Children subject to a child protection plan',
        8: 'Children looked after',
        9: 'Care leavers',
        10: 'Children with an adoption decision',
        11: 'Adopters',
      },
      'children looked after',
    ),
  },
};

export function annexASetFor(framework: { id: string }): AnnexASet {
  return framework.id.startsWith('sif') ? ANNEX_A_SETS.sif : ANNEX_A_SETS.ilacs;
}

export function annexAList(set: AnnexASet, number: number): AnnexAList | undefined {
  return set.lists.find((l) => l.number === number);
}
