/*
 * The example council's agreed judgement grades and its self-evaluation narrative, this year and last.
 * Fictional throughout. Evidence is cited by its register title in square brackets, so a reader (and a
 * test) can find it; an agreed grade that differs from the proposal always comes with its reason.
 */

export interface DemoJudgement {
  grade: string;
  lastYear: string;
  rationale: string;
}

export const DEMO_JUDGEMENTS: Record<string, DemoJudgement> = {
  leaders: { grade: 'good', lastYear: 'requires-improvement', rationale: '' },
  'help-and-protection': { grade: 'requires-improvement', lastYear: 'requires-improvement', rationale: '' },
  'children-in-care': { grade: 'good', lastYear: 'good', rationale: '' },
  'care-leavers': {
    grade: 'requires-improvement',
    lastYear: 'requires-improvement',
    rationale:
      'Most criteria are now good, but we have agreed Requires improvement to be good. The focused visit’s priority action on pathway plans is not yet fully met, pathway plans shape the experience of every care leaver, and education, employment and training remain below our neighbours. We will look at this grade again after the spring re-audit of pathway plans.',
  },
  'overall-effectiveness': {
    grade: 'requires-improvement',
    lastYear: 'requires-improvement',
    rationale:
      'Overall effectiveness usually follows the leaders grade, but help and protection and care leavers both still require improvement, and most children we work with are in help and protection. Leaders are effective; their impact is not yet consistent in practice.',
  },
};

type Answers = Record<'what-we-know' | 'how-we-know' | 'plans', string>;

export const DEMO_NARRATIVES: Record<string, Answers> = {
  leaders: {
    'what-we-know':
      'Leaders know their services well and have acted on the last inspection. Political and corporate support is strong, quality assurance has improved, and caseloads have fallen.\n\nWorkforce stability and the sufficiency of local homes are our two main risks, and both affect older children most.',
    'how-we-know':
      'Our quality assurance framework combines monthly moderated audits [Evidence: Case audit summary, quarter 2], practice weeks [Evidence: Listening and Learning practice week report] and the scorecard [Evidence: Monthly performance scorecard].\n\nOfsted’s view at the annual engagement meeting matched ours [Evidence: Annual engagement meeting letter].',
    plans:
      'Over the next 12 months we will:\n- reduce agency social workers from 14% to 10% (Head of Workforce Development)\n- refresh the sufficiency strategy (Head of Commissioning)\n- track what changed for children after each audit (Quality Assurance Manager)',
  },
  'help-and-protection': {
    'what-we-know':
      'Children who need help and protection are safe, but the quality of practice is not yet consistently good.\n\nWhat is working well:\n- early help is well used, and stepping up and down is smooth\n- allegations against adults are handled promptly and thoroughly\n\nWhat is not yet good enough:\n- out-of-hours strategy discussions are not always timely\n- assessments do not analyse history and the child’s lived experience well enough',
    'how-we-know':
      'Our knowledge rests mainly on moderated audits [Evidence: Case audit summary, quarter 2], a themed audit of child protection plans [Evidence: Themed audit: child protection plans] and a dip sample at the front door [Evidence: Front door dip sample of contacts].\n\nFeedback from families after conferences is more than a year old [Evidence: Family feedback after child protection conferences] and will be repeated this year.',
    plans:
      'Over the next 12 months we will:\n- review every out-of-hours strategy decision the next morning (Head of Service, Front Door)\n- run assessment analysis workshops for every team (Principal Social Worker)\n- repeat the family feedback survey after conferences (Safeguarding and Reviewing Manager)',
  },
  'children-in-care': {
    'what-we-know':
      'Most children in care live in stable homes that meet their needs, and their education is a real strength.\n\nToo many older children still move home or live far away, because we do not have enough local homes for them.',
    'how-we-know':
      'Audits, the Children in Care Council [Evidence: Children in Care Council feedback] and the virtual school’s report [Evidence: Virtual school annual report] tell the same story. Stability figures come from the scorecard [Evidence: Monthly performance scorecard].',
    plans:
      '- Recruit and approve 20 more foster carers through the regional hub\n- Open two local children’s homes with a partner provider\n- Start life-story work for every child in long-term foster care',
  },
  'care-leavers': {
    'what-we-know':
      'Care leavers are in touch with personal advisers who know them well, and the local offer is clear and generous.\n\nPathway plans are better since the focused visit but are not yet consistently good, and too few young people are in education, employment or training.',
    'how-we-know':
      'Care leavers told us in our survey [Evidence: Care leavers’ survey “Your Voice”]; the focused visit confirmed the weaknesses in pathway plans [Evidence: Ofsted focused visit letter: care leavers].',
    plans:
      '- Review every pathway plan older than six months, with the young person\n- Fill the two vacant personal adviser posts\n- Offer a college mentor to every care leaver at risk of leaving their course',
  },
  'overall-effectiveness': {
    'what-we-know':
      'Services for children in Exampleshire are improving but not yet good overall. Leaders are effective and children in care are well served; help and protection and support for care leavers still require improvement.',
    'how-we-know':
      'The judgements above, and Ofsted’s last inspection [Evidence: Ofsted ILACS inspection report], with progress on each recommendation reported to the improvement board.',
    plans:
      'Our priorities are the front door out of hours, the quality of assessments, pathway plans and workforce stability. The improvement board will check progress every month.',
  },
};

export const DEMO_LAST_YEAR_NARRATIVES: Record<string, Answers> = {
  leaders: {
    'what-we-know':
      'Leaders are responding to the inspection, but quality assurance and partnership working are not yet strong enough.',
    'how-we-know': 'Monthly audits, the improvement board and the scorecard.',
    plans: '- Strengthen audit moderation\n- Agree strategy discussion attendance with partners',
  },
  'help-and-protection': {
    'what-we-know': 'Children are safe, but plans drift and out-of-hours responses are slow.',
    'how-we-know': 'Audits and the front door peer review.',
    plans: '- Out-of-hours protocol with police and health\n- Relaunch the neglect toolkit',
  },
  'children-in-care': {
    'what-we-know': 'Most children in care are doing well at school and live in stable homes.',
    'how-we-know': 'The virtual school report and the Children in Care Council.',
    plans: '- Earlier permanence decisions for children in long-term foster care',
  },
  'care-leavers': {
    'what-we-know':
      'Personal advisers are committed, but they are allocated late and pathway plans are weak.',
    'how-we-know': 'Audits and the care leavers’ forum.',
    plans: '- Allocate personal advisers from 16\n- Rewrite the local offer with care leavers',
  },
  'overall-effectiveness': {
    'what-we-know': 'Services require improvement to be good, as the inspection found.',
    'how-we-know': 'The judgements above.',
    plans: 'Deliver the improvement plan that answers the inspection.',
  },
};
