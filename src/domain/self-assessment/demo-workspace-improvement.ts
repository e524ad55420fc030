/*
 * The example council's improvement work: recommendations from its last inspection, a focused visit
 * and the annual engagement letter, and the actions answering them. Invented throughout. Dates are
 * whole months before "today" (negative: after); RAG follows status, so completed is always blue.
 */
import type { ActionStatus, RagBand, RecommendationSource } from '../workspace/vocabulary';
import { ROLES } from './demo-workspace-content';

export interface DemoRecommendation {
  key: string;
  source: RecommendationSource;
  monthsAgo: number;
  reference: string;
  text: string;
  priorityAction: boolean;
  judgementIds: string[];
  progressSummary: string;
  closed: boolean;
}

const INSPECTION = { source: 'inspection', monthsAgo: 24, priorityAction: false, closed: false } as const;

/** From the last inspection (two years ago), a focused visit and this year's annual engagement letter. */
export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    ...INSPECTION,
    key: 'r1',
    reference: 'R1',
    text: 'The timeliness of strategy discussions out of hours.',
    judgementIds: ['help-and-protection'],
    progressSummary:
      'Out-of-hours protocol agreed with police and health. Strategy discussions held within target rose from 61% to 78%, but not yet at weekends.',
  },
  {
    ...INSPECTION,
    key: 'r2',
    reference: 'R2',
    text: 'The quality of analysis in assessments, including the child’s history and lived experience.',
    judgementIds: ['help-and-protection'],
    progressSummary: 'Assessment standards relaunched and workshops under way; audit grades remain variable.',
  },
  {
    ...INSPECTION,
    key: 'r3',
    reference: 'R3',
    text: 'Management oversight of practice and the recording of supervision.',
    judgementIds: ['help-and-protection', 'leaders'],
    progressSummary: 'New supervision template in every team; observations show more reflective supervision.',
  },
  {
    ...INSPECTION,
    key: 'r4',
    reference: 'R4',
    text: 'The offer and quality of return home interviews for children who go missing.',
    judgementIds: ['help-and-protection', 'children-in-care'],
    progressSummary: '',
  },
  {
    ...INSPECTION,
    key: 'r5',
    reference: 'R5',
    text: 'The sufficiency of local homes for children in care, especially older children.',
    judgementIds: ['children-in-care', 'leaders'],
    progressSummary:
      'Foster carer recruitment ahead of last year; the sufficiency strategy is still to be refreshed.',
  },
  {
    key: 'fv1',
    source: 'focused-visit',
    monthsAgo: 10,
    reference: 'FV1',
    text: 'Pathway plans for care leavers must be specific, up to date and written with the young person.',
    priorityAction: true,
    judgementIds: ['care-leavers'],
    progressSummary:
      'What we have done so far:\n- Pathway plan template written with care leavers\n- 72% of plans reviewed in time, up from 55%',
    closed: false,
  },
  {
    key: 'aem1',
    source: 'annual-engagement-letter',
    monthsAgo: 7,
    reference: 'AEM1',
    text: 'Continue to strengthen the consistency of decisions at the front door.',
    priorityAction: false,
    judgementIds: ['help-and-protection'],
    progressSummary: 'Peer review actions completed; threshold training delivered to partners.',
    closed: true,
  },
];

export interface DemoAction {
  title: string;
  description: string;
  owner: string;
  /** Months after today it is due; negative when it was due in the past. */
  dueInMonths: number;
  status: ActionStatus;
  rag: RagBand;
  completedMonthsAgo?: number;
  criteria: string[];
  judgements: string[];
  recommendations: string[];
  notes: { monthsAgo: number; text: string }[];
}

/** RAG follows status: completed is blue; open and past due is red. */
export const DEMO_ACTIONS: DemoAction[] = [
  {
    title: 'Daily review of out-of-hours strategy discussions',
    description: 'The front door reviews every out-of-hours decision the next morning.',
    owner: ROLES.frontDoor,
    dueInMonths: -1,
    status: 'in-progress',
    rag: 'red',
    criteria: ['hp-strategy-and-section-47', 'hp-front-door'],
    judgements: ['help-and-protection'],
    recommendations: ['r1'],
    notes: [{ monthsAgo: 2, text: 'Weekday reviews in place; weekend cover still being arranged.' }],
  },
  {
    title: 'Assessment analysis workshops for every team',
    description: 'Workshops on analysing history and the child’s lived experience.',
    owner: ROLES.psw,
    dueInMonths: 3,
    status: 'in-progress',
    rag: 'green',
    criteria: ['hp-assessment'],
    judgements: ['help-and-protection'],
    recommendations: ['r2'],
    notes: [{ monthsAgo: 1, text: 'Nine of fourteen teams done.' }],
  },
  {
    title: 'Supervision template and audit of supervision records',
    description: 'A single template for recorded supervision, then an audit of its use.',
    owner: ROLES.psw,
    dueInMonths: -4,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 5,
    criteria: ['hp-management-oversight'],
    judgements: ['help-and-protection'],
    recommendations: ['r3'],
    notes: [{ monthsAgo: 5, text: 'Template in use in all teams; audit found it used in 88% of records.' }],
  },
  {
    title: 'Recruit and approve 20 more foster carers',
    description: 'Through the regional recruitment hub, with a focus on carers for teenagers.',
    owner: ROLES.fostering,
    dueInMonths: 6,
    status: 'in-progress',
    rag: 'amber',
    criteria: ['cic-stability-and-sufficiency'],
    judgements: ['children-in-care'],
    recommendations: ['r5'],
    notes: [{ monthsAgo: 1, text: 'Eleven approved so far; enquiries lower over the summer.' }],
  },
  {
    title: 'Refresh the placement sufficiency strategy',
    description: 'Update the strategy with the needs analysis for older children.',
    owner: ROLES.commissioning,
    dueInMonths: -3,
    status: 'not-started',
    rag: 'red',
    criteria: ['lead-sufficiency-and-commissioning', 'cic-stability-and-sufficiency'],
    judgements: ['children-in-care', 'leaders'],
    recommendations: ['r5'],
    notes: [],
  },
  {
    title: 'Write the pathway plan template with care leavers',
    description: 'Co-produced with the care leavers’ forum.',
    owner: ROLES.leavingCare,
    dueInMonths: -6,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 6,
    criteria: ['cl-pathway-plans'],
    judgements: ['care-leavers'],
    recommendations: ['fv1'],
    notes: [{ monthsAgo: 6, text: 'Launched at the care leavers’ forum.' }],
  },
  {
    title: 'Review every pathway plan older than six months',
    description: 'Each personal adviser reviews their out-of-date plans with the young person.',
    owner: ROLES.leavingCare,
    dueInMonths: -2,
    status: 'in-progress',
    rag: 'red',
    criteria: ['cl-pathway-plans'],
    judgements: ['care-leavers'],
    recommendations: ['fv1'],
    notes: [{ monthsAgo: 1, text: 'Behind plan: two personal adviser posts are vacant.' }],
  },
  {
    title: 'Reduce agency social workers to 10%',
    description: 'Recruitment and retention offer, with a career pathway for experienced social workers.',
    owner: ROLES.workforce,
    dueInMonths: 8,
    status: 'in-progress',
    rag: 'amber',
    criteria: ['lead-workforce'],
    judgements: ['leaders'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Repeat family feedback after child protection conferences',
    description: 'A short survey after every initial conference for six months.',
    owner: ROLES.reviewing,
    dueInMonths: 4,
    status: 'not-started',
    rag: 'green',
    criteria: ['hp-plans-and-reviews'],
    judgements: ['help-and-protection'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Complete the front door peer review actions',
    description: 'Threshold training for partners and a consent guide for the hub.',
    owner: ROLES.frontDoor,
    dueInMonths: -5,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 5,
    criteria: ['hp-front-door'],
    judgements: ['help-and-protection'],
    recommendations: ['aem1'],
    notes: [],
  },
];
