/*
 * Turning an untrusted file's bytes into a JSON value: size limit first, then decoding, then parsing,
 * with syntax errors located by line and column whatever the browser's own message says.
 */
import { issue, type Issue, type Result } from './issue';

export const MAX_NESTING = 64;
const TOO_DEEP = 'too deeply nested';
const TOO_LARGE = 'a number too large to read';
const DUPLICATE_KEY = 'a field name given twice in one object';
/** Sticky, so a literal is matched where the scanner stands without copying the rest of the text. */
const LITERAL = /true|false|null|-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;

export function parseJsonText(bytes: Uint8Array, maxBytes: number): Result<unknown> {
  if (bytes.byteLength > maxBytes) {
    return fail(issue('file-too-large', [], { size: bytes.byteLength, limit: maxBytes }));
  }
  if (bytes.byteLength === 0) return fail(issue('file-empty', []));
  if (bytes.includes(0)) return fail(issue('not-text', []));
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail(issue('not-utf8', []));
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') return fail(issue('file-empty', []));
  const syntax = locateJsonSyntaxError(text);
  if (syntax?.problem === TOO_DEEP) {
    return fail(
      issue('too-deeply-nested', [], { line: syntax.line, column: syntax.column, limit: MAX_NESTING }),
    );
  }
  if (syntax?.problem === DUPLICATE_KEY) {
    // JSON.parse would quietly keep the last one, so what the file seems to say is not what is read.
    return fail(
      issue('json-duplicate-key', [], { line: syntax.line, column: syntax.column, key: syntax.key }),
    );
  }
  if (syntax?.problem === TOO_LARGE) {
    return fail(
      issue('json-number-too-large', [], { line: syntax.line, column: syntax.column, digits: syntax.digits }),
    );
  }
  const first = text.trimStart()[0]!;
  // A spreadsheet, web page or document saved with a .json name fails at its very first character.
  if (syntax && !'{["\'/'.includes(first)) return fail(issue('not-json', [], { found: first }));
  if (syntax) return fail(issue('json-syntax', [], syntax));
  return { ok: true, value: JSON.parse(text) as unknown, warnings: [] };
}

function fail(found: Issue): Result<never> {
  return { ok: false, issues: [found] };
}

interface SyntaxProblem {
  line: number;
  column: number;
  problem: string;
  [key: string]: string | number;
}

/**
 * A strict JSON scanner used only to find the first syntax error (JSON.parse messages differ between
 * browsers and some give no position). Also refuses nesting deeper than MAX_NESTING, which would
 * otherwise exhaust the stack of code that walks the value.
 */
export function locateJsonSyntaxError(text: string): SyntaxProblem | undefined {
  let pos = 0;
  const at = (problem: string, where = pos): SyntaxProblem => {
    const before = text.slice(0, where);
    const line = before.split('\n').length;
    const column = where - before.lastIndexOf('\n');
    return { line, column, problem };
  };
  const skipSpace = () => {
    while (pos < text.length && ' \t\n\r'.includes(text[pos]!)) pos++;
  };
  /** What was found at pos instead of what should be there, in words a non-programmer can act on. */
  const unexpected = (expected: string): string => {
    const ch = text[pos];
    if (ch === undefined) return 'the file stops part-way through, as if it was cut off';
    if (ch === '/' && (text[pos + 1] === '/' || text[pos + 1] === '*'))
      return 'a comment, which JSON files cannot contain (delete it)';
    if (/[\s\u200B\uFEFF]/.test(ch) || ch < ' ')
      return 'an invisible character (such as a non-breaking space) that JSON does not allow (delete it)';
    if (ch === "'") return 'a single quote (\'), where JSON needs double quotes (")';
    if (expected.startsWith('“,”') && text[pos - 1] === '"' && /[\p{L}\p{N}]/u.test(ch))
      return 'a double quote (") that ends the text too early (to put a double quote inside text, write \\")';
    if (expected.startsWith('“,”') && '"{[-0123456789tfn'.includes(ch))
      return 'a comma (“,”) is missing before this point';
    return `unexpected “${ch}” where ${expected} should be`;
  };
  const parseString = (): SyntaxProblem | undefined => {
    pos++;
    while (pos < text.length) {
      const ch = text[pos]!;
      if (ch === '"') {
        pos++;
        return undefined;
      }
      if (ch === '\\') {
        const next = text[pos + 1];
        if (next === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(pos + 2, pos + 6)))
            return at('a \\u escape needs four hex digits');
          pos += 6;
          continue;
        }
        if (next === undefined || !'"\\/bfnrt'.includes(next))
          return at('an unknown escape after a backslash');
        pos += 2;
        continue;
      }
      if (ch === '\n' || ch === '\r')
        return at(
          'text with no closing " before the end of the line (to put a line break inside text, write \\n)',
        );
      if (ch === '\t') return at('a tab character inside text (write \\t instead)');
      if (ch < ' ') return at('a hidden control character inside text (delete it)');
      pos++;
    }
    return at('text with no closing ", as if the file was cut off');
  };
  const parseValue = (depth: number): SyntaxProblem | undefined => {
    if (depth > MAX_NESTING) return at(TOO_DEEP);
    skipSpace();
    const ch = text[pos];
    if (ch === '{' || ch === '[') return parseContainer(depth, ch);
    if (ch === '"') return parseString();
    LITERAL.lastIndex = pos;
    const literal = LITERAL.exec(text);
    if (literal) {
      // A number beyond what a double can hold (a 451-digit one, say) would be read as Infinity.
      if (/^-?\d/.test(literal[0]) && !Number.isFinite(Number(literal[0])))
        return { ...at(TOO_LARGE), digits: literal[0].replace(/\D/g, '').length };
      pos += literal[0].length;
      return undefined;
    }
    return at(unexpected('a value'));
  };
  const parseContainer = (depth: number, open: '{' | '['): SyntaxProblem | undefined => {
    const close = open === '{' ? '}' : ']';
    pos++;
    skipSpace();
    if (text[pos] === close) {
      pos++;
      return undefined;
    }
    const keys = open === '{' ? new Set<string>() : undefined;
    for (;;) {
      skipSpace();
      if (keys) {
        if (text[pos] !== '"') return at(unexpected('a field name in double quotes'));
        const keyStart = pos;
        const keyProblem = parseString();
        if (keyProblem) return keyProblem;
        const key = JSON.parse(text.slice(keyStart, pos)) as string;
        if (keys.has(key)) return { ...at(DUPLICATE_KEY, keyStart), key };
        keys.add(key);
        skipSpace();
        if (text[pos] !== ':') return at(unexpected('“:” after a field name'));
        pos++;
      }
      const valueProblem = parseValue(depth + 1);
      if (valueProblem) return valueProblem;
      skipSpace();
      if (text[pos] === ',') {
        const comma = pos++;
        skipSpace();
        if (text[pos] === close) return at(`an extra comma before “${close}” (delete this comma)`, comma);
        continue;
      }
      if (text[pos] === close) {
        pos++;
        return undefined;
      }
      return at(unexpected(`“,” or “${close}”`));
    }
  };
  const problem = parseValue(0);
  if (problem) return problem;
  skipSpace();
  return pos < text.length ? at(`unexpected “${text[pos]}” after the end of the data`) : undefined;
}
