/*
 * Criterion by criterion, what Exampleshire (a fictional council) wrote in its ILACS 2023 self-assessment:
 * this year's and last year's grade, confidence, status, owner, evidence and text. Invented throughout:
 * no real council, child or member of staff. A criterion absent here was never graded.
 */
import type { Confidence, WorkflowStatus } from '../workspace/vocabulary';
import { ROLES } from './demo-workspace-content';

export interface DemoCriterion {
  grade: string;
  lastYear: string;
  confidence: Confidence;
  status: WorkflowStatus;
  assignee: string;
  /** Evidence keys; last year links only those that existed by then. */
  evidence: string[];
  strengths: string;
  areas: string;
  /** Last year's text when it differs from this year's. */
  before?: { strengths: string; areas: string };
  /** Still as carried forward from last year: not yet looked at again. */
  carried?: true;
}

const O = 'outstanding';
const G = 'good';
const RI = 'requires-improvement';
const NA = 'not-applicable';
const NONE = 'not-yet-graded';

/** Criteria nobody has graded in either year (the workspace keeps a blank record for them). */
export const DEMO_NEVER_GRADED: Record<string, string> = {
  'hp-private-fostering-and-homeless-16-17': ROLES.safeguarding,
  'cl-custody-and-parenthood': ROLES.leavingCare,
};

export const DEMO_CRITERIA: Record<string, DemoCriterion> = {
  'lead-governance': {
    ...meta(G, G, 'high', 'agreed', ROLES.dcs, ['corporate-parenting', 'scorecard']),
    strengths:
      'Elected members and the chief executive give children’s services clear priority: the budget was protected in this year’s settlement and scrutiny challenges performance every quarter. The lead member visits teams and hears directly from children in care.',
    areas:
      'Scrutiny questions focus more on numbers than on the quality of practice.\n- Add audit themes and children’s feedback to the quarterly scrutiny report',
  },
  'lead-partnerships': {
    ...meta(G, RI, 'medium', 'agreed', ROLES.dcs, ['peer-review']),
    strengths:
      'The safeguarding partnership is stronger than a year ago. Police and health now attend every strategy discussion in office hours, and partners jointly fund the exploitation team.',
    areas:
      'Health attendance out of hours is still inconsistent, and our most recent external view of partnership working is more than a year old.',
    before: {
      strengths: 'Partners are committed and the new safeguarding arrangements are bedding in.',
      areas:
        'Police and health attendance at strategy discussions is inconsistent, and actions from multi-agency audits are not followed through.',
    },
  },
  'lead-corporate-parenting': {
    ...meta(G, G, 'high', 'agreed', ROLES.inCare, ['corporate-parenting', 'cic-council']),
    strengths:
      'The corporate parenting board is chaired by the leader of the council and shaped by the Children in Care Council, which sets two items on every agenda. Council departments offer care leavers apprenticeships and a council tax exemption.',
    areas: 'Few partners beyond the council have signed the care leaver covenant.',
  },
  'lead-knowing-ourselves': {
    ...meta(RI, RI, 'medium', 'ready-for-review', ROLES.psw, ['audit-q2', 'aec-letter']),
    strengths:
      'Senior leaders have a clear line of sight to practice through monthly audits and practice weeks. Last year’s self-evaluation matched what Ofsted found at the annual engagement meeting.',
    areas:
      'Our self-evaluation still leans on performance data in places:\n- too few audits include feedback from the child or family\n- learning from audits is not yet tracked to show what changed for children',
  },
  'lead-quality-assurance': {
    ...meta(G, RI, 'medium', 'agreed', ROLES.qa, ['audit-q2', 'audit-q1', 'practice-week']),
    strengths:
      'Every team manager audits two cases a month and a third of audits are moderated; moderators now agree with the original grade in four audits out of five. Practice weeks twice a year put senior managers alongside practitioners.',
    areas: 'Actions from audits for individual children are not always completed within 20 working days.',
    before: {
      strengths: 'A quality assurance framework is in place and audits are completed every month.',
      areas:
        'Moderation found audit grades too generous in a third of cases, and learning is not reliably shared with teams.',
    },
  },
  'lead-workforce': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.workforce, ['caseloads', 'staff-survey', 'asye-group']),
    strengths:
      'Caseloads have fallen to an average of 17. Newly qualified social workers have protected caseloads and value the support in their first year.',
    areas:
      'Workforce stability is our main risk:\n- agency social workers are 14% of the workforce, 20% at the front door\n- one in four children with a child protection plan had three or more social workers this year',
  },
  'lead-practice-model': {
    ...meta(G, G, 'medium', 'in-progress', ROLES.psw, ['practice-week']),
    strengths:
      'Our relationship-based practice model is well understood, and audits increasingly show families’ own words in assessments and plans. Every team has completed the training.',
    areas: 'The model is less visible in work with older children at risk outside the home.',
  },
  'lead-sufficiency-and-commissioning': {
    ...meta(RI, RI, 'medium', 'in-progress', ROLES.commissioning, ['sufficiency']),
    strengths:
      'Foster carer recruitment is improving through the regional hub, and the new staying-close service is open.',
    areas:
      'Too many older children live far from home because we lack local homes.\n\n- The sufficiency strategy is out of date\n- The quality of commissioned supported accommodation is uneven',
  },
  'lead-response-to-inspection': {
    ...meta(G, RI, 'high', 'agreed', ROLES.dcs, ['ilacs-report', 'focused-visit']),
    strengths:
      'The improvement board reviews the plan that followed the last inspection every month, and progress on each recommendation goes to scrutiny. Most recommendations are met or on track.',
    areas: 'Recommendation R4 on return home interviews has no action against it yet.',
    before: {
      strengths: 'An improvement plan answers every recommendation of the inspection.',
      areas:
        'The plan has too many actions, and progress is reported as activity rather than as impact for children.',
    },
  },
  'hp-early-help': {
    ...meta(G, G, 'medium', 'agreed', ROLES.earlyHelp, ['audit-q1']),
    strengths:
      'Families get early help quickly, and stepping up to and down from social care is smooth, with shared assessments. Most families tell us the help made a difference.',
    areas: 'Early help assessments for teenagers do not focus enough on risks outside the home.',
  },
  'hp-front-door': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.frontDoor, ['front-door-dip', 'peer-review', 'scorecard']),
    strengths:
      'Contacts are screened within a day in 92% of cases, and the multi-agency safeguarding hub shares information well in office hours. Partners generally understand thresholds.',
    areas:
      'Decisions at the front door are not yet consistently good:\n- consent is not always sought, or its absence recorded\n- out-of-hours decisions are delayed at weekends\n- re-referrals within 12 months remain above our statistical neighbours',
  },
  'hp-strategy-and-section-47': {
    ...meta(RI, RI, 'medium', 'ready-for-review', ROLES.safeguarding, ['audit-themed-cp']),
    strengths:
      'Strategy discussions in office hours are timely and well attended, and section 47 enquiries are thorough, with children seen alone.',
    areas:
      'Out-of-hours strategy discussions are too often delayed to the next working day, and decisions not to start a section 47 enquiry are not always explained on the record.',
  },
  'hp-assessment': {
    ...meta(RI, G, 'medium', 'agreed', ROLES.safeguarding, ['audit-q2']),
    strengths: 'Assessments are timely, and children are seen and spoken to.',
    areas:
      'Audits this year show the quality of analysis slipped when caseloads rose in the summer:\n- history is summarised rather than analysed\n- the child’s lived experience is described but does not shape the plan',
    before: {
      strengths: 'Assessments are timely and most analyse risk and the child’s experience well.',
      areas: 'Fathers and the wider family are not always part of the assessment.',
    },
  },
  'hp-plans-and-reviews': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.reviewing, ['audit-themed-cp', 'family-feedback']),
    strengths:
      'Child protection conferences are on time, children are visited regularly, and families feel listened to in conferences.',
    areas:
      'Plans are not yet specific enough: the themed audit found clear actions in 7 of 10 plans but weak contingency plans in 4. Core groups do not always review progress against the plan.',
  },
  'hp-pre-proceedings': {
    ...meta(G, G, 'medium', 'in-progress', ROLES.safeguarding, []),
    strengths:
      'A monthly legal gateway panel tracks pre-proceedings well, and letters before proceedings are clear for parents. Most children leave pre-proceedings, by stepping down or into proceedings, within 16 weeks.',
    areas: 'The evidence is mostly the panel tracker: audit a sample of pre-proceedings cases.',
  },
  'hp-domestic-abuse-and-neglect': {
    ...meta(G, RI, 'low', 'in-progress', ROLES.earlyHelp, ['audit-q1']),
    strengths:
      'The neglect toolkit is now used in most assessments where neglect is a concern, and domestic abuse notifications are triaged daily with the police.',
    areas:
      'Our confidence is low: the improvement rests on one quarter’s audits, and work with men who harm is still limited.',
    before: {
      strengths: 'Daily triage of domestic abuse notifications with the police is in place.',
      areas: 'Neglect is recognised late, and the neglect toolkit is rarely used.',
    },
  },
  'hp-disabled-children': {
    ...meta(NONE, G, 'low', 'to-do', ROLES.disabled, []),
    strengths:
      'Disabled children get a well-coordinated service from a specialist team, and families value short breaks.',
    areas:
      'Not graded this year until the themed audit of the disabled children’s service reports: complaints from families suggest the service may be less strong than last year’s grade said.',
    before: {
      strengths:
        'Disabled children get a well-coordinated service from a specialist team, and families value short breaks.',
      areas: 'Planning for young people moving to adult services starts too late.',
    },
  },
  'hp-exploitation-and-missing': {
    ...meta(RI, RI, 'medium', 'in-progress', ROLES.exploitation, ['missing-report']),
    strengths:
      'The exploitation team and the multi-agency panel know the children most at risk, and disruption work with the police has closed several locations of concern.',
    areas:
      'Return home interviews are offered after only 58% of missing episodes, and what children say in them rarely shapes their plans. Our data on missing episodes is more than a year old.',
  },
  'hp-lado': {
    ...meta(O, G, 'high', 'agreed', ROLES.lado, []),
    strengths:
      'Allegations against adults who work with children are handled promptly and thoroughly, and partners praise the advice line. Every referral this year had a decision within one working day.',
    areas: 'The annual LADO report is not published yet: link it here when it is.',
    before: {
      strengths: 'Allegations are handled well and partners know the LADO service.',
      areas: 'Faith and voluntary groups are less aware of the service.',
    },
  },
  'hp-management-oversight': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.psw, ['supervision-obs', 'audit-q2']),
    strengths:
      'The new supervision template is used in every team, and observations show more reflective discussion of children.',
    areas:
      'Management oversight is missing at key decision points on one record in three, and supervision becomes less frequent when teams carry vacancies.',
  },
  'cic-entering-care': {
    ...meta(G, G, 'medium', 'agreed', ROLES.inCare, ['audit-q2']),
    strengths:
      'Decisions for children to come into care are timely and made at the right level, and the edge-of-care service helped 40 young people stay safely at home this year.',
    areas: 'Plans for children who return home are not always reviewed with the family afterwards.',
  },
  'cic-kinship-care': {
    ...meta(G, G, 'medium', 'ready-for-review', ROLES.inCare, []),
    strengths:
      'Family and friends are considered early, and kinship carers are assessed and supported by a dedicated team.',
    areas:
      'Kinship carers tell us the financial support is hard to understand.\n- Publish a clear kinship local offer',
  },
  'cic-permanence': {
    ...meta(G, RI, 'medium', 'agreed', ROLES.inCare, ['audit-q1', 'audit-q2']),
    strengths:
      'Permanence is now considered at every child’s second review, and early permanence and fostering for adoption are used well. Support for special guardians is stronger.',
    areas: 'Matching brothers and sisters for long-term fostering together is still slow.',
    before: {
      strengths: 'Adoption is timely and well supported.',
      areas: 'Permanence planning for children in long-term foster care drifts, and decisions come late.',
    },
  },
  'cic-stability-and-sufficiency': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.commissioning, ['sufficiency', 'scorecard']),
    strengths: 'Most younger children live in stable foster homes that meet their needs.',
    areas:
      'Too many older children move home:\n- 11% of children had three or more moves this year, above our statistical neighbours\n- matching for teenagers is limited by the lack of local homes',
  },
  'cic-distance-and-unregistered': {
    ...meta(G, G, 'medium', 'agreed', ROLES.inCare, ['iro-report']),
    strengths:
      'Children placed at a distance are visited as their plans say, and the Director approves and reviews weekly every use of an unregistered home.',
    areas: 'Health assessments for children placed far away are sometimes late.',
    carried: true,
  },
  'cic-unaccompanied': {
    ...meta(NA, NA, 'high', 'agreed', ROLES.inCare, []),
    strengths: '',
    areas:
      'Not applicable this year: very few unaccompanied children have been in our care, and each has been reviewed individually. We will grade this again if numbers rise.',
  },
  'cic-iro-and-participation': {
    ...meta(G, G, 'medium', 'agreed', ROLES.reviewing, ['cic-council']),
    strengths:
      'Independent reviewing officers know their children well and challenge drift. Most children take part in their reviews, and more now chair part of their own meeting.',
    areas:
      'Reviewing officers’ caseloads are above the recommended range, which limits contact between reviews.',
  },
  'cic-family-time-and-identity': {
    ...meta(G, G, 'medium', 'agreed', ROLES.inCare, ['iro-report', 'audit-q4']),
    strengths:
      'Family time is well planned and reviewed with children, and life-story work has improved since a dedicated worker started.',
    areas: 'Life-story work is not routinely started for children in long-term foster care.',
    carried: true,
  },
  'cic-health-education-wellbeing': {
    ...meta(O, G, 'high', 'agreed', ROLES.virtualSchool, ['virtual-school', 'cic-council']),
    strengths:
      'The virtual school is a real strength: personal education plans are consistently good, attendance is better than for children in care nationally, and no child in our care was permanently excluded this year. Initial health assessments are on time for 90% of children.',
    areas: 'Waits for emotional wellbeing support are too long for children placed outside the county.',
    before: {
      strengths: 'Personal education plans are good and attainment is improving.',
      areas: 'Initial health assessments are too often late.',
    },
  },
  'cic-missing-and-exploitation': {
    ...meta(RI, RI, 'medium', 'in-progress', ROLES.exploitation, ['missing-report']),
    strengths:
      'Children in care who go missing are known to the exploitation panel, and carers report missing episodes promptly.',
    areas:
      'Return home interviews are not offered after every missing episode, and safety plans for children in homes outside the county vary in quality.',
  },
  'cl-personal-advisers': {
    ...meta(G, RI, 'high', 'agreed', ROLES.leavingCare, ['care-leaver-survey', 'scorecard']),
    strengths:
      'Every care leaver has a personal adviser from the age of 16 and 94% are in touch. Young people say their adviser knows them and does not give up.',
    areas: 'Advisers’ caseloads rise when posts are vacant, as two are now.',
    before: {
      strengths: 'Personal advisers are committed and most care leavers are in touch.',
      areas: 'Personal advisers are allocated too late, often after the 18th birthday.',
    },
  },
  'cl-pathway-plans': {
    ...meta(RI, RI, 'medium', 'agreed', ROLES.leavingCare, ['focused-visit', 'audit-q2']),
    strengths: 'The new pathway plan template, written with care leavers, is clearer and more personal.',
    areas:
      'The focused visit’s priority action is not yet fully met:\n- only 72% of plans were reviewed in time\n- plans for young people aged 21 to 25 are often brief',
  },
  'cl-health-and-wellbeing': {
    ...meta(RI, RI, 'medium', 'in-progress', ROLES.leavingCare, ['care-leaver-survey']),
    strengths:
      'Care leavers receive their health histories, and a mental health worker is now part of the leaving care team.',
    areas:
      'Care leavers tell us emotional support ends too abruptly at 18, and waits for adult mental health services are long.',
  },
  'cl-entitlements-and-local-offer': {
    ...meta(G, RI, 'medium', 'agreed', ROLES.leavingCare, ['focused-visit', 'care-leaver-survey']),
    strengths:
      'Care leavers rewrote the local offer with us in plain language; it now includes council tax exemption and free leisure passes. Most care leavers know what they are entitled to.',
    areas: 'Care leavers living outside the county do not always receive the same offer.',
    before: {
      strengths: 'A local offer is published.',
      areas: 'Care leavers say the local offer is hard to find and to understand.',
    },
  },
  'cl-accommodation': {
    ...meta(G, G, 'medium', 'ready-for-review', ROLES.leavingCare, ['scorecard']),
    strengths:
      'Nearly all care leavers live in suitable accommodation, staying put is well used, and the staying-close service opened this year.',
    areas: 'Emergency accommodation was used twice this year: review both for learning.',
  },
  'cl-education-employment-training': {
    ...meta(RI, RI, 'high', 'agreed', ROLES.virtualSchool, ['scorecard', 'virtual-school']),
    strengths: 'Apprenticeships across the council have helped more care leavers into work.',
    areas:
      'Only 52% of 19 to 21 year olds are in education, employment or training, below our statistical neighbours, and support for young people who leave college early is not yet effective.',
  },
  'cl-formerly-unaccompanied': {
    ...meta(G, G, 'medium', 'agreed', ROLES.leavingCare, []),
    strengths:
      'The few formerly unaccompanied young people we support get specialist immigration advice and culturally appropriate help.',
    areas: 'English language courses outside term time are hard to find.',
    carried: true,
  },
};

function meta(
  grade: string,
  lastYear: string,
  confidence: Confidence,
  status: WorkflowStatus,
  assignee: string,
  evidence: string[],
) {
  return { grade, lastYear, confidence, status, assignee, evidence };
}
