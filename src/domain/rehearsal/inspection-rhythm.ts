/*
 * How much notice each kind of inspection gives and how long inspectors stay, in working days, with
 * the published account each rhythm rests on. Which kinds a cycle can rehearse follows its framework:
 * ILACS (short, standard, focused visit, JTAI), the SIF (itself, JTAI), a safeguarding partnership (JTAI).
 */
import type { ChecklistCategory, Framework } from '../framework/types';

export const INSPECTION_TYPES = ['ilacs-standard', 'ilacs-short', 'focused-visit', 'jtai', 'sif'] as const;
export type InspectionType = (typeof INSPECTION_TYPES)[number];

export const INSPECTION_TYPE_LABELS: Record<InspectionType, string> = {
  'ilacs-standard': 'ILACS standard inspection',
  'ilacs-short': 'ILACS short inspection',
  'focused-visit': 'Focused visit',
  jtai: 'Joint targeted area inspection (JTAI)',
  sif: 'Single inspection framework (SIF) inspection',
};

export const INSPECTION_TYPE_HINTS: Record<InspectionType, string> = {
  'ilacs-standard': 'Two weeks on site: councils last judged requires improvement, or inadequate.',
  'ilacs-short': 'One week on site: councils last judged good or outstanding.',
  'focused-visit': 'One theme, two inspectors, about two days on site; a letter, no grades.',
  jtai: 'Ofsted, the CQC, HMICFRS and sometimes HM Inspectorate of Probation; the front door and a theme.',
  sif: 'The framework from November 2013 to 2018: about four weeks on site, practically no notice.',
};

/** How long inspectors stay: a number of working days, or until a weekday of a week counted from arrival. */
export type OnSitePeriod = { workingDays: number } | { untilWeek: number; untilWeekday: number };

export interface InspectionRhythm {
  type: InspectionType;
  /** The weekday the call usually comes on (1 = Monday), where the framework says so. */
  callWeekday?: number;
  /** Working days from the call to the first day on site: 5 is the same weekday a week later. */
  noticeWorkingDays: number;
  onSite: OnSitePeriod;
  /** The working day after the call each kind of item is due by default; 'last' is the eve of arrival. */
  due: Record<ChecklistCategory, number | 'last'>;
  /** How the notice runs, in a sentence or two. */
  summary: string;
  /** Where the rhythm comes from. */
  source: string;
}

export const INSPECTION_RHYTHMS: Record<InspectionType, InspectionRhythm> = {
  'ilacs-standard': {
    type: 'ilacs-standard',
    callWeekday: 1,
    noticeWorkingDays: 5,
    onSite: { workingDays: 10 },
    due: { 'annex-a': 0, documents: 1, arrangements: 'last' },
    summary:
      'The lead inspector calls the director on a Monday. That week the council uploads its Annex A lists, its self-evaluation, audits and performance information; inspectors are on site from the next Monday for two weeks.',
    source:
      'Ofsted, Inspecting local authority children’s services (ILACS framework); Lewisham, July 2019: the notice week, then on site 8 to 19 July.',
  },
  'ilacs-short': {
    type: 'ilacs-short',
    callWeekday: 1,
    noticeWorkingDays: 5,
    onSite: { workingDays: 5 },
    due: { 'annex-a': 0, documents: 1, arrangements: 'last' },
    summary:
      'The lead inspector calls the director on a Monday. That week the council uploads its Annex A lists, its self-evaluation, audits and performance information; inspectors are on site from the next Monday for one week.',
    source:
      'Ofsted, Inspecting local authority children’s services (ILACS framework); Oxfordshire, 2018, the first short inspection: the call came on a Monday.',
  },
  'focused-visit': {
    type: 'focused-visit',
    noticeWorkingDays: 5,
    onSite: { workingDays: 2 },
    due: { 'annex-a': 0, documents: 1, arrangements: 'last' },
    summary:
      'The lead inspector calls about a week ahead. Two inspectors spend about two days on site on one theme, give feedback on the last afternoon and write a letter; there are no grades.',
    source:
      'Norfolk County Council, September 2021: told on Tuesday 28 September, two inspectors on site on Tuesday 5 and Wednesday 6 October, feedback on the Wednesday afternoon.',
  },
  jtai: {
    type: 'jtai',
    noticeWorkingDays: 10,
    onSite: { workingDays: 5 },
    due: { 'annex-a': 2, documents: 4, arrangements: 'last' },
    summary:
      'The inspectorates notify the partnership ten working days before fieldwork. Week one is for set-up and the data they ask for, week two for the partners’ own audits of the children they choose; inspectors are on site in week three. The findings come in a letter.',
    source:
      'Ofsted, CQC, HMICFRS and HMI Probation, joint targeted area inspection framework (notification ten working days before fieldwork); Sheffield Children Safeguarding Partnership, JTAI guidance for practitioners (the three weeks).',
  },
  sif: {
    type: 'sif',
    noticeWorkingDays: 1,
    onSite: { untilWeek: 4, untilWeekday: 4 },
    due: { 'annex-a': 0, documents: 0, arrangements: 0 },
    summary:
      'There was practically no notice: the call came one working day before inspectors arrived, and they stayed about four weeks. Everything on this list has to be ready before the call.',
    source:
      'Norfolk County Council, July 2015: told on Monday 6 July, inspectors on site from Tuesday 7 July, feedback on Thursday 30 July. Lambeth, 2018: fieldwork 29 January to 22 February.',
  },
};

export function isInspectionType(value: unknown): value is InspectionType {
  return typeof value === 'string' && (INSPECTION_TYPES as readonly string[]).includes(value);
}

const FAMILIES: { pattern: RegExp; types: InspectionType[] }[] = [
  { pattern: /(^|-)ilacs(-|$)/, types: ['ilacs-standard', 'ilacs-short', 'focused-visit', 'jtai'] },
  { pattern: /(^|-)sif(-|$)/, types: ['sif', 'jtai'] },
  { pattern: /(^|-)safeguarding-partnership(-|$)/, types: ['jtai'] },
];

/** The kinds of inspection a cycle on this framework can rehearse; a council's own framework offers all. */
export function inspectionTypesFor(framework: Pick<Framework, 'id'>): InspectionType[] {
  return FAMILIES.find((f) => f.pattern.test(framework.id))?.types ?? [...INSPECTION_TYPES];
}

/** The kind chosen, when this framework offers it; otherwise the framework's usual one. */
export function chooseInspectionType(framework: Pick<Framework, 'id'>, chosen: unknown): InspectionType {
  const offered = inspectionTypesFor(framework);
  return isInspectionType(chosen) && offered.includes(chosen) ? chosen : offered[0]!;
}
