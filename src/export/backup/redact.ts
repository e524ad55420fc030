/*
 * Redaction of the free text a sanitised copy keeps: the workspace's own case references and the names
 * of the people in its records (whole words, any case), NHS numbers (ten digits in any spacing that
 * pass the modulus 11 check) and dates given as a date of birth. Each becomes "[redacted]".
 */
export const REDACTED = '[redacted]';

export type RedactionKind = 'caseReference' | 'name' | 'nhsNumber' | 'dateOfBirth';

export interface RedactionTerms {
  caseReferences: Iterable<string>;
  names: Iterable<string>;
}

export type Redactor = (text: string, found: Record<RedactionKind, number>) => string;

/** Words that make up job titles and teams: an "owner" made only of these is a role, not a person. */
const ROLE_WORDS = new Set(
  `a an and the of for to in on at head heads service services team teams manager managers management
  director directors deputy assistant lead leads officer officers practice practitioner practitioners
  social worker workers senior principal quality assurance qa performance safeguarding children
  childrens children's child family families young people partnership partnerships board group panel independent
  reviewing iro iros hub front door mash early help care leavers leaving need protection chair
  coordinator co ordinator adviser advisers advisor personal business support analyst analysts data
  admin administrator commissioning improvement audit auditor auditors moderator health education
  police school designated nurse doctor governance operations operational strategic area unit workforce
  development learning dcs corporate parenting virtual edge court legal legals council
  cabinet member members`.split(/\s+/),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** Shorter case references ("12") and names ("M") would redact ordinary words and numbers. */
const MIN_CASE_REFERENCE = 4;
const MIN_NAME = 2;

const normal = (text: string) => text.trim().replace(/\s+/g, ' ').toLowerCase();

export function isRoleNotPerson(name: string): boolean {
  const words = normal(name)
    .replace(/’/g, "'")
    .split(/[\s/&,-]+/);
  return words.every((w) => ROLE_WORDS.has(w) || w === '');
}

/** The longest name or reference, in words, that is searched for. */
const MAX_TERM_WORDS = 8;

const wordsOf = (text: string) => text.toLowerCase().match(WORD) ?? [];

/** Terms by their words ("cin 0042" for CIN-0042), and every run of a term's first words. */
interface TermIndex {
  kinds: Map<string, RedactionKind>;
  prefixes: Set<string>;
}

export function makeRedactor(terms: RedactionTerms): Redactor {
  const index: TermIndex = { kinds: new Map(), prefixes: new Set() };
  const add = (term: string, kind: RedactionKind) => {
    const words = wordsOf(term);
    if (words.length === 0 || words.length > MAX_TERM_WORDS) return;
    for (let n = 1; n <= words.length; n += 1) index.prefixes.add(words.slice(0, n).join(' '));
    index.kinds.set(words.join(' '), kind);
  };
  for (const name of terms.names) {
    const key = normal(name);
    if (key.replace(/[^\p{L}]/gu, '').length >= MIN_NAME && !isRoleNotPerson(key)) add(name, 'name');
  }
  for (const reference of terms.caseReferences)
    if (normal(reference).length >= MIN_CASE_REFERENCE) add(reference, 'caseReference');
  return (text, found) => {
    let out = redactTerms(text, index, found);
    out = out.replace(NHS_NUMBER, (match) => {
      if (!passesModulus11(match.replace(/\D/g, ''))) return match;
      found.nhsNumber += 1;
      return REDACTED;
    });
    return out.replace(DATE_OF_BIRTH, (_match, keyword: string) => {
      found.dateOfBirth += 1;
      return `${keyword}${REDACTED}`;
    });
  };
}

/** Most punctuation or spaces between two words of a term: "CIN-0042", "CIN 0042", "O’Brien". */
const MAX_GAP = 3;

/**
 * Finds terms as runs of whole words, longest first, by walking the text's words once: no pattern is
 * built per text, so thousands of case references cost no more than a few.
 */
function redactTerms(text: string, index: TermIndex, found: Record<RedactionKind, number>): string {
  const tokens = [...text.matchAll(WORD)];
  const words = tokens.map((t) => t[0].toLowerCase());
  const endOf = (t: RegExpExecArray | RegExpMatchArray) => t.index! + t[0].length;
  let out = '';
  let copied = 0;
  for (let i = 0; i < tokens.length;) {
    let key = words[i]!;
    let match: { words: number; kind: RedactionKind } | undefined;
    for (let n = 1; index.prefixes.has(key); n += 1) {
      const kind = index.kinds.get(key);
      if (kind) match = { words: n, kind };
      const next = tokens[i + n];
      if (!next || next.index! - endOf(tokens[i + n - 1]!) > MAX_GAP) break;
      key = `${key} ${words[i + n]}`;
    }
    if (!match) {
      i += 1;
      continue;
    }
    out += text.slice(copied, tokens[i]!.index) + REDACTED;
    copied = endOf(tokens[i + match.words - 1]!);
    found[match.kind] += 1;
    i += match.words;
  }
  return copied === 0 ? text : out + text.slice(copied);
}

/** Ten digits, with any spaces or hyphens between them, not part of a longer run of digits. */
const NHS_NUMBER = /(?<!\d[ \u00A0\t-]{0,3})\d(?:[ \u00A0\t-]{0,3}\d){9}(?![ \u00A0\t-]{0,3}\d)/g;

export function passesModulus11(digits: string): boolean {
  if (!/^\d{10}$/.test(digits)) return false;
  const total = [...digits.slice(0, 9)].reduce((sum, d, i) => sum + Number(d) * (10 - i), 0);
  const check = 11 - (total % 11);
  const expected = check === 11 ? 0 : check;
  return expected !== 10 && expected === Number(digits[9]);
}

const MONTH =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';
const DAY = '\\d{1,2}(?:st|nd|rd|th)?';
const DATE_FORMS = [
  '\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})',
  '\\d{4}-\\d{1,2}-\\d{1,2}',
  `${DAY}\\s+(?:of\\s+)?${MONTH},?\\s+(?:\\d{4}|\\d{2})`,
  `${MONTH}\\s+${DAY},?\\s+\\d{4}`,
  `${MONTH}\\s+\\d{4}`,
  '\\d{4}',
];
/** "DOB 1 March 2015", "d.o.b. 01/03/2015", "born 1/3/15", "date of birth: 2015-03-01": the date goes. */
const DATE_OF_BIRTH = new RegExp(
  `(\\b(?:d\\.?\\s?o\\.?\\s?b\\.?|date\\s+of\\s+birth|born(?:\\s+(?:on|in))?(?:\\s+the)?)\\s*[:–-]?\\s*)(?:${DATE_FORMS.join('|')})(?![\\p{L}\\p{N}])`,
  'giu',
);
