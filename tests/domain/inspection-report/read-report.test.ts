// @vitest-environment node
import { describe, expect, it } from 'vitest';
import type { ReadReport } from '../../../src/domain/inspection-report/types';
import {
  focusedVisitLetter,
  ilacsReport,
  imageOnlyPdf,
  jtaiLetter,
  monitoringVisitLetter,
  otherPdf,
  sifReport,
} from '../../fixtures/inspection-reports/build-reports.mjs';
import { readFixture } from '../../fixtures/inspection-reports/read-fixture';

async function read(bytes: Uint8Array): Promise<ReadReport> {
  const result = await readFixture(bytes);
  if (!result.ok) throw new Error(result.message);
  return result.report;
}
const grades = (report: ReadReport) =>
  Object.fromEntries(report.judgements.map((j) => [j.judgementId ?? j.name, j.levelId ?? j.grade]));
const listOf = (report: ReadReport, list: string) =>
  report.items.filter((i) => i.list === list).map((i) => [i.number, i.text]);

describe('reading an ILACS report', () => {
  it('reads the council, dates, framework, every grade and the numbered lists', async () => {
    const report = await read(
      ilacsReport({
        grades: ['Inadequate', 'Requires improvement to be good', 'Inadequate', 'Good', 'Inadequate'],
        priority: ['Act now so that every child at risk is seen within a day of the referral.'],
        improve: [
          'Improve the first thing.',
          'Improve the second thing, which is a longer point that has to wrap over more than one line of the page so the reader must join it.',
        ],
      }),
    );
    expect(report.kind).toBe('ilacs-report');
    expect(report.council?.name).toBe('Northby Borough Council');
    expect(report.fieldwork).toMatchObject({ start: '2024-06-03', end: '2024-06-14' });
    expect(report.published?.date).toBe('2024-07-26');
    expect(report.framework).toEqual({ id: 'ilacs-2023', version: 1, title: 'ILACS 2023' });
    expect(grades(report)).toEqual({
      leaders: 'inadequate',
      'help-and-protection': 'requires-improvement',
      'children-in-care': 'inadequate',
      'care-leavers': 'good',
      'overall-effectiveness': 'inadequate',
    });
    expect(listOf(report, 'priority-action')).toEqual([
      [1, 'Act now so that every child at risk is seen within a day of the referral.'],
    ]);
    expect(listOf(report, 'improve')).toEqual([
      [1, 'Improve the first thing.'],
      [
        2,
        'Improve the second thing, which is a longer point that has to wrap over more than one line of the page so the reader must join it.',
      ],
    ]);
    expect(report.warnings).toEqual([]);
    // Each finding points at its page text.
    expect(report.judgements[1]!.from).toEqual([
      { page: 1, line: 8 },
      { page: 1, line: 9 },
    ]);
  });

  it('chooses the framework by the start of fieldwork: December 2022 is ILACS 2018', async () => {
    const report = await read(
      ilacsReport({
        version: 2018,
        start: '2022-12-05',
        end: '2023-01-13',
        published: '2023-02-20',
        grades: ['Good', 'Good', 'Outstanding', 'Good'],
      }),
    );
    expect(report.fieldwork).toMatchObject({ start: '2022-12-05', end: '2023-01-13' });
    expect(report.framework?.id).toBe('ilacs-2018');
    expect(grades(report)).toEqual({
      leaders: 'good',
      'help-and-protection': 'good',
      'children-in-care-and-care-leavers': 'outstanding',
      'overall-effectiveness': 'good',
    });
  });

  it('shows, but does not record, a judgement the framework in force does not have', async () => {
    const report = await read(
      ilacsReport({
        version: 2023,
        start: '2026-05-04',
        end: '2026-05-15',
        published: '2026-06-19',
        grades: ['Good', 'Good', 'Good', 'Good', 'Good'],
      }),
    );
    expect(report.framework?.id).toBe('ilacs-2026');
    const overall = report.judgements.find((j) => j.name === 'Overall effectiveness');
    expect(overall).toMatchObject({ grade: 'Good' });
    expect(overall?.judgementId).toBeUndefined();
    expect(report.warnings.join(' ')).toContain('not a judgement of ILACS 2026');
  });

  it('numbers bulleted lists by their place', async () => {
    const report = await read(ilacsReport({ bullets: true, improve: ['First.', 'Second.', 'Third.'] }));
    expect(
      report.items.filter((i) => i.list === 'improve').map((i) => [i.number, i.numberedByReport]),
    ).toEqual([
      [1, false],
      [2, false],
      [3, false],
    ]);
  });
});

describe('reading a SIF report with the LSCB review', () => {
  it('reads every judgement including the LSCB and numbers the LSCB list on from the council’s', async () => {
    const report = await read(
      sifReport({
        priority: ['Priority one.'],
        improvement: ['Council point two.', 'Council point three.'],
        lscbImprovement: ['Board point four.', 'Board point five.'],
      }),
    );
    expect(report.kind).toBe('sif-report');
    expect(report.council?.name).toBe('Westmere City Council');
    expect(report.framework?.id).toBe('sif-2013');
    expect(grades(report)).toEqual({
      'overall-effectiveness': 'inadequate',
      'help-and-protection': 'requires-improvement',
      'looked-after-and-permanence': 'inadequate',
      'adoption-performance': 'inadequate',
      'care-leavers': 'requires-improvement',
      'leadership-management-governance': 'inadequate',
      lscb: 'inadequate',
    });
    expect(report.judgements.find((j) => j.judgementId === 'care-leavers')?.grade).toBe(
      'Requires improvement',
    );
    expect(listOf(report, 'priority-immediate-action')).toEqual([[1, 'Priority one.']]);
    expect(listOf(report, 'improvement')).toEqual([
      [2, 'Council point two.'],
      [3, 'Council point three.'],
    ]);
    expect(listOf(report, 'lscb-improvement')).toEqual([
      [4, 'Board point four.'],
      [5, 'Board point five.'],
    ]);
    expect(report.warnings).toEqual([]);
  });
});

describe('reading letters', () => {
  it('a focused visit letter: council, dates, letter date, what was looked at, findings and lists', async () => {
    const report = await read(
      focusedVisitLetter({
        priority: ['Make sure care plans are reviewed on time.'],
        improve: ['One.', 'Two.'],
      }),
    );
    expect(report.kind).toBe('focused-visit');
    expect(report.council?.name).toBe('Eastham District Council');
    expect(report.fieldwork).toMatchObject({ start: '2025-02-11', end: '2025-02-12' });
    expect(report.published?.date).toBe('2025-03-14');
    expect(report.framework?.id).toBe('ilacs-2023');
    expect(report.judgements).toEqual([]);
    expect(report.areasLookedAt.map((b) => b.text)).toEqual([
      'Inspectors looked at the arrangements for children in care, including their plans for permanence.',
    ]);
    expect(report.findings.map((b) => b.text)).toEqual([
      'Most children in care live in homes that meet their needs, and their plans are reviewed regularly.',
    ]);
    expect(listOf(report, 'priority-action')).toEqual([[1, 'Make sure care plans are reviewed on time.']]);
    expect(listOf(report, 'improve')).toEqual([
      [1, 'One.'],
      [2, 'Two.'],
    ]);
  });

  it('a monitoring visit letter: the areas covered and each finding as a paragraph', async () => {
    const report = await read(monitoringVisitLetter());
    expect(report.kind).toBe('monitoring-visit');
    expect(report.council?.name).toBe('Southfold Metropolitan Borough Council');
    expect(report.fieldwork).toMatchObject({ start: '2026-09-08', end: '2026-09-09' });
    expect(report.framework?.id).toBe('ilacs-2026');
    expect(report.areasLookedAt).toHaveLength(1);
    expect(report.areasLookedAt[0]!.text).toMatch(/^Inspectors reviewed the progress .* thresholds\.$/);
    expect(report.findings.map((f) => f.text.slice(0, 20))).toEqual([
      'Leaders have increas',
      'Managers do not yet ',
    ]);
    expect(listOf(report, 'priority-action')).toHaveLength(1);
  });

  it('a JTAI letter: the partnership framework and both lists, a wrapped item joined', async () => {
    const report = await read(jtaiLetter());
    expect(report.kind).toBe('jtai');
    expect(report.council?.name).toBe('Riverton Borough Council');
    expect(report.fieldwork).toMatchObject({ start: '2025-10-06', end: '2025-10-10' });
    expect(report.framework?.id).toBe('safeguarding-partnership-2023');
    expect(listOf(report, 'priority-action')).toEqual([
      [
        1,
        'Make sure that strategy discussions include health and police partners whenever a child may be at risk.',
      ],
    ]);
    expect(listOf(report, 'improvement')).toEqual([
      [1, 'Improve the sharing of information between schools and the front door.'],
    ]);
  });
});

describe('refusing', () => {
  it('a PDF with no text says it is probably a scanned image', async () => {
    const result = await readFixture(imageOnlyPdf());
    expect(result).toMatchObject({ ok: false, code: 'no-text' });
  });
  it('a PDF that is not a report or letter says so', async () => {
    const result = await readFixture(otherPdf());
    expect(result).toMatchObject({ ok: false, code: 'not-a-report' });
  });
});

describe('grades stated in sentences (SIF)', () => {
  it('reads the LSCB’s and the overall grade from sentences when the table has no row for them', async () => {
    const { layoutPdf } = await import('../../fixtures/inspection-reports/build-reports.mjs');
    const report = await read(
      layoutPdf([
        { type: 'title', text: 'Westmere City Council' },
        {
          type: 'heading',
          text: 'Inspection of services for children in need of help and protection',
          size: 14,
        },
        { type: 'para', text: 'Inspection date: 5 May 2015 – 28 May 2015' },
        { type: 'para', text: 'Children’s services in Westmere City Council are inadequate.' },
        {
          type: 'table',
          head: ['Judgement', 'Grade'],
          rows: [['1. Children who need help and protection', 'Good']],
        },
        { type: 'para', text: 'The Local Safeguarding Children Board (LSCB) requires improvement.' },
      ]),
    );
    expect(report.framework?.id).toBe('sif-2013');
    expect(grades(report)).toEqual({
      'help-and-protection': 'good',
      lscb: 'requires-improvement',
      'overall-effectiveness': 'inadequate',
    });
  });

  it('finds the council in “Inspection of <council> local authority children’s services”', async () => {
    const { layoutPdf } = await import('../../fixtures/inspection-reports/build-reports.mjs');
    const report = await read(
      layoutPdf([
        { type: 'title', text: 'Inspection of Northby local authority children’s services' },
        { type: 'para', text: 'Inspection dates: 8 to 19 July 2019' },
      ]),
    );
    expect(report.kind).toBe('ilacs-report');
    expect(report.council?.name).toBe('Northby');
    expect(report.framework?.id).toBe('ilacs-2018');
  });
});
