/*
 * Plain UK English for Issues: where (in the user's terms, supplied per file format) and what to do.
 * Raw validator wording never reaches the user.
 */
import type { Issue, IssuePath } from './issue';

/** A format's way of naming the start of a path ("Judgement 'Care leavers' › criterion CL3"). */
export type ContextNamer = (path: IssuePath) => { crumbs: string[]; consumed: number };

export interface IssueMessage {
  severity: Issue['severity'];
  location: string;
  text: string;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  integer: 'a whole number',
  number: 'a number',
  boolean: 'true or false',
  array: 'a list',
  object: 'a group of fields',
  null: 'empty (null)',
  undefined: 'missing',
};

const FIELD_WORDS: Record<string, string> = {
  id: 'id',
  judgementId: 'judgement',
  judgementIds: 'judgements',
  scaleId: 'scale',
  parentId: 'parent judgement',
  levelIds: 'grades',
  criterionIds: 'criteria',
  ofJudgementIds: 'judgements it lies between',
  equalsJudgementId: 'judgement it usually equals',
  thanJudgementId: 'judgement it is not better than',
  if: 'condition',
  then: 'consequence',
  formatVersion: 'format version',
  formatName: 'format name',
  levels: 'grades',
  selfEvaluation: 'self-evaluation questions',
  goodOrBetterMinRank: 'lowest rank that counts as good or better',
};

const KIND_PLURALS: Record<string, string> = {
  scale: 'scales',
  judgement: 'judgements',
  criterion: 'criteria',
  grade: 'grades',
};

/** A lookup that a field named "__proto__" or "constructor" in an untrusted file cannot reach past. */
function own<T>(table: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function fieldWords(field: string | number): string {
  if (typeof field === 'number') return `item ${field + 1}`;
  return own(FIELD_WORDS, field) ?? field.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function typeWords(type: string | number | undefined): string {
  const words = String(type ?? '')
    .split(',')
    .map((t) => own(TYPE_WORDS, t) ?? t);
  return words.length > 1 ? `${words.slice(0, -1).join(', ')} or ${words.at(-1)}` : words.join('');
}

export function locate(path: IssuePath, nameContext: ContextNamer): string {
  const { crumbs, consumed } = nameContext(path);
  const parts = [...crumbs];
  for (const segment of path.slice(consumed)) {
    if (typeof segment === 'number' && parts.length > 0) parts[parts.length - 1] += `, item ${segment + 1}`;
    else parts.push(fieldWords(segment));
  }
  if (parts.length === 0) return 'The file';
  parts[0] = parts[0]!.charAt(0).toUpperCase() + parts[0]!.slice(1);
  return parts.join(' › ');
}

/**
 * A message about the whole file as one sentence. Its text is either a predicate ("is not UTF-8 text")
 * or already a sentence ("the file is empty…"); shown alone, a predicate would read "Is not UTF-8 text".
 */
export function wholeFileSentence(text: string): string {
  const sentence = /^(the|a|an|this|it)\b/i.test(text) || /^\p{Lu}/u.test(text) ? text : `the file ${text}`;
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

export function describeIssue(found: Issue, nameContext: ContextNamer): IssueMessage {
  return { severity: found.severity, location: locate(found.path, nameContext), text: explain(found) };
}

export function formatIssue(message: IssueMessage): string {
  return `${message.location}: ${message.text}`;
}

type Explainer = (p: Issue['params']) => string;

const EXPLAIN: Record<string, Explainer> = {
  'file-too-large': (p) =>
    `the file is ${megabytes(p.size, Math.ceil)}, larger than the ${megabytes(p.limit, Math.floor)} this import accepts. Check it is the right file.`,
  'file-empty': () => 'the file is empty. Choose the file again, or check it was saved completely.',
  'not-text': () => 'the file is not a text file (it contains binary data). Choose a .json file.',
  'not-utf8': () =>
    'the file is saved in a text encoding this app cannot read (it is not UTF-8). Open it in a text editor and save it again with the encoding “UTF-8”.',
  'not-json': () =>
    'the file is not a JSON file (JSON files start with “{”). Check you chose the right file, not a spreadsheet, web page or document.',
  'json-number-too-large': (p) =>
    `the number at line ${p.line}, column ${p.column} is ${Number(p.digits) > 20 ? `${p.digits} digits long, ` : ''}too large to be read (no field needs a number that size). Check the file was exported correctly, or export it again.`,
  'utf16-text': (p) =>
    p.expected === 'json'
      ? 'the file is saved as UTF-16 (“Unicode”) text, which this import cannot read. Open it in a text editor and save it again as UTF-8 JSON (encoding “UTF-8”).'
      : `${p.expected === 'xlsx' ? 'this is a text file saved as UTF-16 (“Unicode text”), not an Excel workbook' : 'the file is saved as UTF-16 (“Unicode text”), which this import cannot read'}. Save it as “CSV UTF-8 (Comma delimited)” and import that.`,
  'wrong-kind-of-file': (p) =>
    `${p.found === 'unknown' ? 'this is not' : `this is ${own(FILE_KINDS, String(p.found)) ?? 'another kind of file'}, not`} ${own(EXPECTED_FILES, String(p.expected)) ?? 'the right kind of file'}. ${fileKindAdvice(String(p.found), String(p.expected))}`,
  'csv-separator': (p) =>
    p.separator === 'semicolon'
      ? 'the columns in this file are separated by semicolons (;), not commas (spreadsheets set to a European region save CSV files this way). Save it as an Excel workbook (.xlsx) and import that, or replace the semicolons with commas.'
      : 'the columns in this file are separated by tabs, not commas (it is a tab-separated or “Text” file). Save it as “CSV UTF-8 (Comma delimited)” or as an Excel workbook (.xlsx), and import that.',
  'json-duplicate-key': (p) =>
    `the field “${p.key}” is given twice in one object (line ${p.line}, column ${p.column}), so it is not clear which value is meant. Delete one of them in a text editor, or export the file again.`,
  'text-control-character': () =>
    'holds a hidden control character, which cannot be printed or read aloud. Delete it (retype the text if you cannot see it).',
  'text-bidi-control': () =>
    'holds a hidden character that reverses the direction of text, which can make it read differently from what it says. Delete it (retype the text if you cannot see it).',
  'text-lone-surrogate': () =>
    'holds a broken character (half of an emoji or a rare letter), usually from a damaged copy and paste. Retype the text.',
  'text-blank': () => 'is empty or only spaces or invisible characters. Write the words it should show.',
  'min-rank-counts-lowest': (p) =>
    `with rank ${p.found}, even the lowest grade (“${p.lowest}”) would count as good or better, so every share would be 100%. Use the rank of the lowest grade that really counts as good.`,
  'json-syntax': (p) =>
    `the file is not valid JSON. At line ${p.line}, column ${p.column}: ${p.problem}. Fix it in a text editor, or export the file again.`,
  'too-deeply-nested': (p) =>
    `the file has lists or groups nested more than ${p.limit} deep (at line ${p.line}), far more than any framework needs. Check you chose the right file.`,
  'not-an-object': (p) =>
    `the file should hold one JSON object (starting with “{”), but it holds ${typeWords(p.found)}. Check you chose the right file.`,
  'wrong-format': (p) =>
    p.found === 'readiness-workspace'
      ? 'this is a workspace backup, not a framework. Restore it from Settings › Backup and restore.'
      : p.suggestion
        ? `the format name “${p.found}” is misspelt: it should be “${p.suggestion}”.`
        : p.found
          ? `this file’s format is “${p.found}”, not a ${p.expectedWords}. Choose a ${p.expectedWords} file.`
          : `this is not a ${p.expectedWords} file: it does not contain "formatName": "${p.expected}". Check you chose the right file.`,
  'format-version-missing': () =>
    'the file does not say which format version it uses (the field “formatVersion” is missing). Export the file again, or ask whoever made it.',
  'format-version-invalid': (p) =>
    p.kind === 'string'
      ? `the format version is written as text (“${p.found}”). Write it as a number without quotation marks, for example "formatVersion": 1.`
      : p.kind === 'integer' || p.kind === 'number'
        ? `the format version “${p.found}” is not a whole number from 1 upwards.`
        : `the format version must be a whole number (for example 1), not ${typeWords(p.kind)}.`,
  'format-version-newer': (p) =>
    `the file was made by a newer version of Readiness Workbook (format version ${p.found}; this app reads up to ${p.supported}). Update the app, then import it again.`,
  'missing-field': (p) => {
    const words = fieldWords(p.field ?? '');
    return `the required field “${p.field}”${words === p.field ? '' : ` (${words})`} is missing. Add it.`;
  },
  'unknown-field': (p) =>
    `“${p.field}” is not a field of this format.` +
    (p.suggestion ? ` Did you mean “${p.suggestion}”?` : '') +
    ' Fix the spelling, or put a council’s own fields under “extensions”.',
  // kindOfValue calls a number "number" only when it is not whole.
  'wrong-type': (p) =>
    `must be ${typeWords(p.expected)}, not ${p.found === 'number' ? 'a decimal number' : typeWords(p.found)}.`,
  'not-allowed-value': (p) =>
    `“${p.found}” is not allowed here.` +
    (p.suggestion ? ` Did you mean “${p.suggestion}”?` : '') +
    ` Use one of: ${String(p.allowed).split(/,\s*/).join(', ')}.`,
  'invalid-id': (p) =>
    `“${p.found}” is not a valid id. Use up to 80 letters, digits, dots, hyphens or underscores, with no spaces (for example “${idExample(p.found)}”).`,
  'invalid-date-format': (p) => {
    const dayFirst = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(String(p.found));
    const pad = (n: string | undefined) => String(n).padStart(2, '0');
    return dayFirst
      ? `“${p.found}” is not a date written yyyy-mm-dd. Write it as ${dayFirst[3]}-${pad(dayFirst[2])}-${pad(dayFirst[1])}.`
      : `“${p.found}” is not a date written yyyy-mm-dd (for example 2023-04-01).`;
  },
  'invalid-text-format': (p) => `“${p.found}” is not in the expected form.`,
  'too-few-items': (p) =>
    p.limit === 1
      ? 'must not be empty: add at least one item.'
      : `needs at least ${p.limit} items (it has ${p.count}).`,
  'too-many-items': (p) => `has ${p.count} items; at most ${p.limit} are allowed.`,
  'empty-text': () => 'must not be empty.',
  'text-too-long': (p) => `is too long: ${p.count} characters, at most ${p.limit}. Shorten it.`,
  'number-too-small': (p) => `must be at least ${p.limit} (it is ${p.found}).`,
  'number-too-large': (p) => `must be at most ${p.limit} (it is ${p.found}).`,
  'too-many-fields': (p) => `has more than ${p.limit} fields.`,
  'invalid-field-name': (p) =>
    p.rule === 'id'
      ? `“${p.field}” cannot be used as a name here: it must be an id (up to 80 letters, digits, dots, hyphens or underscores, with no spaces, for example “${idExample(p.field)}”).`
      : p.rule === 'empty'
        ? 'one of the names here is empty. Give it a name.'
        : p.rule === 'long'
          ? `the name “${p.field}” is too long: ${p.count} characters, at most ${p.limit}. Shorten it.`
          : `“${p.field}” is not a valid name here.`,
  'schema-other': (p) => `is not valid (${p.detail}).`,
  'duplicate-id': (p) => `the id “${p.id}” is also used by ${p.other}. Ids must be unique: rename one.`,
  'unknown-reference': (p) =>
    (p.kind === 'grade'
      ? `refers to grade “${p.id}”, which is not on the scale used here.`
      : `refers to ${p.kind} “${p.id}”, which this framework does not have.`) +
    (p.known ? ` The ${own(KIND_PLURALS, String(p.kind)) ?? 'ids'} it can use are: ${p.known}.` : ''),
  'self-parent': () =>
    'a judgement cannot be its own parent. Correct the parent judgement (parentId), or remove it.',
  'parent-cycle': (p) =>
    `the parent judgements go round in a circle (${p.chain}). Remove the parent judgement (parentId) from one of them.`,
  'duplicate-rank': (p) => `two grades have rank ${p.rank} (${p.levels}). Give each grade its own rank.`,
  'not-a-real-date': (p) => `“${p.found}” is not a real calendar date. Check the day and the month.`,
  'dates-out-of-order': (p) =>
    `the end date ${p.to} is before the start date ${p.from}. Correct one of them.`,
  'min-rank-out-of-range': (p) =>
    `no grade has rank ${p.found} or higher, so nothing could count as good or better. Use the rank of the lowest grade that counts as good.`,
  'scaling-not-0-to-10': (p) =>
    `a 0 to 10 scale needs exactly 11 grades ranked 0, 1, 2 … 10 (found ranks ${p.found}). Give each number from 0 to 10 one grade, with the number as its rank.`,
  'scaling-without-threshold': () =>
    'a 0 to 10 scale must say from which number practice counts as good or better. Add goodOrBetterMinRank, for example 7.',
  'rule-on-itself': (p) => `the rule compares “${p.id}” with itself. Choose a different judgement.`,
  'rule-scales-differ': (p) =>
    `the rule compares ‘${p.judgement}’ (graded on “${p.scale}”) with ‘${p.other}’ (graded on “${p.otherScale}”); grades on different scales cannot be compared. Choose two judgements graded on the same scale.`,
  'judgement-without-criteria': () =>
    'this judgement has no criteria, so it can only be graded directly (not from criteria).',
  'no-overall-rules': () =>
    'no rule ties the overall judgement to the others, so no grade can be proposed for it.',
  'already-loaded-different': (p) =>
    `${p.title} version ${p.version} is already loaded, and this file differs from it. To add your changes, raise “version” to ${p.nextVersion} or give the framework its own id.`,
  'already-loaded-same': (p) => `${p.title} version ${p.version} is already loaded; nothing was changed.`,
};

/** What a file really is (import/sniff.ts), and what the door expected. */
const FILE_KINDS: Record<string, string> = {
  pdf: 'a PDF',
  zip: 'a zip file',
  xlsx: 'an Excel workbook (.xlsx)',
  docx: 'a Word document',
  pptx: 'a PowerPoint presentation',
  ods: 'an OpenDocument spreadsheet (.ods)',
  odt: 'an OpenDocument text document',
  ole: 'an older Microsoft Office file (an Excel 97–2003 .xls workbook or a Word .doc)',
  png: 'a PNG image',
  jpeg: 'a JPEG image',
  gif: 'a GIF image',
  webp: 'a WebP image',
  rtf: 'a Rich Text (RTF) document',
  text: 'a text file',
};
const EXPECTED_FILES: Record<string, string> = {
  json: 'a JSON file',
  csv: 'a CSV file',
  xlsx: 'an Excel workbook (.xlsx)',
};

function fileKindAdvice(found: string, expected: string): string {
  const spreadsheet = ['xlsx', 'ods', 'ole'].includes(found);
  if (expected === 'json') return 'Choose the .json file itself.';
  if (expected === 'csv' && spreadsheet)
    return 'Save it as “CSV UTF-8 (Comma delimited)” or as an Excel workbook (.xlsx), and import that.';
  if (found === 'ole') return 'Open it in Excel and save it as “Excel Workbook (.xlsx)”, then import that.';
  if (found === 'ods') return 'Save it as an Excel workbook (.xlsx) or as CSV, then import that.';
  return 'Choose the spreadsheet itself, saved as “CSV UTF-8 (Comma delimited)” or as an Excel workbook (.xlsx).';
}

/** The id a user probably meant ("front door" → "front-door"), or a generic example. */
function idExample(found: string | number | undefined): string {
  const hyphenated = String(found ?? '')
    .trim()
    .replace(/\s+/g, '-');
  return /^[A-Za-z0-9][A-Za-z0-9._-]{0,79}$/.test(hyphenated) ? hyphenated : 'cl-accommodation';
}

/** Rounded the way that keeps "larger than" true: a file just over the limit is not shown as equal to it. */
function megabytes(bytes: string | number | undefined, round: (n: number) => number): string {
  return `${(round((Number(bytes) / 1024 / 1024) * 10) / 10).toFixed(1)} MB`;
}

export function explain(found: Issue): string {
  const explainer = own(EXPLAIN, found.code);
  return explainer ? explainer(found.params) : `a problem was found (${found.code}).`;
}
