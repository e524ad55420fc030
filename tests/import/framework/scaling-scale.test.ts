// @vitest-environment node
/*
 * The import door and the "scaling" scale kind (format version 3): a 0 to 10 scale has exactly the
 * grades 0 to 10 and states the number from which practice counts as good or better, and the shipped
 * ILACS frameworks offer a Signs of Safety audit tool on such a scale.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMEWORK_FORMAT_VERSION } from '../../../src/domain/framework/types';
import { readFrameworkValue } from '../../../src/import/framework/import-framework';
import { checkFrameworkSemantics } from '../../../src/import/framework/semantic-checks';
import { formatIssue } from '../../../src/validation/messages';
import type { Framework } from '../../../src/domain/framework/types';
import { shippedFramework } from '../../helpers/frameworks';

type Loose = Record<string, unknown> & { scales: Record<string, unknown>[] };
const minimal = () => JSON.parse(readFileSync('tests/fixtures/frameworks/minimal.json', 'utf8')) as Loose;

const zeroToTen = (ranks = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0]) =>
  ranks.map((rank) => ({ id: `scaled-${rank}`, label: String(rank), short: String(rank), rank }));

/** minimal.json with a 0 to 10 scale beside its own, and an audit tool graded on it. */
function withScaling(scale: Record<string, unknown> = {}): Loose {
  const file = minimal();
  file.formatVersion = FRAMEWORK_FORMAT_VERSION;
  file.scales.push({
    id: 'sos',
    title: 'Scaling',
    kind: 'scaling',
    goodOrBetterMinRank: 7,
    levels: zeroToTen(),
    ...scale,
  });
  file.auditTools = [
    {
      id: 'sos-audit',
      version: 1,
      title: 'Scaled audit',
      caseType: 'child-in-need-child-protection',
      scaleId: 'sos',
      domains: [
        {
          id: 'd',
          title: 'Domain',
          graded: true,
          questions: [{ id: 'q', text: 'Q', answerType: 'grade', criterionIds: ['c'] }],
        },
      ],
    },
  ];
  return file;
}

function messagesOf(file: Loose): string[] {
  const result = readFrameworkValue(file);
  return result.ok ? [] : result.messages.map(formatIssue);
}

describe('a 0 to 10 scaling scale', () => {
  it('reads a scale of the 11 grades 0 to 10 with its threshold', () => {
    const result = readFrameworkValue(withScaling());
    if (!result.ok) throw new Error(result.messages.map(formatIssue).join('\n'));
    const scale = result.framework.scales.find((s) => s.id === 'sos')!;
    expect(scale.kind).toBe('scaling');
    expect(scale.goodOrBetterMinRank).toBe(7);
    expect(result.warnings).toEqual([]);
  });

  it('refuses a scaling scale that does not state its threshold', () => {
    const file = withScaling();
    delete file.scales[1]!.goodOrBetterMinRank;
    const messages = messagesOf(file);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^Scale 'Scaling'/);
    expect(messages[0]).toContain('lowest rank that counts as good or better');
  });

  it('explains the missing threshold in the semantic check too, whoever calls it', () => {
    const file = withScaling();
    delete file.scales[1]!.goodOrBetterMinRank;
    const issues = checkFrameworkSemantics(file as unknown as Framework);
    expect(issues.map((i) => [i.code, i.path.join('.')])).toEqual([
      ['scaling-without-threshold', 'scales.1.goodOrBetterMinRank'],
    ]);
  });

  it('refuses a scaling scale whose grades are not the numbers 0 to 10', () => {
    const missingFive = zeroToTen([10, 9, 8, 7, 6, 4, 3, 2, 1, 0, 11]);
    expect(messagesOf(withScaling({ levels: missingFive }))).toEqual([
      "Scale 'Scaling' › grades: a 0 to 10 scale needs exactly 11 grades ranked 0, 1, 2 … 10 (found ranks 0, 1, 2, 3, 4, 6, 7, 8, 9, 10, 11). Give each number from 0 to 10 one grade, with the number as its rank.",
    ]);
  });

  it('refuses a threshold beyond the top of the scale, as for any scale', () => {
    expect(messagesOf(withScaling({ goodOrBetterMinRank: 11 }))).toEqual([
      "Scale 'Scaling' › lowest rank that counts as good or better: no grade has rank 11 or higher, so nothing could count as good or better. Use the rank of the lowest grade that counts as good.",
    ]);
  });
});

describe.each(['ilacs-2023', 'ilacs-2026'])('the Signs of Safety audit tool in %s', (id) => {
  const framework = shippedFramework(id);
  const tool = framework.auditTools.find((t) => t.id === 'sos-audit')!;
  const scale = framework.scales.find((s) => s.id === tool?.scaleId);

  it('grades on a 0 to 10 scale whose stated threshold is 7', () => {
    expect(scale?.kind).toBe('scaling');
    expect(scale?.levels.map((l) => l.rank).sort((a, b) => a - b)).toEqual([
      0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
    ]);
    expect(scale?.goodOrBetterMinRank).toBe(7);
  });

  it('asks the scaling question with both ends defined', () => {
    expect(tool.description).toMatch(/On a scale of 0 to 10, where 10 means .+, and 0 means .+/);
  });

  it('maps its questions to criteria of the framework, as the other tools do', () => {
    const criteria = new Set(framework.criteria.map((c) => c.id));
    const mapped = tool.domains.flatMap((d) => d.questions.flatMap((q) => q.criterionIds ?? []));
    expect(mapped.length).toBeGreaterThan(10);
    for (const criterionId of mapped) expect(criteria.has(criterionId), criterionId).toBe(true);
    expect(tool.domains.filter((d) => d.graded).length).toBeGreaterThanOrEqual(5);
  });
});
