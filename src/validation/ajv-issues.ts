/*
 * Translates ajv's errors into located Issues with the values a plain-English message needs.
 * Knows ajv's keywords; knows nothing about any one file format.
 */
import type { ErrorObject } from 'ajv';
import { issue, type Issue, type IssuePath } from './issue';

type JsonSchema = { [key: string]: unknown };

export function issuesFromAjv(
  errors: readonly ErrorObject[],
  data: unknown,
  rootSchema: JsonSchema,
): Issue[] {
  const seen = new Set<string>();
  const issues: Issue[] = [];
  for (const error of errors) {
    const found = toIssue(error, data, rootSchema);
    if (!found) continue;
    // anyOf branches of different types ("text, a number or true or false") make one message, not three.
    const sameSpot = issues.findIndex(
      (i) => i.code === 'wrong-type' && i.path.join('/') === found.path.join('/'),
    );
    if (found.code === 'wrong-type' && sameSpot >= 0) {
      const earlier = issues[sameSpot]!;
      const expected = `${earlier.params.expected},${found.params.expected}`;
      issues[sameSpot] = issue('wrong-type', found.path, { ...earlier.params, expected });
      continue;
    }
    const key = `${found.code}|${found.path.join('/')}|${JSON.stringify(found.params)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(found);
  }
  return dropMisspelt(dropShadowed(issues));
}

/** A misspelt field is also reported missing; the unknown-field issue suggesting it says both. */
function dropMisspelt(issues: Issue[]): Issue[] {
  const suggested = new Set(
    issues
      .filter((i) => i.code === 'unknown-field' && i.params.suggestion !== undefined)
      .map((i) => `${i.path.slice(0, -1).join('/')}|${i.params.suggestion}`),
  );
  return issues.filter(
    (i) => i.code !== 'missing-field' || !suggested.has(`${i.path.join('/')}|${i.params.field}`),
  );
}

/** An unknown field reported inside an item whose whole type is wrong adds nothing; keep the deepest cause. */
function dropShadowed(issues: Issue[]): Issue[] {
  const wrongType = issues.filter((i) => i.code === 'wrong-type').map((i) => i.path.join('/'));
  return issues.filter(
    (i) => i.code === 'wrong-type' || !wrongType.some((p) => i.path.join('/').startsWith(p + '/')),
  );
}

export function pathFromPointer(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^(0|[1-9][0-9]*)$/.test(part) ? Number(part) : part));
}

function valueAt(data: unknown, path: IssuePath): unknown {
  let node = data;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node;
}

export function kindOfValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value;
}

function shortValue(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text === undefined ? '' : text.length > 60 ? text.slice(0, 57) + '…' : text;
}

function toIssue(error: ErrorObject, data: unknown, rootSchema: JsonSchema): Issue | undefined {
  const path = pathFromPointer(error.instancePath);
  const value = valueAt(data, path);
  const params = error.params as Record<string, unknown>;
  if (error.propertyName !== undefined) return fieldNameIssue(error, path);
  switch (error.keyword) {
    case 'required':
      return issue('missing-field', path, { field: String(params.missingProperty) });
    case 'additionalProperties': {
      const field = String(params.additionalProperty);
      return issue('unknown-field', [...path, field], {
        field,
        suggestion: closest(field, allowedFields(rootSchema, data, path)),
      });
    }
    case 'type':
      return issue('wrong-type', path, { expected: String(params.type), found: kindOfValue(value) });
    case 'enum':
    case 'const': {
      const allowed = ((params.allowedValues as unknown[] | undefined) ?? [params.allowedValue]).map(String);
      return issue('not-allowed-value', path, {
        found: shortValue(value),
        allowed: allowed.join(', '),
        suggestion: typeof value === 'string' ? closest(value, allowed) : undefined,
      });
    }
    case 'discriminator':
      // The same problem is reported by the `required` and `enum` beside it, with the allowed values.
      return undefined;
    case 'pattern':
      return patternIssue(path, value, String(params.pattern));
    case 'minItems':
      return issue('too-few-items', path, { limit: Number(params.limit), count: lengthOf(value) });
    case 'maxItems':
      return issue('too-many-items', path, { limit: Number(params.limit), count: lengthOf(value) });
    case 'minLength':
      return issue('empty-text', path, { limit: Number(params.limit) });
    case 'maxLength':
      return issue('text-too-long', path, { limit: Number(params.limit), count: lengthOf(value) });
    case 'minimum':
      return issue('number-too-small', path, { limit: Number(params.limit), found: shortValue(value) });
    case 'maximum':
      return issue('number-too-large', path, { limit: Number(params.limit), found: shortValue(value) });
    case 'maxProperties':
      return issue('too-many-fields', path, { limit: Number(params.limit) });
    case 'propertyNames':
      // Summary of the error about the name itself, which fieldNameIssue reports with its reason.
      return undefined;
    case 'anyOf':
    case 'oneOf':
    case 'if':
      // Summaries of the branch errors reported beside them.
      return undefined;
    default:
      return issue('schema-other', path, { detail: error.message ?? error.keyword });
  }
}

/** An error inside propertyNames: instancePath is the object holding the name, propertyName the name. */
function fieldNameIssue(error: ErrorObject, path: IssuePath): Issue {
  const name = String(error.propertyName);
  const field = shortValue(name);
  switch (error.keyword) {
    case 'pattern':
      return issue('invalid-field-name', path, { field, rule: 'id' });
    case 'minLength':
      return issue('invalid-field-name', path, { field, rule: 'empty' });
    case 'maxLength':
      return issue('invalid-field-name', path, {
        field,
        rule: 'long',
        limit: Number((error.params as Record<string, unknown>).limit),
        count: lengthOf(name),
      });
    default:
      return issue('invalid-field-name', path, { field });
  }
}

function lengthOf(value: unknown): number {
  if (typeof value === 'string') return [...value].length;
  if (Array.isArray(value)) return value.length;
  return 0;
}

function patternIssue(path: IssuePath, value: unknown, pattern: string): Issue {
  const found = shortValue(value);
  if (pattern.includes('[0-9]{4}-')) return issue('invalid-date-format', path, { found });
  if (pattern.startsWith('^[A-Za-z0-9]')) return issue('invalid-id', path, { found });
  return issue('invalid-text-format', path, { found });
}

/**
 * The properties the schema allows for the object at `path`. ajv's schemaPath is relative to the last
 * $ref, so the schema is walked along the data instead, choosing oneOf branches by their `type` const.
 */
function allowedFields(rootSchema: JsonSchema, data: unknown, path: IssuePath): string[] {
  let node: JsonSchema | undefined = resolve(rootSchema, rootSchema);
  let value: unknown = data;
  for (const segment of path) {
    if (!node) return [];
    node = branchFor(rootSchema, node, value);
    const next: unknown =
      typeof segment === 'number'
        ? node.items
        : ((node.properties as JsonSchema | undefined)?.[segment] ?? node.additionalProperties);
    node = next && typeof next === 'object' ? resolve(rootSchema, next as JsonSchema) : undefined;
    value =
      value && typeof value === 'object' ? (value as Record<string | number, unknown>)[segment] : undefined;
  }
  if (!node) return [];
  const properties = branchFor(rootSchema, node, value).properties;
  return properties && typeof properties === 'object' ? Object.keys(properties) : [];
}

function resolve(rootSchema: JsonSchema, node: JsonSchema): JsonSchema {
  const ref = node.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return node;
  let target: unknown = rootSchema;
  for (const part of ref.slice(2).split('/')) target = (target as JsonSchema | undefined)?.[part];
  return target && typeof target === 'object' ? resolve(rootSchema, target as JsonSchema) : node;
}

function branchFor(rootSchema: JsonSchema, node: JsonSchema, value: unknown): JsonSchema {
  if (!Array.isArray(node.oneOf)) return node;
  const kind = value && typeof value === 'object' ? (value as Record<string, unknown>).type : undefined;
  const branches = (node.oneOf as JsonSchema[]).map((b) => resolve(rootSchema, b));
  return (
    branches.find(
      (b) => ((b.properties as JsonSchema | undefined)?.type as JsonSchema | undefined)?.const === kind,
    ) ?? node
  );
}

/** The allowed name nearest to a misspelt one, if it is close enough to be a likely typo. */
export function closest(word: string, candidates: readonly string[]): string | undefined {
  let best: { candidate: string; distance: number } | undefined;
  for (const candidate of candidates) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (!best || distance < best.distance) best = { candidate, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(word.length / 4)) ? best.candidate : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}
