/*
 * The one door for framework files: size limit → parse → identify format and version → migrate →
 * validate (precompiled schema validator) → semantic checks. Returns a Framework only when nothing
 * is in error; otherwise every error, located and explained. Never throws for bad input.
 */
import frameworkSchema from '../../../schemas/framework.schema.json';
import {
  FRAMEWORK_FORMAT_NAME,
  FRAMEWORK_FORMAT_VERSION,
  type Framework,
} from '../../domain/framework/types';
import { closest, issuesFromAjv, kindOfValue } from '../../validation/ajv-issues';
import { validateFramework } from '../../validation/generated/validators.js';
import { hasErrors, issue, type Issue } from '../../validation/issue';
import { parseJsonFile } from '../../validation/json-file';
import { describeIssue, type IssueMessage } from '../../validation/messages';
import { migrateFrameworkFile, OLDEST_FRAMEWORK_FORMAT_VERSION } from './migrations';
import { frameworkNamer } from './name-context';
import { checkFrameworkSemantics } from './semantic-checks';
import { sniffIssue } from '../sniff';

export const MAX_FRAMEWORK_BYTES = 5 * 1024 * 1024;

export type FrameworkImport =
  | { ok: true; framework: Framework; warnings: IssueMessage[] }
  | { ok: false; issues: Issue[]; messages: IssueMessage[] };

export function readFrameworkFile(bytes: Uint8Array): FrameworkImport {
  const sniffed = sniffIssue(bytes, 'json');
  if (sniffed) return failed([sniffed], undefined);
  const parsed = parseJsonFile(bytes, MAX_FRAMEWORK_BYTES);
  if (!parsed.ok) return failed(parsed.issues, undefined);
  return readFrameworkValue(parsed.value);
}

export function readFrameworkValue(value: unknown): FrameworkImport {
  const identified = identify(value);
  if (identified.length) return failed(identified, value);
  const file = value as Record<string, unknown>;
  const migrated = migrateFrameworkFile(file, file.formatVersion as number);
  if (!validateFramework(migrated)) {
    return failed(issuesFromAjv(validateFramework.errors ?? [], migrated, frameworkSchema), migrated);
  }
  const framework = migrated as unknown as Framework;
  const checked = checkFrameworkSemantics(framework);
  // Warnings (a judgement left without criteria, say) are shown once the file imports; beside errors
  // they read as more things that must be fixed, and are often only echoes of an error.
  if (hasErrors(checked))
    return failed(
      checked.filter((i) => i.severity === 'error'),
      framework,
    );
  const namer = frameworkNamer(framework);
  return { ok: true, framework, warnings: checked.map((i) => describeIssue(i, namer)) };
}

function identify(value: unknown): Issue[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return [issue('not-an-object', [], { found: kindOfValue(value) })];
  }
  const { formatName, formatVersion } = value as Record<string, unknown>;
  if (formatName !== FRAMEWORK_FORMAT_NAME) {
    return [
      issue('wrong-format', [], {
        found: typeof formatName === 'string' ? formatName.slice(0, 60) : undefined,
        expected: FRAMEWORK_FORMAT_NAME,
        expectedWords: 'Readiness Workbook framework',
        suggestion: typeof formatName === 'string' ? closest(formatName, [FRAMEWORK_FORMAT_NAME]) : undefined,
      }),
    ];
  }
  if (formatVersion === undefined) return [issue('format-version-missing', ['formatVersion'])];
  if (
    typeof formatVersion !== 'number' ||
    !Number.isInteger(formatVersion) ||
    formatVersion < OLDEST_FRAMEWORK_FORMAT_VERSION
  ) {
    return [
      issue('format-version-invalid', ['formatVersion'], {
        found: String(formatVersion).slice(0, 20),
        kind: kindOfValue(formatVersion),
      }),
    ];
  }
  if (formatVersion > FRAMEWORK_FORMAT_VERSION) {
    return [
      issue('format-version-newer', ['formatVersion'], {
        found: formatVersion,
        supported: FRAMEWORK_FORMAT_VERSION,
      }),
    ];
  }
  return [];
}

function failed(issues: Issue[], data: unknown): FrameworkImport {
  const namer = frameworkNamer(data);
  return { ok: false, issues, messages: issues.map((i) => describeIssue(i, namer)) };
}
