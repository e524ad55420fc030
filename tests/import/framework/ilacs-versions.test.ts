// @vitest-environment node
/*
 * The ILACS versions as a family: what carries from 2023 to April 2026, the topics inspection reports
 * regularly cover, the documents asked for at notification, and notes that describe the rules each
 * file really has.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { carryForward, mapCriterionIds } from '../../../src/domain/self-assessment/carry-forward';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ILACS = ['ilacs-2018', 'ilacs-2023', 'ilacs-2026'] as const;
const ilacs2023 = shippedFramework('ilacs-2023');
const ilacs2026 = shippedFramework('ilacs-2026');

function textOf(framework: Framework): string {
  return framework.criteria
    .flatMap((c) => [c.title, c.descriptor, ...c.evidencePrompts, ...c.linesOfEnquiry])
    .join('\n')
    .toLowerCase();
}
const tagsOf = (framework: Framework) => new Set(framework.criteria.flatMap((c) => c.tags));

describe('ILACS 2023 → April 2026', () => {
  const supersedes = ilacs2026.supersedes!;
  const ids2026 = new Set(ilacs2026.criteria.map((c) => c.id));

  it('supersedes ILACS 2023 version 1, the version workspaces pin', () => {
    expect(supersedes).toMatchObject({ frameworkId: 'ilacs-2023', version: ilacs2023.version });
    expect(ilacs2023.version).toBe(1);
  });

  it('maps every 2023 criterion to a 2026 criterion, or lists it as dropped', () => {
    for (const criterion of ilacs2023.criteria) {
      const mapped = supersedes.criterionMap[criterion.id];
      if (mapped === undefined) {
        expect(ids2026.has(criterion.id), `${criterion.id} is neither kept nor mapped`).toBe(true);
      } else {
        expect(
          mapped.every((id) => ids2026.has(id)),
          `${criterion.id} maps to an unknown id`,
        ).toBe(true);
      }
      const targets = mapCriterionIds(ilacs2023, ilacs2026, criterion.id);
      expect(targets.length > 0 || mapped?.length === 0, `${criterion.id} would be lost`).toBe(true);
    }
  });

  it('maps only criteria that exist in 2023', () => {
    const ids2023 = new Set(ilacs2023.criteria.map((c) => c.id));
    expect(Object.keys(supersedes.criterionMap).filter((id) => !ids2023.has(id))).toEqual([]);
  });

  it('gives the new concepts new ids, used in no earlier ILACS version', () => {
    const earlier = new Set(
      ['ilacs-2018', 'ilacs-2023'].flatMap((id) => shippedFramework(id).criteria.map((c) => c.id)),
    );
    const added = ilacs2026.criteria.filter((c) => !earlier.has(c.id));
    expect(added.map((c) => [c.id, c.judgementId, c.ref])).toEqual([
      ['lead-families-first-reform', 'leaders', 'L10'],
      ['hp-multi-agency-child-protection', 'help-and-protection', 'HP13'],
      ['hp-family-group-decision-making', 'help-and-protection', 'HP14'],
    ]);
  });

  it('keeps the refs of the criteria it carries, so HP5 means the same in both years', () => {
    const refs2026 = new Map(ilacs2026.criteria.map((c) => [c.id, c.ref]));
    for (const criterion of ilacs2023.criteria)
      if (refs2026.has(criterion.id)) expect(refs2026.get(criterion.id), criterion.id).toBe(criterion.ref);
    const refs = ilacs2026.criteria.map((c) => c.ref);
    expect(new Set(refs).size).toBe(refs.length);
  });

  it('carries a fully graded 2023 cycle forward with no criterion archived and the new ones ungraded', () => {
    let n = 0;
    const author = { by: 'Principal Social Worker', now: '2026-04-02T09:00:00.000Z' };
    const previous = startCycle({
      framework: ilacs2023,
      startYear: 2025,
      author,
      makeId: () => `old-${++n}`,
    });
    for (const a of previous.criterionAssessments) a.grade = 'good';
    const next = carryForward({
      previous,
      fromFramework: ilacs2023,
      toFramework: ilacs2026,
      startYear: 2026,
      author,
      makeId: () => `new-${++n}`,
    });
    expect(next.cycle.archive.filter((a) => a.kind === 'criterion-assessment')).toEqual([]);
    const grades = new Map(next.criterionAssessments.map((a) => [a.criterionId, a.grade]));
    for (const criterion of ilacs2026.criteria) {
      const carried = ilacs2023.criteria.some((c) => c.id === criterion.id);
      expect(grades.get(criterion.id), criterion.id).toBe(carried ? 'good' : 'not-yet-graded');
    }
  });

  it('writes HP1 for Family Help and names the reform themes in the criteria', () => {
    const hp1 = ilacs2026.criteria.find((c) => c.ref === 'HP1')!;
    expect(hp1.id).toBe('hp-early-help');
    expect(hp1.title).toMatch(/^Family Help, including early help and prevention/);
    const text = textOf(ilacs2026);
    for (const theme of [
      'family help',
      'lead practitioner',
      'multi-agency child protection team',
      'lead child protection practitioner',
      'family group decision-making',
      'kinship local offer',
      'family-based',
    ])
      expect(text, theme).toContain(theme);
  });
});

/** Topics reports regularly cover that the criteria did not mention: a tag, or words in the text. */
const TOPICS: Record<string, { tag: string; words: string[] }> = {
  "care leavers' influence on services": { tag: 'care-leavers-forum', words: ["care leavers' forum"] },
  'regional adoption agencies': { tag: 'regional-adoption-agency', words: ['regional adoption agency'] },
  'adoption support': { tag: 'adoption-support', words: ['adoption support'] },
  'deprivation of liberty': { tag: 'deprivation-of-liberty', words: ['deprivation of liberty'] },
  'secure orders': { tag: 'secure-accommodation', words: ['secure accommodation order'] },
  'children remanded or in custody': { tag: 'remand', words: ['remanded', 'custody'] },
  'independent visitors': { tag: 'independent-visitors', words: ['independent visitor'] },
  'pre-birth assessment': { tag: 'pre-birth', words: ['pre-birth assessment'] },
  'young carers': { tag: 'young-carers', words: ['young carer'] },
  radicalisation: { tag: 'radicalisation', words: ['radicalisation', 'prevent', 'channel panel'] },
  'female genital mutilation': { tag: 'fgm', words: ['female genital mutilation'] },
  'forced marriage': { tag: 'forced-marriage', words: ['forced marriage'] },
};

describe('topics inspection reports cover', () => {
  for (const framework of [ilacs2023, ilacs2026]) {
    it(`appear in ${framework.shortTitle} by tag and in words`, () => {
      const text = textOf(framework);
      const tags = tagsOf(framework);
      for (const [topic, { tag, words }] of Object.entries(TOPICS)) {
        expect(tags.has(tag), `${topic}: tag ${tag}`).toBe(true);
        for (const w of words) expect(text, `${topic}: “${w}”`).toContain(w);
      }
    });
  }

  it('were added to ILACS 2023 without changing its criteria, so pinned cycles are untouched', () => {
    expect(ilacs2023.criteria.map((c) => c.id)).toEqual(
      shippedFramework('ilacs-2018').criteria.map((c) => c.id),
    );
    expect(ilacs2023.criteria).toHaveLength(39);
    expect(ilacs2023.judgements.map((j) => j.id)).toEqual([
      'leaders',
      'help-and-protection',
      'children-in-care',
      'care-leavers',
      'overall-effectiveness',
    ]);
  });
});

const DOCUMENTS = [
  'doc-safeguarding-arrangements',
  'doc-safeguarding-yearly-report',
  'doc-iro-annual-report',
  'doc-lado-annual-report',
  'doc-private-fostering-annual-report',
  'doc-virtual-school-annual-report',
  'doc-sufficiency-strategy',
  'doc-care-leavers-local-offer',
];

describe('readiness checklist', () => {
  for (const id of ILACS) {
    it(`${id} asks for the documents usually requested at notification`, () => {
      const checklist = shippedFramework(id).readinessChecklist;
      for (const doc of DOCUMENTS) {
        const item = checklist.find((c) => c.id === doc);
        expect(item?.category, doc).toBe('documents');
        expect(item?.guidance?.length ?? 0, doc).toBeGreaterThan(80);
      }
      const categories = checklist.map((c) => c.category);
      expect(categories, 'grouped: Annex A, then documents, then arrangements').toEqual(
        [...categories].sort(
          (a, b) =>
            ['annex-a', 'documents', 'arrangements'].indexOf(a) -
            ['annex-a', 'documents', 'arrangements'].indexOf(b),
        ),
      );
    });
  }
});

describe('notes describe the rules each file has', () => {
  it('ILACS 2026 has no overall effectiveness, no rules, and says so', () => {
    expect(ilacs2026.judgements.some((j) => j.kind === 'overall')).toBe(false);
    expect(ilacs2026.rules).toEqual([]);
    expect(ilacs2026.source.notes).toContain('Rules: this version has none.');
    expect(ilacs2026.description).not.toMatch(/unchanged/i);
    expect(ilacs2026.description).toContain('children and families services framework');
    expect(ilacs2026.source.notes).toContain('27 November 2025');
  });

  it('ILACS 2018 and 2023 keep the rules their notes describe', () => {
    for (const id of ['ilacs-2018', 'ilacs-2023']) {
      const framework = shippedFramework(id);
      expect(framework.rules.map((r) => r.severity)).toEqual(['hard', 'soft', 'soft', 'soft']);
      expect(framework.source.notes).toContain('259 published ILACS reports');
    }
  });

  it('lists each shipped file under the version the file itself declares', () => {
    const index = JSON.parse(readFileSync('public/frameworks/index.json', 'utf8')) as {
      frameworks: { file: string; id: string; version: number }[];
    };
    for (const id of ILACS) {
      const entry = index.frameworks.find((e) => e.id === id)!;
      expect(entry.version, id).toBe(shippedFramework(id).version);
    }
  });
});
