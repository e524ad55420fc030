// @vitest-environment node
/*
 * The import door and the "not-better-than" rule (format version 2): the schema's shape, the semantic
 * checks (unknown judgements, a judgement capped by itself, judgements on different scales), and what
 * happens to files of the old format version.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_FORMAT_VERSION } from '../../../src/domain/framework/types';
import { readFrameworkValue } from '../../../src/import/framework/import-framework';
import { formatIssue } from '../../../src/validation/messages';

type Loose = Record<string, unknown> & { rules: Record<string, unknown>[] };
const minimal = () => JSON.parse(readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8')) as Loose;

/** minimal.json with a leaders judgement, a second scale, and one not-better-than rule. */
function withCap(rule: Record<string, unknown> = {}, formatVersion = FRAMEWORK_FORMAT_VERSION): Loose {
  const file = minimal() as Loose & { judgements: unknown[]; criteria: unknown[]; scales: unknown[] };
  file.formatVersion = formatVersion;
  file.scales.push({
    id: 'met',
    title: 'Met or not met',
    kind: 'binary',
    levels: [
      { id: 'met', label: 'Met', short: 'M', rank: 2 },
      { id: 'not-met', label: 'Not met', short: 'NM', rank: 1 },
    ],
  });
  file.judgements.push(
    { id: 'lead', title: 'Leadership', shortTitle: 'Leaders', kind: 'leadership', scaleId: 's' },
    { id: 'review', title: 'Review', shortTitle: 'Review', kind: 'review', scaleId: 'met' },
  );
  file.criteria.push(
    {
      id: 'l1',
      judgementId: 'lead',
      ref: 'L1',
      title: 'l',
      descriptor: 'd',
      evidencePrompts: [],
      linesOfEnquiry: [],
      tags: [],
    },
    {
      id: 'r1',
      judgementId: 'review',
      ref: 'R1',
      title: 'r',
      descriptor: 'd',
      evidencePrompts: [],
      linesOfEnquiry: [],
      tags: [],
    },
  );
  file.rules.push({
    id: 'cap',
    severity: 'soft',
    type: 'not-better-than',
    description: 'Overall is not better than leadership.',
    judgementId: 'o',
    thanJudgementId: 'lead',
    ...rule,
  });
  return file;
}

const messagesOf = (value: unknown) => {
  const result = readFrameworkValue(value);
  return result.ok ? [] : result.messages.map(formatIssue);
};

describe('reading a not-better-than rule', () => {
  it('accepts a well-formed rule and keeps it as written', () => {
    const result = readFrameworkValue(withCap());
    if (!result.ok) throw new Error(JSON.stringify(result.messages));
    expect(result.framework.rules.at(-1)).toEqual({
      id: 'cap',
      severity: 'soft',
      type: 'not-better-than',
      description: 'Overall is not better than leadership.',
      judgementId: 'o',
      thanJudgementId: 'lead',
    });
  });

  it('reads a format version 1 file that uses it, as the current version (the shape is the same)', () => {
    const result = readFrameworkValue(withCap({}, 1));
    expect(result.ok && result.framework.formatVersion).toBe(FRAMEWORK_FORMAT_VERSION);
  });

  it('names both judgements when neither exists', () => {
    expect(messagesOf(withCap({ judgementId: 'overall', thanJudgementId: 'leaders' }))).toEqual([
      "Rule 'cap' › judgement: refers to judgement “overall”, which this framework does not have. The judgements it can use are: j, o, lead, review.",
      "Rule 'cap' › judgement it is not better than: refers to judgement “leaders”, which this framework does not have. The judgements it can use are: j, o, lead, review.",
    ]);
  });

  it('refuses a judgement capped by itself', () => {
    expect(messagesOf(withCap({ thanJudgementId: 'o' }))).toEqual([
      "Rule 'cap' › judgement it is not better than: the rule compares “o” with itself. Choose a different judgement.",
    ]);
  });

  it('refuses judgements graded on different scales, naming both scales', () => {
    expect(messagesOf(withCap({ thanJudgementId: 'review' }))).toEqual([
      "Rule 'cap' › judgement it is not better than: the rule compares ‘O’ (graded on “S”) with ‘Review’ (graded on “Met or not met”); grades on different scales cannot be compared. Choose two judgements graded on the same scale.",
    ]);
  });

  it('refuses a rule without the judgement it is capped by, in plain words', () => {
    const file = withCap();
    delete file.rules.at(-1)!.thanJudgementId;
    const messages = messagesOf(file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Rule 'cap'/);
    expect(messages[0]).toContain('thanJudgementId');
    expect(messages[0]).not.toMatch(/must NOT|oneOf|discriminator/);
  });

  it('refuses fields that belong to other rule types', () => {
    const messages = messagesOf(withCap({ equalsJudgementId: 'lead' }));
    expect(messages).toHaveLength(1);
    expect(messages[0]).toContain('equalsJudgementId');
  });
});
