/*
 * Which judgements a recommendation concerns, suggested from its words (our own keyword lists, after
 * domain.md §2's grouping). Only a suggestion: the review screen shows it and the user can change it
 * on the recommendation's page. LSCB recommendations concern the LSCB.
 */
import type { Framework } from '../framework/types';
import type { ListKind } from './types';

type Theme = 'help-and-protection' | 'in-care' | 'care-leavers' | 'adoption' | 'leadership';

const WORDS: [Theme, RegExp][] = [
  [
    'care-leavers',
    /\b(care leavers?|pathway plans?|personal advisers?|leaving care|staying put|local offer)\b/i,
  ],
  ['adoption', /\b(adoption|adopters?|adopted)\b/i],
  [
    'in-care',
    /\b(children in care|child in care|looked after|permanence|placements?|foster(ing| carers?)?|independent reviewing officers?|family time|life[- ]story|virtual school|personal education plans?|sufficiency|kinship|unaccompanied)\b/i,
  ],
  [
    'help-and-protection',
    /\b(help and protection|child protection|early help|front door|contacts?|referrals?|thresholds?|strategy (discussions?|meetings?)|section 47|assessments?|child in need|children in need|exploitation|missing|return home interviews?|domestic abuse|neglect|private(ly)? fost|homeless|lado|allegations|pre-proceedings|public law outline)\b/i,
  ],
  [
    'leadership',
    /\b(leaders|leadership|senior managers?|quality assurance|performance (information|management|data)|audits?|workforce|caseloads?|supervision|management oversight|recruitment|retention|corporate parent(ing)?|governance|self-evaluation|partners|partnership)\b/i,
  ],
];

/** The judgement ids each theme means, in the order a framework might have them. */
const IDS: Record<Theme, string[]> = {
  'help-and-protection': ['help-and-protection'],
  'in-care': ['children-in-care', 'children-in-care-and-care-leavers', 'looked-after-and-permanence'],
  'care-leavers': ['care-leavers', 'children-in-care-and-care-leavers'],
  adoption: ['adoption-performance', 'looked-after-and-permanence', 'children-in-care'],
  leadership: ['leaders', 'leadership-management-governance'],
};

export function judgementsConcerned(
  text: string,
  list: ListKind,
  framework: Framework | undefined,
): string[] {
  if (!framework) return [];
  const has = new Set(framework.judgements.map((j) => j.id));
  if (list === 'lscb-improvement') return has.has('lscb') ? ['lscb'] : [];
  const ids: string[] = [];
  for (const [theme, words] of WORDS) {
    if (!words.test(text)) continue;
    const id = IDS[theme].find((candidate) => has.has(candidate));
    if (id && !ids.includes(id)) ids.push(id);
  }
  return ids;
}
