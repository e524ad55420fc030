/*
 * The words of the example workspace: Exampleshire County Council, a fictional council. Every name,
 * figure and finding here is invented; staff appear only as roles. Dates are months before "today".
 */
import type { EvidenceType, RagBand, ActionStatus, RecommendationSource } from '../workspace/vocabulary';

export const DEMO_COUNCIL = 'Exampleshire County Council';

export interface DemoEvidence {
  key: string;
  title: string;
  type: EvidenceType;
  monthsAgo: number;
  owner: string;
  location: string;
  notes: string;
}

export const DEMO_EVIDENCE: DemoEvidence[] = [
  {
    key: 'audit-q2',
    title: 'Case audit summary, quarter 2',
    type: 'audit-findings',
    monthsAgo: 2,
    owner: 'Quality Assurance Manager',
    location: 'QA site › Audit reports › Q2',
    notes: '48 audits, 31 moderated. 65% good or better, up from 58%.',
  },
  {
    key: 'audit-q1',
    title: 'Case audit summary, quarter 1',
    type: 'audit-findings',
    monthsAgo: 5,
    owner: 'Quality Assurance Manager',
    location: 'QA site › Audit reports › Q1',
    notes: '',
  },
  {
    key: 'audit-themed-cp',
    title: 'Themed audit: child protection plans',
    type: 'audit-findings',
    monthsAgo: 4,
    owner: 'Principal Social Worker',
    location: 'QA site › Themed audits',
    notes: 'Plans specific in 7 of 10; contingency weak in 4.',
  },
  {
    key: 'front-door-dip',
    title: 'Front door dip sample of contacts',
    type: 'audit-findings',
    monthsAgo: 3,
    owner: 'Head of Service, Front Door',
    location: 'QA site › Front door',
    notes: '',
  },
  {
    key: 'scorecard',
    title: 'Monthly performance scorecard',
    type: 'performance-data',
    monthsAgo: 1,
    owner: 'Performance and Intelligence Team',
    location: 'https://intranet.example.invalid/performance/scorecard',
    notes: 'Includes comparators with statistical neighbours.',
  },
  {
    key: 'caseloads',
    title: 'Caseload and workforce report',
    type: 'performance-data',
    monthsAgo: 2,
    owner: 'Head of Workforce Development',
    location: 'Workforce board papers',
    notes: 'Average caseload 17; agency rate 14%.',
  },
  {
    key: 'care-leaver-survey',
    title: 'Care leavers’ survey “Your Voice”',
    type: 'feedback-children-families',
    monthsAgo: 6,
    owner: 'Participation Lead',
    location: 'Participation team › Surveys',
    notes: '',
  },
  {
    key: 'cic-council',
    title: 'Children in Care Council minutes and feedback',
    type: 'feedback-children-families',
    monthsAgo: 3,
    owner: 'Participation Lead',
    location: 'Corporate parenting board papers',
    notes: '',
  },
  {
    key: 'family-feedback',
    title: 'Family feedback after child protection conferences',
    type: 'feedback-children-families',
    monthsAgo: 14,
    owner: 'Safeguarding and Reviewing Manager',
    location: 'Reviewing service › Feedback',
    notes: 'Not repeated this year.',
  },
  {
    key: 'staff-survey',
    title: 'Social work health check (staff survey)',
    type: 'staff-feedback',
    monthsAgo: 8,
    owner: 'Principal Social Worker',
    location: 'Workforce › Health check',
    notes: '',
  },
  {
    key: 'peer-review',
    title: 'Regional peer review of the front door',
    type: 'external-review',
    monthsAgo: 16,
    owner: 'Director of Children’s Services',
    location: 'Improvement board papers',
    notes: '',
  },
  {
    key: 'ilacs-letter',
    title: 'Ofsted ILACS inspection report',
    type: 'inspection-letter',
    monthsAgo: 26,
    owner: 'Director of Children’s Services',
    location: 'Published report (council website)',
    notes: 'Overall: requires improvement to be good.',
  },
  {
    key: 'focused-visit',
    title: 'Ofsted focused visit letter: care leavers',
    type: 'inspection-letter',
    monthsAgo: 10,
    owner: 'Director of Children’s Services',
    location: 'Improvement board papers',
    notes: '',
  },
  {
    key: 'aec-letter',
    title: 'Annual engagement meeting letter',
    type: 'inspection-letter',
    monthsAgo: 7,
    owner: 'Director of Children’s Services',
    location: 'DCS office',
    notes: '',
  },
  {
    key: 'corporate-parenting',
    title: 'Corporate parenting board minutes',
    type: 'policy-minutes',
    monthsAgo: 1,
    owner: 'Democratic Services',
    location: 'Committee papers',
    notes: '',
  },
  {
    key: 'sufficiency',
    title: 'Placement sufficiency strategy',
    type: 'policy-minutes',
    monthsAgo: 13,
    owner: 'Head of Commissioning',
    location: 'Strategies › Sufficiency',
    notes: 'Refresh due.',
  },
  {
    key: 'practice-week',
    title: 'Listening and Learning practice week report',
    type: 'practice-observation',
    monthsAgo: 4,
    owner: 'Principal Social Worker',
    location: 'QA site › Practice weeks',
    notes: 'Senior managers observed 22 visits and meetings.',
  },
  {
    key: 'supervision-obs',
    title: 'Observations of supervision',
    type: 'practice-observation',
    monthsAgo: 5,
    owner: 'Principal Social Worker',
    location: 'QA site › Observations',
    notes: '',
  },
  {
    key: 'virtual-school',
    title: 'Virtual school annual report',
    type: 'performance-data',
    monthsAgo: 9,
    owner: 'Virtual School Head',
    location: 'Education › Virtual school',
    notes: '',
  },
  {
    key: 'missing-report',
    title: 'Missing and exploitation panel report',
    type: 'performance-data',
    monthsAgo: 19,
    owner: 'Exploitation Lead',
    location: 'Partnership papers',
    notes: '',
  },
];

/** Criterion id → this year's grade, confidence, status, evidence keys. Absent criteria stay carried. */
export interface DemoGrade {
  grade: string;
  lastYear: string;
  confidence: 'low' | 'medium' | 'high';
  status: 'to-do' | 'in-progress' | 'ready-for-review' | 'agreed';
  evidence: string[];
  assignee: string;
}

const G = 'good';
const RI = 'requires-improvement';
const O = 'outstanding';

export const DEMO_GRADES: Record<string, DemoGrade> = {
  'lead-governance': {
    grade: G,
    lastYear: G,
    confidence: 'high',
    status: 'agreed',
    evidence: ['corporate-parenting'],
    assignee: 'Director of Children’s Services',
  },
  'lead-partnerships': {
    grade: G,
    lastYear: RI,
    confidence: 'medium',
    status: 'agreed',
    evidence: [],
    assignee: 'Director of Children’s Services',
  },
  'lead-corporate-parenting': {
    grade: G,
    lastYear: G,
    confidence: 'high',
    status: 'agreed',
    evidence: ['corporate-parenting', 'cic-council'],
    assignee: 'Head of Service, Children in Care',
  },
  'lead-knowing-ourselves': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'ready-for-review',
    evidence: ['audit-q2', 'aec-letter'],
    assignee: 'Principal Social Worker',
  },
  'lead-quality-assurance': {
    grade: G,
    lastYear: RI,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['audit-q2', 'audit-q1', 'practice-week'],
    assignee: 'Quality Assurance Manager',
  },
  'lead-workforce': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['caseloads', 'staff-survey'],
    assignee: 'Head of Workforce Development',
  },
  'lead-practice-model': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'in-progress',
    evidence: ['practice-week'],
    assignee: 'Principal Social Worker',
  },
  'lead-sufficiency-and-commissioning': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'in-progress',
    evidence: ['sufficiency'],
    assignee: 'Head of Commissioning',
  },
  'lead-response-to-inspection': {
    grade: G,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['ilacs-letter', 'focused-visit'],
    assignee: 'Director of Children’s Services',
  },
  'hp-early-help': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['audit-q1'],
    assignee: 'Head of Early Help',
  },
  'hp-front-door': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['front-door-dip', 'peer-review'],
    assignee: 'Head of Service, Front Door',
  },
  'hp-strategy-and-section-47': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'ready-for-review',
    evidence: ['audit-themed-cp'],
    assignee: 'Head of Service, Safeguarding',
  },
  'hp-assessment': {
    grade: RI,
    lastYear: G,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['audit-q2'],
    assignee: 'Head of Service, Safeguarding',
  },
  'hp-plans-and-reviews': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['audit-themed-cp', 'family-feedback'],
    assignee: 'Safeguarding and Reviewing Manager',
  },
  'hp-pre-proceedings': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'in-progress',
    evidence: [],
    assignee: 'Head of Service, Safeguarding',
  },
  'hp-domestic-abuse-and-neglect': {
    grade: G,
    lastYear: RI,
    confidence: 'low',
    status: 'in-progress',
    evidence: ['audit-q1'],
    assignee: 'Head of Early Help',
  },
  'hp-exploitation-and-missing': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'in-progress',
    evidence: ['missing-report'],
    assignee: 'Exploitation Lead',
  },
  'hp-lado': {
    grade: O,
    lastYear: G,
    confidence: 'high',
    status: 'agreed',
    evidence: [],
    assignee: 'Designated Officer (LADO)',
  },
  'hp-management-oversight': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['supervision-obs', 'audit-q2'],
    assignee: 'Principal Social Worker',
  },
  'cic-entering-care': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['audit-q2'],
    assignee: 'Head of Service, Children in Care',
  },
  'cic-kinship-care': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'ready-for-review',
    evidence: [],
    assignee: 'Head of Service, Children in Care',
  },
  'cic-permanence': {
    grade: G,
    lastYear: RI,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['audit-q1'],
    assignee: 'Head of Service, Children in Care',
  },
  'cic-stability-and-sufficiency': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['sufficiency', 'scorecard'],
    assignee: 'Head of Commissioning',
  },
  'cic-unaccompanied': {
    grade: 'not-applicable',
    lastYear: 'not-applicable',
    confidence: 'high',
    status: 'agreed',
    evidence: [],
    assignee: 'Head of Service, Children in Care',
  },
  'cic-iro-and-participation': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['cic-council'],
    assignee: 'Safeguarding and Reviewing Manager',
  },
  'cic-health-education-wellbeing': {
    grade: O,
    lastYear: G,
    confidence: 'high',
    status: 'agreed',
    evidence: ['virtual-school'],
    assignee: 'Virtual School Head',
  },
  'cl-personal-advisers': {
    grade: G,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['care-leaver-survey', 'scorecard'],
    assignee: 'Head of Leaving Care',
  },
  'cl-pathway-plans': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['focused-visit'],
    assignee: 'Head of Leaving Care',
  },
  'cl-health-and-wellbeing': {
    grade: RI,
    lastYear: RI,
    confidence: 'medium',
    status: 'in-progress',
    evidence: ['care-leaver-survey'],
    assignee: 'Head of Leaving Care',
  },
  'cl-entitlements-and-local-offer': {
    grade: G,
    lastYear: RI,
    confidence: 'medium',
    status: 'agreed',
    evidence: ['focused-visit', 'care-leaver-survey'],
    assignee: 'Head of Leaving Care',
  },
  'cl-accommodation': {
    grade: G,
    lastYear: G,
    confidence: 'medium',
    status: 'ready-for-review',
    evidence: ['scorecard'],
    assignee: 'Head of Leaving Care',
  },
  'cl-education-employment-training': {
    grade: RI,
    lastYear: RI,
    confidence: 'high',
    status: 'agreed',
    evidence: ['scorecard', 'virtual-school'],
    assignee: 'Virtual School Head',
  },
};

/** Criteria carried forward and not yet looked at again this year. */
export const DEMO_STILL_CARRIED = [
  'cic-distance-and-unregistered',
  'cic-family-time-and-identity',
  'cl-formerly-unaccompanied',
];

const TEXTS: Record<string, { strengths: string; areas: string }> = {
  [O]: {
    strengths:
      'Practice here is consistently strong and makes a clear difference for children.\n\n- Audits and feedback tell the same story\n- Leaders know individual children’s circumstances',
    areas: 'Sustain this as the service grows, and share the approach with other teams.',
  },
  [G]: {
    strengths:
      'Most children receive a timely, well-planned service. Moderated audits rated most cases in this area good, and children’s feedback is largely positive.',
    areas:
      'Practice is not yet consistent across every team:\n- recording of management decisions varies\n- a minority of plans lack clear timescales',
  },
  [RI]: {
    strengths:
      'There are pockets of strong practice, and children are safe, but the quality of work is too variable.',
    areas:
      'Audits show that too many children wait too long for the right help.\n\n- Drift in a minority of plans\n- Management oversight not always recorded\n- The child’s lived experience is not always clear',
  },
};

export function demoTexts(grade: string, criterionTitle: string): { strengths: string; areas: string } {
  const text = TEXTS[grade];
  if (!text) return { strengths: '', areas: `${criterionTitle}: not relevant to Exampleshire this year.` };
  return text;
}

export interface DemoAgreed {
  grade: string;
  rationale: string;
}

export const DEMO_AGREED: Record<string, DemoAgreed> = {
  leaders: {
    grade: G,
    rationale:
      'Leaders agreed Good rather than the cautious proposal: the response to the last inspection, the strengthened quality assurance and the stable political support outweigh the workforce pressures, which have a credible plan.',
  },
  'help-and-protection': { grade: RI, rationale: '' },
  'children-in-care': { grade: G, rationale: '' },
  'care-leavers': { grade: G, rationale: '' },
  'overall-effectiveness': {
    grade: RI,
    rationale:
      'Help and protection still requires improvement, and that is where most children are; the overall grade reflects this rather than the leaders grade.',
  },
};

export const DEMO_LAST_YEAR_AGREED: Record<string, string> = {
  leaders: RI,
  'help-and-protection': RI,
  'children-in-care': G,
  'care-leavers': RI,
  'overall-effectiveness': RI,
};

export const DEMO_NARRATIVES: Record<string, Record<string, string>> = {
  'help-and-protection': {
    'what-we-know':
      'Children in Exampleshire who need help and protection are safe, but the quality of practice is not yet consistently good.\n\nWhat is working well:\n- Early help is well used and step-up and step-down work smoothly\n- Allegations against adults are handled promptly and thoroughly\n\nWhat is not yet good enough:\n- Out-of-hours strategy discussions are not always timely\n- Assessments do not always analyse history and the child’s lived experience',
    'how-we-know':
      'Our knowledge rests mainly on moderated case audits [Evidence: Case audit summary, quarter 2], a themed audit of child protection plans [Evidence: Themed audit: child protection plans] and a dip sample at the front door [Evidence: Front door dip sample of contacts]. Family feedback after conferences is more than a year old and will be repeated this year.',
    plans:
      'Over the next 12 months we will:\n- Introduce a daily review of out-of-hours strategy discussions (Head of Service, Front Door; by September)\n- Run assessment analysis workshops for every team (Principal Social Worker; by December)\n- Repeat the family feedback survey after conferences (Safeguarding and Reviewing Manager; by October)',
  },
  'children-in-care': {
    'what-we-know':
      'Most children in care live in stable homes that meet their needs, and their education outcomes are improving. Too many older children still move placement, and sufficiency of local homes remains our main challenge.',
    'how-we-know':
      'Audits, the Children in Care Council [Evidence: Children in Care Council minutes and feedback] and the virtual school report [Evidence: Virtual school annual report].',
    plans:
      '- Open two new local children’s homes with a partner provider\n- Recruit 20 more foster carers through the regional hub',
  },
  'care-leavers': {
    'what-we-know':
      'Care leavers are in touch with personal advisers who know them well. Pathway plans are improving since the focused visit but are not yet consistently good.',
    'how-we-know': '',
    plans: '',
  },
  leaders: {
    'what-we-know':
      'Leaders know their services well and have acted on the last inspection’s recommendations. Workforce stability is the main risk.',
    'how-we-know': 'Quality assurance framework, practice weeks and the performance scorecard.',
    plans: '- Reduce agency social workers from 14% to 10%\n- Refresh the sufficiency strategy',
  },
};

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

export const DEMO_RECOMMENDATIONS: DemoRecommendation[] = [
  {
    key: 'r1',
    source: 'inspection',
    monthsAgo: 26,
    reference: 'R1',
    text: 'The timeliness of strategy discussions out of hours.',
    priorityAction: false,
    judgementIds: ['help-and-protection'],
    progressSummary:
      'Out-of-hours protocol agreed with police and health. Timeliness improved from 61% to 78% within target; not yet consistent at weekends.',
    closed: false,
  },
  {
    key: 'r2',
    source: 'inspection',
    monthsAgo: 26,
    reference: 'R2',
    text: 'The quality of analysis in assessments, including the child’s history and lived experience.',
    priorityAction: false,
    judgementIds: ['help-and-protection'],
    progressSummary:
      'Assessment practice standards relaunched; audit grades for assessments remain variable.',
    closed: false,
  },
  {
    key: 'r3',
    source: 'inspection',
    monthsAgo: 26,
    reference: 'R3',
    text: 'Management oversight and the recording of supervision.',
    priorityAction: false,
    judgementIds: ['help-and-protection', 'leaders'],
    progressSummary: 'New supervision template in use; observations show better reflection.',
    closed: false,
  },
  {
    key: 'r4',
    source: 'inspection',
    monthsAgo: 26,
    reference: 'R4',
    text: 'The sufficiency of local homes for children in care, especially older children.',
    priorityAction: false,
    judgementIds: ['children-in-care'],
    progressSummary: '',
    closed: false,
  },
  {
    key: 'fv1',
    source: 'focused-visit',
    monthsAgo: 10,
    reference: 'FV1',
    text: 'Pathway plans for care leavers must be specific, up to date and written with the young person.',
    priorityAction: true,
    judgementIds: ['care-leavers'],
    progressSummary: 'Pathway plan template co-produced with care leavers; 72% reviewed in time.',
    closed: false,
  },
  {
    key: 'aec1',
    source: 'annual-engagement-letter',
    monthsAgo: 7,
    reference: 'AEM1',
    text: 'Continue to strengthen the consistency of practice at the front door.',
    priorityAction: false,
    judgementIds: ['help-and-protection'],
    progressSummary: 'Peer review actions completed.',
    closed: true,
  },
];

export interface DemoAction {
  title: string;
  owner: string;
  dueInMonths: number;
  status: ActionStatus;
  rag: RagBand;
  completedMonthsAgo?: number;
  criteria: string[];
  judgements: string[];
  recommendations: string[];
  notes: { monthsAgo: number; by: string; text: string }[];
}

export const DEMO_ACTIONS: DemoAction[] = [
  {
    title: 'Daily review of out-of-hours strategy discussions',
    owner: 'Head of Service, Front Door',
    dueInMonths: -1,
    status: 'in-progress',
    rag: 'amber',
    criteria: ['hp-strategy-and-section-47'],
    judgements: ['help-and-protection'],
    recommendations: ['r1'],
    notes: [
      {
        monthsAgo: 2,
        by: 'Head of Service, Front Door',
        text: 'Weekday reviews in place; weekend cover still being arranged.',
      },
    ],
  },
  {
    title: 'Assessment analysis workshops for every team',
    owner: 'Principal Social Worker',
    dueInMonths: 3,
    status: 'in-progress',
    rag: 'green',
    criteria: ['hp-assessment'],
    judgements: ['help-and-protection'],
    recommendations: ['r2'],
    notes: [],
  },
  {
    title: 'Supervision template and audit of supervision records',
    owner: 'Principal Social Worker',
    dueInMonths: -4,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 5,
    criteria: ['hp-management-oversight'],
    judgements: ['help-and-protection'],
    recommendations: ['r3'],
    notes: [{ monthsAgo: 5, by: 'Principal Social Worker', text: 'Template in use in all teams.' }],
  },
  {
    title: 'Recruit and train 20 more foster carers',
    owner: 'Head of Fostering',
    dueInMonths: 6,
    status: 'in-progress',
    rag: 'amber',
    criteria: ['cic-stability-and-sufficiency'],
    judgements: ['children-in-care'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Co-produce the pathway plan template with care leavers',
    owner: 'Head of Leaving Care',
    dueInMonths: -6,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 6,
    criteria: ['cl-pathway-plans'],
    judgements: ['care-leavers'],
    recommendations: ['fv1'],
    notes: [],
  },
  {
    title: 'Review every pathway plan older than six months',
    owner: 'Head of Leaving Care',
    dueInMonths: -2,
    status: 'in-progress',
    rag: 'red',
    criteria: ['cl-pathway-plans'],
    judgements: ['care-leavers'],
    recommendations: ['fv1'],
    notes: [
      { monthsAgo: 1, by: 'Head of Leaving Care', text: 'Behind plan: two personal adviser vacancies.' },
    ],
  },
  {
    title: 'Reduce agency social workers to 10%',
    owner: 'Head of Workforce Development',
    dueInMonths: 8,
    status: 'in-progress',
    rag: 'amber',
    criteria: ['lead-workforce'],
    judgements: ['leaders'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Refresh the placement sufficiency strategy',
    owner: 'Head of Commissioning',
    dueInMonths: 2,
    status: 'not-started',
    rag: 'amber',
    criteria: ['lead-sufficiency-and-commissioning', 'cic-stability-and-sufficiency'],
    judgements: ['children-in-care'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Repeat family feedback after child protection conferences',
    owner: 'Safeguarding and Reviewing Manager',
    dueInMonths: 4,
    status: 'not-started',
    rag: 'green',
    criteria: ['hp-plans-and-reviews'],
    judgements: ['help-and-protection'],
    recommendations: [],
    notes: [],
  },
  {
    title: 'Front door peer review actions',
    owner: 'Head of Service, Front Door',
    dueInMonths: -8,
    status: 'completed',
    rag: 'blue',
    completedMonthsAgo: 7,
    criteria: ['hp-front-door'],
    judgements: ['help-and-protection'],
    recommendations: ['aec1'],
    notes: [],
  },
];
