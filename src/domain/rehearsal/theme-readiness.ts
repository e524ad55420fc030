/*
 * Readiness for a focused visit (one of its seven themes) or a JTAI (the front door plus a deep-dive
 * theme): the criteria that bear on the theme, found by the framework's own judgements and tags, each
 * with its grade, current evidence, the completed audits linked to it and its lines of enquiry, and
 * the gaps an inspector would find. The themes are data; a framework without matching tags has none.
 */
import type { CaseAudit } from '../case-audit/records';
import { isCounted } from '../case-audit/findings';
import type { Criterion, Framework } from '../framework/types';
import { isStale } from '../self-assessment/dates';
import type { CriterionAssessment, EvidenceItem } from '../workspace/records';
import { NOT_APPLICABLE, NOT_YET_GRADED } from '../workspace/vocabulary';

export interface InspectionTheme {
  id: string;
  title: string;
  /** Criteria of these judgements bear on the theme… */
  judgementIds?: readonly string[];
  /** …and so do criteria carrying any of these tags. */
  tags: readonly string[];
}

const FRONT_DOOR: InspectionTheme = {
  id: 'front-door',
  title: 'The front door',
  tags: ['front-door', 'contacts', 'thresholds', 'mash', 'strategy-discussions'],
};

export const FOCUSED_VISIT_THEMES: readonly InspectionTheme[] = [
  FRONT_DOOR,
  {
    id: 'cin-cp',
    title: 'Children in need or on a child protection plan',
    tags: ['child-in-need', 'child-protection', 'conferences', 'core-groups'],
  },
  {
    id: 'extra-familial-risk',
    title: 'Vulnerable children at extra-familial risk',
    tags: [
      'extra-familial-harm',
      'exploitation',
      'child-criminal-exploitation',
      'child-sexual-exploitation',
      'contextual-safeguarding',
      'missing',
    ],
  },
  {
    id: 'children-in-care',
    title: 'Children in care',
    judgementIds: ['children-in-care'],
    tags: ['children-in-care'],
  },
  {
    id: 'permanence',
    title: 'Planning and achieving permanence',
    tags: ['permanence', 'adoption', 'early-permanence', 'special-guardianship', 'fostering-for-adoption'],
  },
  { id: 'care-leavers', title: 'Care leavers', judgementIds: ['care-leavers'], tags: ['care-leavers'] },
  {
    id: 'older-children-placements',
    title: 'Placement decision-making for older children',
    tags: [
      'placements',
      'sufficiency',
      'distance-placements',
      'unregistered',
      'accommodation',
      'placement-stability',
    ],
  },
];

/** JTAI deep dives: the front door is always inspected, with one of these. */
export const JTAI_THEMES: readonly InspectionTheme[] = [
  { id: 'domestic-abuse', title: 'Children living with domestic abuse', tags: ['domestic-abuse'] },
  {
    id: 'exploitation',
    title: 'Children at risk of exploitation',
    tags: [
      'exploitation',
      'child-criminal-exploitation',
      'child-sexual-exploitation',
      'extra-familial-harm',
      'missing',
    ],
  },
  { id: 'neglect', title: 'Children living with neglect', tags: ['neglect', 'cumulative-harm'] },
  {
    id: 'multi-agency',
    title: 'Multi-agency working and information sharing',
    tags: ['multi-agency', 'information-sharing'],
  },
];

export function themesFor(type: 'focused-visit' | 'jtai'): readonly InspectionTheme[] {
  return type === 'jtai' ? JTAI_THEMES : FOCUSED_VISIT_THEMES;
}

/** The criteria that bear on a theme; a JTAI adds the front door's. */
export function themeCriteria(
  framework: Framework,
  theme: InspectionTheme,
  type: 'focused-visit' | 'jtai',
): Criterion[] {
  const themes = type === 'jtai' ? [FRONT_DOOR, theme] : [theme];
  return framework.criteria.filter((c) =>
    themes.some((t) => t.judgementIds?.includes(c.judgementId) || c.tags.some((tag) => t.tags.includes(tag))),
  );
}

export interface ThemeCriterionReadiness {
  criterion: Criterion;
  grade?: string;
  currentEvidence: number;
  audits: number;
  linesOfEnquiry: number;
  gaps: string[];
}

export function computeThemeReadiness(input: {
  framework: Framework;
  theme: InspectionTheme;
  type: 'focused-visit' | 'jtai';
  criterionAssessments: readonly CriterionAssessment[];
  evidence: readonly EvidenceItem[];
  audits: readonly CaseAudit[];
  today: string;
}): ThemeCriterionReadiness[] {
  const assessments = new Map(
    input.criterionAssessments.filter((a) => !a.deletedAt).map((a) => [a.criterionId, a]),
  );
  const evidence = new Map(input.evidence.filter((e) => !e.deletedAt).map((e) => [e.id, e]));
  const counted = input.audits.filter((a) => isCounted(a) && a.frameworkId === input.framework.id);
  return themeCriteria(input.framework, input.theme, input.type).map((criterion) => {
    const assessment = assessments.get(criterion.id);
    const grade =
      assessment?.grade && assessment.grade !== NOT_YET_GRADED && assessment.grade !== NOT_APPLICABLE
        ? assessment.grade
        : undefined;
    const currentEvidence = (assessment?.evidenceIds ?? [])
      .map((id) => evidence.get(id))
      .filter((e) => e && !isStale(e.date, input.today)).length;
    const audits = counted.filter((a) => a.criterionIds.includes(criterion.id)).length;
    const gaps = [
      ...(grade ? [] : ['Not graded']),
      ...(currentEvidence ? [] : ['No evidence from the last 12 months']),
      ...(audits ? [] : ['No completed audit linked']),
    ];
    return {
      criterion,
      grade,
      currentEvidence,
      audits,
      linesOfEnquiry: criterion.linesOfEnquiry.length,
      gaps,
    };
  });
}
