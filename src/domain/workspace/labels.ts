/*
 * Words for the codes that files and records use (case types, criteria topics), so that nothing a
 * person reads — page, PDF or workbook — shows an internal code such as "care-leavers". Every place
 * that shows one of these codes calls the function here.
 */
import type { CaseType } from '../framework/types';

export const CASE_TYPE_LABELS: Record<CaseType, string> = {
  'early-help': 'Early help',
  'child-in-need-child-protection': 'Child in need or child protection',
  'children-in-care': 'Children in care',
  'care-leavers': 'Care leavers',
  'front-door': 'Front door (contacts and referrals)',
  closure: 'Closure',
  'practice-observation': 'Practice observation',
  supervision: 'Supervision',
  'multi-agency': 'Multi-agency',
};

/** Abbreviations that stay in capitals when a code becomes words. */
const ABBREVIATIONS: Record<string, string> = {
  camhs: 'CAMHS',
  cse: 'CSE',
  cce: 'CCE',
  dols: 'DoLS',
  ehcp: 'EHCP',
  fgm: 'FGM',
  iro: 'IRO',
  iros: 'IROs',
  jtai: 'JTAI',
  lado: 'LADO',
  lscb: 'LSCB',
  mash: 'MASH',
  nqsw: 'NQSW',
  asye: 'ASYE',
  pep: 'PEP',
  peps: 'PEPs',
  pla: 'PLA',
  plo: 'PLO',
  rhi: 'RHI',
  send: 'SEND',
  sgo: 'SGO',
  uasc: 'UASC',
};

/** "child-sexual-exploitation" → "Child sexual exploitation"; "lado" → "LADO". */
export function describeCode(code: string): string {
  const words = code
    .split(/[-_\s]+/)
    .filter(Boolean)
    .map((word) => ABBREVIATIONS[word.toLowerCase()] ?? word.toLowerCase());
  if (words.length === 0) return code;
  const [first, ...rest] = words;
  return [first!.charAt(0).toUpperCase() + first!.slice(1), ...rest].join(' ');
}

/** Lower case words joined by hyphens or underscores: a code, not words someone typed. */
const LOOKS_LIKE_CODE = /^[a-z0-9]+(?:[-_][a-z0-9]+)*$/;

/**
 * A case type in words. A code a council's own framework adds is turned into words the same way; a type
 * typed in a case list ("Child in Need (S17)") is kept as it was typed.
 */
export function describeCaseType(code: string): string {
  const known = (CASE_TYPE_LABELS as Record<string, string>)[code];
  if (known) return known;
  return LOOKS_LIKE_CODE.test(code) ? describeCode(code) : code.trim();
}

/** A criterion's topic tag in words. */
export function describeTopic(tag: string): string {
  return describeCode(tag);
}

/** What a history entry's field is called where people read it (page, workbook). */
export const HISTORY_FIELDS: Record<string, string> = {
  grade: 'Grade',
  agreedGrade: 'Agreed grade',
  confidence: 'Confidence',
  strengths: 'Strengths',
  areasForDevelopment: 'Areas for development',
  status: 'Status',
  assignee: 'Assigned to',
  evidenceIds: 'Evidence',
  rationale: 'Rationale',
  toReEvaluate: 'Re-evaluated',
  reviewComment: 'Sent back with the comment',
  signOff: 'Agreed grade signed off by',
  'carried-forward': 'Carried forward',
};
