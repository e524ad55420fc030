import { describe, expect, it } from 'vitest';
import type { AnnexAListImport, AnnexARow } from '../../../src/domain/rehearsal/records';
import {
  annexACandidates,
  caseListCandidates,
  drawRiskWeightedSample,
  rowSignals,
  swapCandidates,
  swapSampledCase,
} from '../../../src/domain/rehearsal/risk-sample';

const DRAWN_ON = '2026-06-15';
const row = (childId: string, values: AnnexARow['values'] = {}): AnnexARow => ({
  childId,
  team: 'North',
  worker: 'Worker A',
  values,
});
const list = (n: number, rows: AnnexARow[]): AnnexAListImport => ({
  list: n,
  setId: 'ilacs',
  fileName: `list-${n}.csv`,
  importedAt: '2026-06-15T09:00:00Z',
  periodFrom: '2025-12-15',
  periodTo: DRAWN_ON,
  rows,
});

describe('risk signals on Annex A rows', () => {
  it('reads each signal inspectors look for, in words', () => {
    expect(
      rowSignals(
        7,
        row('A', { planStartDate: '2024-01-02', previousPlans: 1, lastVisitDate: '2026-05-01' }),
        DRAWN_ON,
      ),
    ).toEqual([
      { signal: 'cp-two-years', text: 'On a child protection plan for two years or more (since 02/01/2024)' },
      { signal: 'repeat-plan', text: 'A repeat child protection plan (1 before this one)' },
      {
        signal: 'no-recent-visit',
        text: 'Last visited 01/05/2026, 45 days ago: beyond the 10 working days a child protection plan allows',
      },
    ]);
    expect(
      rowSignals(
        8,
        row('B', {
          placementType: 'Unregistered children’s home',
          placementDistance: 48,
          placementMoves: 3,
          missingEpisodes: 4,
          proceedingsStartDate: '2025-09-01',
        }),
        DRAWN_ON,
      ).map((r) => r.signal),
    ).toEqual([
      'repeat-missing',
      'unregistered-placement',
      'distant-placement',
      'placement-moves',
      'long-proceedings',
    ]);
    expect(rowSignals(1, row('C', { outcome: 'NFA', eventDate: '2026-06-01' }), DRAWN_ON)).toEqual([
      { signal: 'nfa-contact', text: 'A contact closed with no further action (01/06/2026)' },
    ]);
    // Just inside each line: no signal.
    expect(
      rowSignals(
        7,
        row('D', { planStartDate: '2024-06-16', lastVisitDate: '2026-06-01', previousPlans: 0 }),
        DRAWN_ON,
      ),
    ).toEqual([]);
  });
});

describe("the risk-weighted inspectors' sample", () => {
  const quiet = Array.from({ length: 40 }, (_, i) =>
    row(`Q${String(i).padStart(2, '0')}`, { planStartDate: '2026-03-01' }),
  );
  const risky = Array.from({ length: 5 }, (_, i) =>
    row(`R${i}`, { planStartDate: '2023-01-01', previousPlans: 2 }),
  );
  const lists = [
    list(7, [...quiet, ...risky]),
    list(8, [row('K1'), row('K2')]),
    list(9, [row('L1')]),
    list(11, [row('ADOPTER1')]),
  ];
  const auditedOn = new Map([...quiet, ...risky].map((r) => [r.childId, '2026-05-01']));
  const candidates = annexACandidates({ lists, drawnOn: DRAWN_ON, auditedOn });
  const draw = (seed: number, perCohort = 5) =>
    drawRiskWeightedSample({
      candidates,
      seed,
      perCohort,
      drawnAt: '2026-06-15T10:00:00Z',
      source: 'annex-a',
    });

  it('takes each child once, in its cohort, and leaves adopters out', () => {
    expect(candidates.map((c) => c.caseReference)).not.toContain('ADOPTER1');
    expect(candidates.find((c) => c.caseReference === 'K1')).toMatchObject({
      cohort: 'children-in-care',
      caseType: 'children-in-care',
      lists: [8],
    });
    const both = annexACandidates({
      lists: [list(3, [row('X', { previousReferrals: 2 })]), list(8, [row('X')])],
      drawnOn: DRAWN_ON,
    });
    expect(both).toHaveLength(1);
    expect(both[0]).toMatchObject({ cohort: 'children-in-care', lists: [3, 8] });
    expect(both[0]!.reasons.map((r) => r.signal)).toEqual(['repeat-referrals', 'never-audited']);
  });

  it('is reproducible from its seed and draws the risky children far more often', () => {
    expect(draw(7)).toEqual(draw(7));
    let riskyDrawn = 0;
    for (let seed = 0; seed < 200; seed += 1)
      riskyDrawn += draw(seed).cases.filter((c) => c.caseReference.startsWith('R')).length;
    // 5 of 45 children, 5 drawn: unweighted about 0.56 a draw; weighted (6 vs 1) about 2.
    expect(riskyDrawn / 200).toBeGreaterThan(1.5);
  });

  it('gives every case its reasons, including whether it was audited in the last 12 months', () => {
    const sample = draw(3);
    expect(sample.source).toBe('annex-a');
    for (const c of sample.cases) expect(c.reasons?.length).toBeGreaterThan(0);
    expect(sample.cases.find((c) => c.caseReference === 'K1')?.reasons).toEqual(['Never audited']);
    const old = annexACandidates({
      lists: [list(9, [row('L1')])],
      drawnOn: DRAWN_ON,
      caseList: [
        {
          caseReference: 'L1',
          caseType: 'care-leavers',
          team: 'T',
          worker: 'W',
          lastAuditedDate: '2025-01-10',
        },
      ],
    });
    expect(old[0]!.reasons).toEqual([
      { signal: 'not-audited-12-months', text: 'Last audited 10/01/2025, more than 12 months ago' },
    ]);
  });

  it('swaps a case for another of the same group, keeping the reason, and refuses a swap without one', () => {
    const sample = draw(3);
    const out = sample.cases.find((c) => c.cohort === 'help-and-protection')!;
    const options = swapCandidates(sample, candidates, out.caseReference);
    expect(options.every((o) => o.cohort === 'help-and-protection')).toBe(true);
    expect(options.some((o) => sample.cases.some((c) => c.caseReference === o.caseReference))).toBe(false);
    const swapped = swapSampledCase(sample, {
      replaced: out.caseReference,
      replacement: options[0]!,
      reason: 'Seen last week by the panel',
      at: '2026-06-15T11:00:00Z',
    });
    const incoming = swapped.cases.find((c) => c.caseReference === options[0]!.caseReference)!;
    expect(incoming.swap).toEqual({
      replaced: out.caseReference,
      reason: 'Seen last week by the panel',
      at: '2026-06-15T11:00:00Z',
    });
    expect(swapped.cases).toHaveLength(sample.cases.length);
    expect(swapped.cases.some((c) => c.caseReference === out.caseReference)).toBe(false);
    expect(
      swapSampledCase(sample, {
        replaced: out.caseReference,
        replacement: options[0]!,
        reason: '  ',
        at: 'x',
      }),
    ).toBe(sample);
  });

  it('draws from the case lists, weighted by audits alone, when no Annex A list is held', () => {
    const c = caseListCandidates({
      caseList: [
        {
          caseReference: 'A',
          caseType: 'children-in-care',
          team: 'T',
          worker: 'W',
          lastAuditedDate: '2026-05-01',
        },
        { caseReference: 'B', caseType: 'care-leavers', team: 'T', worker: 'W' },
        { caseReference: 'C', caseType: 'multi-agency', team: 'T', worker: 'W' },
      ],
      drawnOn: DRAWN_ON,
    });
    expect(c.map((x) => [x.caseReference, x.weight])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
    const sample = drawRiskWeightedSample({
      candidates: c,
      seed: 1,
      perCohort: 3,
      drawnAt: 'x',
      source: 'case-list',
    });
    expect(sample.cases.find((x) => x.caseReference === 'A')?.reasons).toEqual([
      'Drawn at random: no risk signal on the lists',
    ]);
  });
});
