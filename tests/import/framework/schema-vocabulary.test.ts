// @vitest-environment node
/*
 * One vocabulary: the enums the framework schema documents are the `as const` lists the code uses,
 * and the schema accepts exactly the format versions the import door reads.
 */
import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/framework.schema.json';
import {
  ANSWER_TYPES,
  CASE_TYPES,
  CHECKLIST_CATEGORIES,
  FRAMEWORK_FORMAT_VERSION,
  FRAMEWORK_SUBJECTS,
  JUDGEMENT_KINDS,
  RULE_SEVERITIES,
  RULE_TYPES,
  SCALE_KINDS,
} from '../../../src/domain/framework/types';
import { OLDEST_FRAMEWORK_FORMAT_VERSION } from '../../../src/import/framework/migrations';

const defs = schema.$defs;
type Branch = { properties: { type: { const: string }; severity: { enum: string[] } } };
const branches = defs.rule.oneOf as unknown as Branch[];

describe('the framework schema and the code use one vocabulary', () => {
  it('lists the same rule types, each with its own branch', () => {
    expect(defs.rule.properties.type.enum).toEqual([...RULE_TYPES]);
    expect(branches.map((b) => b.properties.type.const)).toEqual([...RULE_TYPES]);
    for (const branch of branches) expect(branch.properties.severity.enum).toEqual([...RULE_SEVERITIES]);
  });

  it('lists the same judgement kinds, scale kinds, answer types, case types and checklist categories', () => {
    expect(defs.judgement.properties.kind.enum).toEqual([...JUDGEMENT_KINDS]);
    expect(defs.scale.properties.kind.enum).toEqual([...SCALE_KINDS]);
    expect(defs.auditQuestion.properties.answerType.enum).toEqual([...ANSWER_TYPES]);
    expect(defs.auditTool.properties.caseType.enum).toEqual([...CASE_TYPES]);
    expect(defs.checklistItem.properties.category.enum).toEqual([...CHECKLIST_CATEGORIES]);
    expect(schema.properties.subject.enum).toEqual([...FRAMEWORK_SUBJECTS]);
  });

  it('accepts the format versions the import door reads, and no newer one', () => {
    expect(schema.properties.formatVersion.minimum).toBe(OLDEST_FRAMEWORK_FORMAT_VERSION);
    expect(schema.properties.formatVersion.maximum).toBe(FRAMEWORK_FORMAT_VERSION);
  });
});
