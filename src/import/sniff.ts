/*
 * What kind of file the user really chose, from its first bytes, so a door can say what happened
 * ("this is a PDF, not a JSON file"; "it is saved as UTF-16"; "its columns are separated by
 * semicolons") before its parser reports something misleading. Reads a bounded prefix (and, for a
 * zip, its directory); finding nothing wrong says nothing about the rest of the file.
 */
import { issue, type Issue } from '../validation/issue';
import { describeIssue, type IssueMessage } from '../validation/messages';
import { zipEntryNames } from './sniff-zip';

export type ExpectedFile = 'json' | 'csv' | 'xlsx';

/** Kinds named in messages (validation/messages.ts has the words for each). */
export type FoundKind =
  | 'pdf'
  | 'zip'
  | 'xlsx'
  | 'docx'
  | 'pptx'
  | 'ods'
  | 'odt'
  | 'ole'
  | 'png'
  | 'jpeg'
  | 'gif'
  | 'webp'
  | 'rtf'
  | 'text'
  | 'unknown';

const SIGNATURES: [FoundKind, number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]],
  ['zip', [0x50, 0x4b, 0x05, 0x06]],
  ['ole', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['png', [0x89, 0x50, 0x4e, 0x47]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['gif', [0x47, 0x49, 0x46, 0x38]],
  ['rtf', [0x7b, 0x5c, 0x72, 0x74, 0x66]],
];

const PREFIX_BYTES = 4096;

export function sniffIssue(bytes: Uint8Array, expected: ExpectedFile): Issue | undefined {
  if (bytes.length === 0) return undefined;
  const found = signatureOf(bytes);
  if (found === 'xlsx' && expected === 'xlsx') return undefined;
  if (found === 'zip' && expected === 'xlsx') return undefined; // zip-size.ts explains a damaged one
  if (found) return issue('wrong-kind-of-file', [], { found, expected });
  const utf16 = utf16Order(bytes);
  if (utf16) return issue('utf16-text', [], { order: utf16, expected });
  if (expected === 'xlsx') return issue('wrong-kind-of-file', [], { found: textKind(bytes), expected });
  if (expected === 'csv') {
    const separator = headerSeparator(bytes);
    if (separator) return issue('csv-separator', [], { separator });
  }
  return undefined;
}

/** The same, as the located message a door returns. */
export function sniffFile(bytes: Uint8Array, expected: ExpectedFile): IssueMessage | undefined {
  const found = sniffIssue(bytes, expected);
  return found ? describeIssue(found, () => ({ crumbs: [], consumed: 0 })) : undefined;
}

function startsWith(bytes: Uint8Array, signature: readonly number[], at = 0): boolean {
  return signature.every((byte, i) => bytes[at + i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...bytes.subarray(from, to));
}

function signatureOf(bytes: Uint8Array): FoundKind | undefined {
  const kind = SIGNATURES.find(([, signature]) => startsWith(bytes, signature))?.[0];
  if (kind === 'zip') return zipKind(bytes);
  if (!kind && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'webp';
  return kind;
}

/** Office and OpenDocument files are zips: their directory says which. */
function zipKind(bytes: Uint8Array): FoundKind {
  // OpenDocument stores its type, uncompressed, as the first entry ("mimetype").
  if (ascii(bytes, 30, 38) === 'mimetype') {
    const type = ascii(bytes, 38, 90);
    if (type.includes('opendocument.spreadsheet')) return 'ods';
    if (type.includes('opendocument.text')) return 'odt';
  }
  const names = zipEntryNames(bytes);
  if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
  if (names.some((n) => n.startsWith('word/'))) return 'docx';
  if (names.some((n) => n.startsWith('ppt/'))) return 'pptx';
  return 'zip';
}

/** UTF-16 by its byte-order mark, or by text whose every other byte is zero (Latin text in UTF-16). */
function utf16Order(bytes: Uint8Array): 'LE' | 'BE' | undefined {
  if (startsWith(bytes, [0xff, 0xfe])) return 'LE';
  if (startsWith(bytes, [0xfe, 0xff])) return 'BE';
  const pairs = Math.floor(Math.min(bytes.length, PREFIX_BYTES) / 2);
  if (pairs < 2) return undefined;
  let zeroFirst = 0;
  let zeroSecond = 0;
  for (let i = 0; i < pairs; i += 1) {
    if (bytes[2 * i] === 0) zeroFirst += 1;
    if (bytes[2 * i + 1] === 0) zeroSecond += 1;
  }
  if (zeroSecond >= pairs * 0.9 && zeroFirst <= pairs * 0.1) return 'LE';
  if (zeroFirst >= pairs * 0.9 && zeroSecond <= pairs * 0.1) return 'BE';
  return undefined;
}

function textKind(bytes: Uint8Array): FoundKind {
  const prefix = bytes.subarray(0, PREFIX_BYTES);
  if (prefix.includes(0)) return 'unknown';
  try {
    // A multi-byte character cut at the end of the prefix is not a decoding error.
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return 'text';
  } catch {
    return 'unknown';
  }
}

/** Semicolons or tabs where a CSV's heading row should have commas (quoted text is skipped). */
function headerSeparator(bytes: Uint8Array): 'semicolon' | 'tab' | undefined {
  const text = new TextDecoder('utf-8').decode(bytes.subarray(0, PREFIX_BYTES)).replace(/^\uFEFF/, '');
  const line = text.split(/\r|\n/, 1)[0] ?? '';
  const unquoted = line.replace(/"[^"]*("|$)/g, '');
  const count = (ch: string) => unquoted.split(ch).length - 1;
  const [commas, semicolons, tabs] = [count(','), count(';'), count('\t')];
  if (semicolons > commas && semicolons >= tabs) return 'semicolon';
  if (tabs > commas) return 'tab';
  return undefined;
}
