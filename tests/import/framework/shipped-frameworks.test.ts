// @vitest-environment node
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Framework } from '../../../src/domain/framework/types';
import { loadShippedFrameworks } from '../../../src/import/framework/shipped';
import { shippedFramework } from '../../helpers/frameworks';

const LEADERS = 'The impact of leaders on social work practice with children and families';
const HELP = 'The experiences and progress of children who need help and protection';

/** Exact judgement names and report order, from domain.md §2 and §5. */
const EXPECTED_JUDGEMENTS: Record<string, string[]> = {
  'ilacs-2018': [
    LEADERS,
    HELP,
    'The experiences and progress of children in care and care leavers',
    'Overall effectiveness',
  ],
  'ilacs-2023': [
    LEADERS,
    HELP,
    'The experiences and progress of children in care',
    'The experiences and progress of care leavers',
    'Overall effectiveness',
  ],
  'ilacs-2026': [
    LEADERS,
    HELP,
    'The experiences and progress of children in care',
    'The experiences and progress of care leavers',
  ],
  'sif-2013': [
    'Overall effectiveness',
    'Children who need help and protection',
    'Children looked after and achieving permanence',
    'Adoption performance',
    'Experiences and progress of care leavers',
    'Leadership, management and governance',
    'The effectiveness of the Local Safeguarding Children Board',
  ],
};

/** Shipped frameworks that are not inspection frameworks; each has its own test file. */
const OTHER_SHIPPED = ['safeguarding-partnership-2023'];
const ALL_SHIPPED = [...Object.keys(EXPECTED_JUDGEMENTS), ...OTHER_SHIPPED].sort();

/** The self-assessment headings each family asks of every judgement. */
const SELF_EVALUATION: Record<string, string[]> = {
  ilacs: [
    'What do you know about the quality and impact of social work practice?',
    'How do you know it?',
    'What are your plans for the next 12 months to maintain or improve practice?',
  ],
  // Under the SIF the council wrote its own self-assessment; the three questions came with ILACS.
  sif: [
    'What are the strengths, and what difference do they make for children?',
    'What are the areas for improvement, and which need priority and immediate action?',
    'What is the evidence for these judgements?',
    'What are the priorities for improvement, and how will you know they have worked?',
  ],
};

const EXPECTED_LABELS: Record<string, string[]> = {
  ilacs: ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'],
  sif: ['Outstanding', 'Good', 'Requires improvement', 'Inadequate'],
};

/** Every heading in domain.md §2 and §5 must be findable under the right judgement (any of the words). */
const HEADINGS: Record<string, Record<string, string[][]>> = {
  ilacs: {
    'help-and-protection': [
      ['early help'],
      ['step-up', 'step up', 'stepping up'],
      ['front door'],
      ['multi-agency safeguarding hub', 'mash'],
      ['threshold'],
      ['consent'],
      ['out of hours'],
      ['strategy discussion'],
      ['section 47'],
      ['assessment'],
      ['child in need'],
      ['child protection plan'],
      ['conference'],
      ['core group'],
      ['public law outline', 'pre-proceedings'],
      ['domestic abuse'],
      ['neglect'],
      ['disabled children'],
      ['sexual exploitation'],
      ['criminal exploitation'],
      ['extra-familial'],
      ['missing from home'],
      ['return home interview'],
      ['privately fostered', 'private fostering'],
      ['homeless 16 and 17'],
      ['lado', 'allegations against adults'],
      ['management oversight'],
      ['supervision'],
    ],
    'children-in-care': [
      ['decisions to come into care', 'come into care'],
      ['edge-of-care', 'edge of care'],
      ['returning home'],
      ['kinship'],
      ['early permanence'],
      ['fostering for adoption'],
      ['adoption'],
      ['special guardianship'],
      ['long-term fostering'],
      ['stability'],
      ['sufficiency'],
      ['matching'],
      ['at a distance'],
      ['unregistered'],
      ['unaccompanied'],
      ['independent reviewing officer'],
      ['participation'],
      ['family time'],
      ['health'],
      ['virtual school'],
      ['personal education plan'],
      ['wellbeing'],
      ['missing'],
      ['exploitation'],
      ['life-story', 'life story'],
    ],
    'care-leavers': [
      ['personal adviser'],
      ['pathway plan'],
      ['health and wellbeing'],
      ['entitlements'],
      ['local offer'],
      ['accommodation'],
      ['staying put'],
      ['staying close'],
      ['education, employment and training', 'employment'],
      ['formerly unaccompanied'],
      ['custody'],
      ['care-experienced parents', 'parents'],
    ],
    leaders: [
      ['political'],
      ['corporate leadership', 'corporate'],
      ['governance'],
      ['partnership'],
      ['corporate parenting'],
      ['knowing ourselves', 'knowing themselves'],
      ['self-evaluation'],
      ['line of sight'],
      ['quality assurance'],
      ['performance management'],
      ['dashboard'],
      ['audit'],
      ['practice observation'],
      ['learning culture'],
      ['recruitment'],
      ['retention'],
      ['agency'],
      ['caseload'],
      ['supervision'],
      ['training'],
      ['newly qualified'],
      ['practice model'],
      ['sufficiency'],
      ['commissioning'],
      ['previous inspection'],
    ],
  },
  sif: {
    lscb: [
      ['monitoring and evaluat'],
      ['multi-agency audit', 'multi-agency case audit'],
      ['section 11'],
      ['serious case review'],
      ['child death overview panel'],
      ['training'],
      ['policies and procedures', 'policies, procedures'],
      ['annual report'],
      ['business plan'],
      ['early help'],
      ['private fostering'],
      ['missing'],
      ['sexual exploitation'],
      ['engagement of children', 'children and young people'],
    ],
  },
};

function textOfCriteria(framework: Framework, judgementIds: string[]): string {
  return framework.criteria
    .filter((c) => judgementIds.includes(c.judgementId))
    .map((c) =>
      [
        c.title,
        c.descriptor,
        ...c.tags.map((t) => t.replace(/-/g, ' ')),
        ...c.evidencePrompts,
        ...c.linesOfEnquiry,
      ].join(' '),
    )
    .join('\n')
    .toLowerCase();
}

describe('shipped frameworks', () => {
  const index = JSON.parse(readFileSync('public/frameworks/index.json', 'utf8')) as {
    frameworks: { file: string; id: string }[];
  };

  it('lists every framework file in index.json, and only those', () => {
    const files = readdirSync('public/frameworks').filter((f) => f !== 'index.json');
    expect(index.frameworks.map((e) => e.file).sort()).toEqual(files.sort());
    expect(index.frameworks.map((e) => e.id).sort()).toEqual(ALL_SHIPPED);
  });

  it('loads every listed file through the import door with no problems', async () => {
    const shipped = await loadShippedFrameworks(async (path) => readFileSync(`public/${path}`));
    expect(shipped.problems).toEqual([]);
    expect(shipped.frameworks.map((f) => f.id).sort()).toEqual(ALL_SHIPPED);
  });

  it('fetches the files together, keeps the list’s order, and names each file it could not use', async () => {
    const listed = ['ilacs-2023.json', '../secret.json', 'missing.json', 'sif-2013.json'];
    const asked: string[] = [];
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const fetchBytes = async (path: string) => {
      asked.push(path);
      if (path === 'frameworks/index.json')
        return new TextEncoder().encode(JSON.stringify({ frameworks: listed.map((file) => ({ file })) }));
      // The first file is held back until every other one has been asked for.
      if (path === 'frameworks/ilacs-2023.json') await held;
      if (path === 'frameworks/missing.json') throw new Error('404 Not Found');
      return readFileSync(`public/${path}`);
    };
    const loading = loadShippedFrameworks(fetchBytes);
    await vi.waitFor(() => expect(asked).toContain('frameworks/sif-2013.json'));
    release();
    const shipped = await loading;
    expect(shipped.frameworks.map((f) => f.id)).toEqual(['ilacs-2023', 'sif-2013']);
    expect(shipped.problems).toEqual([
      'The shipped framework list names an unexpected file “../secret.json”.',
      'missing.json could not be loaded (Error: 404 Not Found).',
    ]);
    expect(asked).not.toContain('frameworks/../secret.json');
  });

  for (const [id, titles] of Object.entries(EXPECTED_JUDGEMENTS)) {
    describe(id, () => {
      const framework = shippedFramework(id);
      const family = id.startsWith('sif') ? 'sif' : 'ilacs';

      it('has the exact judgement names, in report order', () => {
        expect(framework.judgements.map((j) => j.title)).toEqual(titles);
      });

      it('prints the grade words this framework uses', () => {
        expect(framework.scales[0]!.levels.map((l) => l.label)).toEqual(EXPECTED_LABELS[family]);
      });

      it('has at least six fully described criteria for every practice and leadership judgement', () => {
        for (const judgement of framework.judgements.filter((j) => j.kind !== 'overall' && !j.parentId)) {
          const criteria = framework.criteria.filter((c) => c.judgementId === judgement.id);
          expect(criteria.length, judgement.title).toBeGreaterThanOrEqual(6);
        }
        for (const criterion of framework.criteria) {
          expect(criterion.descriptor.length, criterion.ref).toBeGreaterThan(80);
          expect(Object.keys(criterion.gradeDescriptors ?? {}), criterion.ref).toEqual(
            expect.arrayContaining(['good', 'inadequate']),
          );
          expect(criterion.evidencePrompts.length, criterion.ref).toBeGreaterThanOrEqual(3);
          expect(criterion.linesOfEnquiry.length, criterion.ref).toBeGreaterThanOrEqual(3);
        }
      });

      it(`asks the ${family === 'sif' ? 'SIF self-assessment' : 'three self-evaluation'} questions`, () => {
        expect(framework.selfEvaluation.map((s) => s.question)).toEqual(SELF_EVALUATION[family]);
      });

      it('has Annex A lists 1 to 11 in its readiness checklist', () => {
        const lists = framework.readinessChecklist
          .filter((c) => c.category === 'annex-a')
          .map((c) => c.annexAList);
        expect(lists).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      });

      it('has audit tools for each case type', () => {
        const types = framework.auditTools.map((t) => t.caseType);
        expect(types).toEqual(
          expect.arrayContaining([
            'child-in-need-child-protection',
            'children-in-care',
            'care-leavers',
            'multi-agency',
          ]),
        );
        expect(types).toContain('early-help');
        // The audits councils run beyond the case types (issue 18); SIF councils audited early help too.
        if (family === 'ilacs')
          expect(types).toEqual(
            expect.arrayContaining(['front-door', 'closure', 'practice-observation', 'supervision']),
          );
      });

      it('credits Ofsted under the Open Government Licence', () => {
        expect(framework.source.licence).toBe('Open Government Licence v3.0');
        expect(framework.source.attribution).toMatch(/Ofsted/);
      });
    });
  }

  it('covers every heading of domain.md under the right judgement', () => {
    for (const id of ['ilacs-2023', 'ilacs-2026']) {
      const framework = shippedFramework(id);
      for (const [judgementId, headings] of Object.entries(HEADINGS.ilacs!)) {
        const text = textOfCriteria(framework, [judgementId]);
        for (const words of headings)
          expect(
            words.some((w) => text.includes(w)),
            `${id} ${judgementId}: ${words[0]}`,
          ).toBe(true);
      }
    }
    const ilacs2018 = shippedFramework('ilacs-2018');
    const combined = textOfCriteria(ilacs2018, ['children-in-care-and-care-leavers']);
    for (const words of [...HEADINGS.ilacs!['children-in-care']!, ...HEADINGS.ilacs!['care-leavers']!]) {
      expect(
        words.some((w) => combined.includes(w)),
        `ilacs-2018: ${words[0]}`,
      ).toBe(true);
    }
    const lscb = textOfCriteria(shippedFramework('sif-2013'), ['lscb']);
    for (const words of HEADINGS.sif!.lscb!)
      expect(
        words.some((w) => lscb.includes(w)),
        `lscb: ${words[0]}`,
      ).toBe(true);
  });

  it('carries ILACS criteria forward by id between versions', () => {
    const ids = (id: string) => shippedFramework(id).criteria.map((c) => c.id);
    expect(ids('ilacs-2023')).toEqual(ids('ilacs-2018'));
    // 2026 adds criteria for the reforms; every 2023 criterion carries forward under its own id.
    expect(ids('ilacs-2026')).toEqual(expect.arrayContaining(ids('ilacs-2023')));
    expect(shippedFramework('ilacs-2026').supersedes).toMatchObject({
      frameworkId: 'ilacs-2023',
      version: 1,
    });
  });
});
