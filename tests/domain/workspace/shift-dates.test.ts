// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/domain/case-audit/sampling';
import { cycleStartYear } from '../../../src/domain/format/dates';
import { shiftWorkspaceDates } from '../../../src/domain/workspace/shift-dates';
import {
  makeAction,
  makeCaseAudit,
  makeCriterionAssessment,
  makeCycle,
  makeEvidence,
  makeNarrative,
  makeRehearsal,
} from '../../helpers/builders';
import { exampleAnchor, exampleBackup } from '../../helpers/example-workspace';

const DAY_MS = 86_400_000;
const midnight = (date: string) => Date.parse(`${date.slice(0, 10)}T00:00:00Z`);
/** Whole days from `from` to `to` (negative when `to` is earlier). */
const days = (from: string, to: string) => Math.round((midnight(to) - midnight(from)) / DAY_MS);
const isRealDate = (text: string) =>
  /^\d{4}-\d{2}-\d{2}(T.*)?$/.test(text) &&
  new Date(midnight(text)).toISOString().slice(0, 10) === text.slice(0, 10);
const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);
const A_WEEK_ON = { from: '2026-12-01', to: '2026-12-08' };

/** A workspace with a date in every kind of place, and free text that merely mentions dates. */
function workspace() {
  const cycle = makeCycle({ id: 'cycle-a', startYear: 2026, createdAt: '2026-04-01T09:00:00.000Z' });
  return {
    settings: [
      { key: 'workspace', value: { councilName: 'Exampleshire', inspectionCallDate: '2026-11-30' } },
    ],
    frameworks: [{ key: 'ilacs-2023@1', framework: { effectiveFrom: '2023-01-01' } }],
    cycles: [cycle],
    criterionAssessments: [
      makeCriterionAssessment({
        cycleId: 'cycle-a',
        strengths: 'Since 2025 the front door has improved; see the 2025-04-01 audit.',
        areasForDevelopment: '2025',
        history: [
          {
            at: '2026-04-01T09:00:00.000Z',
            by: 'PSW',
            field: 'carried-forward',
            from: '2025–26',
            to: '2026–27, to re-evaluate',
          },
          {
            at: '2026-06-02T10:15:00.000Z',
            by: 'PSW',
            field: 'grade',
            from: 'good',
            to: 'requires-improvement',
          },
        ],
      }),
    ],
    narratives: [
      makeNarrative({ cycleId: 'cycle-a', answers: { 'what-we-know': 'In 2025–26 we audited 120 cases.' } }),
    ],
    evidence: [makeEvidence({ date: '2026-10-31', title: '2026-10-31', notes: 'Not a date: 2026-02-30' })],
    actions: [
      makeAction({
        dueDate: '2027-01-31',
        completedAt: '2026-11-30',
        progressNotes: [{ at: '2026-09-01T08:00:00Z', by: 'Head of service', text: 'Due 2027-01-31.' }],
      }),
    ],
    caseAudits: [
      makeCaseAudit({
        id: 'audit-2026-05-01',
        caseReference: 'EX-2026',
        auditDate: '2026-11-02',
        answers: { 'last-seen': '2026-10-20', 'seen-alone': 'yes', notes: 'Seen on 2026-10-20.' },
        escalation: {
          raisedAt: '2026-11-02T12:00:00+01:00',
          raisedBy: 'Auditor',
          concern: 'Drift since 2026.',
          log: [
            { at: '2026-11-03T09:30', by: 'Team manager', toldWho: 'Service manager', action: 'Reviewed' },
          ],
        },
      }),
    ],
    rehearsals: [makeRehearsal({ date: '2026-11-20', cycleId: 'cycle-a' })],
    indicators: [
      {
        id: 'i-1',
        frequency: 'month',
        values: [
          { period: '2026-10', value: 80 },
          { period: '2026-11', value: 82 },
        ],
      },
      {
        id: 'i-2',
        frequency: 'quarter',
        values: [
          { period: '2026-04', value: 3 },
          { period: '2026-07', value: 4 },
        ],
      },
    ],
  };
}

describe('shiftWorkspaceDates', () => {
  it('moves dates and timestamps by the whole days between the two days, keeping the time as written', () => {
    const shifted = shiftWorkspaceDates(workspace(), A_WEEK_ON);
    expect(shifted.evidence[0]!.date).toBe('2026-11-07');
    expect(shifted.actions[0]).toMatchObject({ dueDate: '2027-02-07', completedAt: '2026-12-07' });
    expect(shifted.cycles[0]!.createdAt).toBe('2026-04-08T09:00:00.000Z');
    expect(shifted.actions[0]!.progressNotes[0]!.at).toBe('2026-09-08T08:00:00Z');
    expect(shifted.caseAudits[0]!.escalation).toMatchObject({
      raisedAt: '2026-11-09T12:00:00+01:00',
      log: [{ at: '2026-11-10T09:30' }],
    });
    expect(
      shiftWorkspaceDates({ d: '2028-02-28', e: '2028-12-31' }, { from: '2026-12-01', to: '2026-12-02' }),
    ).toEqual({
      d: '2028-02-29',
      e: '2029-01-01',
    });
  });

  it('reaches nested dates: history, progress notes, date answers, escalation logs, rehearsals, settings', () => {
    const shifted = shiftWorkspaceDates(workspace(), A_WEEK_ON);
    expect(shifted.criterionAssessments[0]!.history.map((h) => h.at)).toEqual([
      '2026-04-08T09:00:00.000Z',
      '2026-06-09T10:15:00.000Z',
    ]);
    expect(shifted.caseAudits[0]!.answers).toEqual({
      'last-seen': '2026-10-27',
      'seen-alone': 'yes',
      notes: 'Seen on 2026-10-20.',
    });
    expect(shifted.rehearsals[0]!.date).toBe('2026-11-27');
    expect(shifted.settings[0]!.value).toEqual({
      councilName: 'Exampleshire',
      inspectionCallDate: '2026-12-07',
    });
  });

  it('never puts a timestamp after now: loaded early in the day, every timestamp moves back by the same amount', () => {
    const records = {
      actions: [
        {
          updatedAt: '2026-12-01T09:30:00.000Z',
          createdAt: '2026-11-30T16:00:00.000Z',
          dueDate: '2026-12-20',
        },
      ],
      frameworks: [{ updatedAt: '2026-12-01T23:00:00.000Z' }],
    };
    const early = shiftWorkspaceDates(records, {
      from: '2026-12-01',
      to: '2026-12-02',
      notAfter: '2026-12-02T05:00:00.000Z',
    });
    expect(early.actions[0]).toEqual({
      updatedAt: '2026-12-02T05:00:00.000Z',
      createdAt: '2026-12-01T11:30:00.000Z',
      dueDate: '2026-12-21',
    });
    expect(early.frameworks).toEqual(records.frameworks);
    const late = shiftWorkspaceDates(records, {
      from: '2026-12-01',
      to: '2026-12-02',
      notAfter: '2026-12-02T18:00:00Z',
    });
    expect(late.actions[0]!.updatedAt).toBe('2026-12-02T09:30:00.000Z');
  });

  it('never touches free text, ids, references, impossible dates or imported frameworks', () => {
    const before = workspace();
    const shifted = shiftWorkspaceDates(before, { from: '2026-12-01', to: '2031-06-15' });
    expect(shifted.criterionAssessments[0]).toMatchObject({
      strengths: 'Since 2025 the front door has improved; see the 2025-04-01 audit.',
      areasForDevelopment: '2025',
    });
    expect(shifted.narratives[0]!.answers).toEqual(before.narratives[0]!.answers);
    expect(shifted.evidence[0]!.notes).toBe('Not a date: 2026-02-30');
    expect(shifted.actions[0]!.progressNotes[0]!.text).toBe('Due 2027-01-31.');
    expect(shifted.caseAudits[0]).toMatchObject({ id: 'audit-2026-05-01', caseReference: 'EX-2026' });
    expect(shifted.caseAudits[0]!.escalation!.concern).toBe('Drift since 2026.');
    expect(shifted.frameworks).toEqual(before.frameworks);
    expect(shiftWorkspaceDates({ d: '2026-02-30', m: '2026-13' }, A_WEEK_ON)).toEqual({
      d: '2026-02-30',
      m: '2026-13',
    });
  });

  it('moves a cycle’s startYear, and the years a carried-forward entry names, by the change in April-to-March year', () => {
    const startYear = (to: string) =>
      shiftWorkspaceDates(workspace(), { from: '2026-12-01', to }).cycles[0]!.startYear;
    expect(startYear('2027-03-31')).toBe(2026);
    expect(startYear('2027-04-01')).toBe(2027);
    expect(startYear('2026-03-31')).toBe(2025);
    const carried = shiftWorkspaceDates(workspace(), { from: '2026-12-01', to: '2028-05-01' })
      .criterionAssessments[0]!.history[0]!;
    expect(carried).toMatchObject({ from: '2027–28', to: '2028–29, to re-evaluate' });
    const changed = shiftWorkspaceDates(workspace(), { from: '2026-12-01', to: '2028-05-01' })
      .criterionAssessments[0]!.history[1]!;
    expect(changed).toMatchObject({ from: 'good', to: 'requires-improvement' });
  });

  it('moves monthly periods by calendar months and quarterly ones by whole quarters', () => {
    const shifted = shiftWorkspaceDates(workspace(), { from: '2026-12-01', to: '2027-02-10' });
    expect(shifted.indicators[0]!.values.map((v) => v.period)).toEqual(['2026-12', '2027-01']);
    expect(shifted.indicators[1]!.values.map((v) => v.period)).toEqual(['2026-07', '2026-10']);
    const back = shiftWorkspaceDates(workspace(), { from: '2026-12-01', to: '2025-11-24' });
    expect(back.indicators[0]!.values.map((v) => v.period)).toEqual(['2025-09', '2025-10']);
  });

  it('leaves its input as it was, and shifting by nothing changes nothing', () => {
    const before = workspace();
    const copy = structuredClone(before);
    shiftWorkspaceDates(before, { from: '2026-12-01', to: '2030-01-01' });
    expect(before).toEqual(copy);
    expect(shiftWorkspaceDates(before, { from: '2026-12-01', to: '2026-12-01' })).toEqual(copy);
  });

  it('refuses a shift between days that are not real dates', () => {
    expect(() => shiftWorkspaceDates({}, { from: '2026-12-01', to: '2026-02-30' })).toThrow(Error);
    expect(() => shiftWorkspaceDates({}, { from: 'today', to: '2026-12-01' })).toThrow(Error);
  });
});

type Leaf = [path: string, value: unknown];
function leaves(value: unknown, path = ''): Leaf[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value && typeof value === 'object')
    return Object.entries(value).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [[path, value]];
}
const MONTH_LIKE = /^\d{4}-\d{2}$/;
const CYCLE_LABEL = /^\d{4}–\d{2}/;

describe('shiftWorkspaceDates, over seeded shifts of the example council and the builders’ workspace', () => {
  const backup = exampleBackup();
  const from = exampleAnchor(backup);
  const sources = { example: backup.records, builders: workspace() };
  const random = seededRandom(2026);
  const shifts = Array.from({ length: 12 }, () => addDays(from, Math.round((random() - 0.5) * 3650)));

  it.each(Object.keys(sources))('%s: every date moves by exactly N days and nothing else changes', (name) => {
    const source = sources[name as keyof typeof sources];
    const before = leaves(source);
    for (const to of shifts) {
      const n = days(from, to);
      const after = leaves(shiftWorkspaceDates(source, { from, to }));
      expect(after.map(([path]) => path)).toEqual(before.map(([path]) => path));
      let moved = 0;
      before.forEach(([path, value], i) => {
        const shifted = after[i]![1];
        const where = `${path} shifted to ${to}`;
        if (typeof value === 'string' && isRealDate(value)) {
          if (path.startsWith('frameworks')) return expect(shifted, where).toBe(value);
          moved += 1;
          expect(days(value, shifted as string), where).toBe(n);
          expect((shifted as string).slice(10), where).toBe(value.slice(10));
        } else if (typeof value === 'string' && (MONTH_LIKE.test(value) || CYCLE_LABEL.test(value))) {
          // Periods and carried-forward cycle labels move by months and years: checked above.
        } else if (path.endsWith('.startYear')) {
          expect(shifted, where).toBe((value as number) + cycleStartYear(to) - cycleStartYear(from));
        } else {
          expect(shifted, where).toBe(value);
        }
      });
      expect(moved).toBeGreaterThan(name === 'example' ? 600 : 20);
    }
  });

  it('keeps each cycle in the same April-to-March year relative to today, and near the dates it carries', () => {
    for (const to of shifts) {
      const shifted = shiftWorkspaceDates(backup.records, { from, to });
      shifted.cycles.forEach((cycle, i) => {
        const original = backup.records.cycles[i]!;
        expect(cycle.startYear - cycleStartYear(to)).toBe(original.startYear - cycleStartYear(from));
        const drift = (c: typeof cycle) => cycleStartYear(c.createdAt) - c.startYear;
        expect(Math.abs(drift(cycle) - drift(original)), `${cycle.id} shifted to ${to}`).toBeLessThanOrEqual(
          1,
        );
      });
    }
  });
});
