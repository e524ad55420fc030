/*
 * What a rehearsal prepares for: a kind of inspection and, for a focused visit or a JTAI, its theme.
 * A themed rehearsal drills the theme's criteria (themeCriteria), across judgements; any other kind,
 * and every rehearsal from before the choice was kept, drills one judgement.
 */
import type { Criterion, Framework } from '../framework/types';
import { INSPECTION_TYPE_LABELS, isInspectionType, type InspectionType } from './inspection-rhythm';
import { themeCriteria, themesFor, type InspectionTheme } from './theme-readiness';

export type ThemedInspectionType = 'focused-visit' | 'jtai';

export interface RehearsalFocus {
  type: InspectionType;
  /** A theme id of themesFor(type); only for a focused visit or a JTAI. */
  themeId?: string;
}

export function isThemedType(type: unknown): type is ThemedInspectionType {
  return type === 'focused-visit' || type === 'jtai';
}

/** The theme a focus names, when its kind has themes and the id is one of them. */
export function themeOfFocus(focus: Partial<RehearsalFocus> | undefined): InspectionTheme | undefined {
  if (!focus || !isThemedType(focus.type)) return undefined;
  return themesFor(focus.type).find((t) => t.id === focus.themeId);
}

export interface ThemedFocus {
  type: ThemedInspectionType;
  theme: InspectionTheme;
  criteria: Criterion[];
}

/** The theme and its criteria in this framework; undefined when the focus is not themed or nothing bears on it. */
export function themedFocus(
  framework: Framework,
  focus: Partial<RehearsalFocus> | undefined,
): ThemedFocus | undefined {
  const theme = themeOfFocus(focus);
  if (!theme || !isThemedType(focus?.type)) return undefined;
  const criteria = themeCriteria(framework, theme, focus.type);
  return criteria.length ? { type: focus.type, theme, criteria } : undefined;
}

/** The judgement most of the theme's criteria belong to (the first in report order on a tie). */
export function themeJudgementId(framework: Framework, themed: ThemedFocus): string | undefined {
  const counts = new Map<string, number>();
  for (const c of themed.criteria) counts.set(c.judgementId, (counts.get(c.judgementId) ?? 0) + 1);
  let best: string | undefined;
  for (const j of framework.judgements) {
    const n = counts.get(j.id) ?? 0;
    if (n > 0 && (best === undefined || n > (counts.get(best) ?? 0))) best = j.id;
  }
  return best;
}

/** The focus as a heading says it: "Focused visit: the front door", "JTAI: …, with the front door". */
export function describeFocus(focus: Partial<RehearsalFocus> | undefined): string | undefined {
  if (!focus || !isInspectionType(focus.type)) return undefined;
  const theme = themeOfFocus(focus);
  if (!theme) return INSPECTION_TYPE_LABELS[focus.type];
  const title = themeInSentence(theme);
  return focus.type === 'jtai'
    ? `Joint targeted area inspection (JTAI): ${title}, with the front door`
    : `Focused visit: ${title}`;
}

/** A themed rehearsal's short name, for its title: "Focused visit on the front door". */
export function themedTitle(themed: Pick<ThemedFocus, 'type' | 'theme'>): string {
  return `${themed.type === 'jtai' ? 'JTAI' : 'Focused visit'} on ${themeInSentence(themed.theme)}`;
}

/** A theme's title inside a sentence: "The front door" → "the front door"; an acronym keeps its capitals. */
export function themeInSentence(theme: Pick<InspectionTheme, 'title'>): string {
  return theme.title.replace(/^[A-Z](?=[a-z])/, (c) => c.toLowerCase());
}
