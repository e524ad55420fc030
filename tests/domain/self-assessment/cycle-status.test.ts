import { describe, expect, it } from 'vitest';
import {
  finalisedCycle,
  reopenedCycle,
  statusHistoryOf,
} from '../../../src/domain/self-assessment/cycle-status';
import type { AssessmentCycle } from '../../../src/domain/workspace/records';
import { makeCycle } from '../../helpers/builders';

const first = { by: 'Dana Director', now: '2026-03-20T16:00:00.000Z' };
const reopener = { by: 'Sam Strategic', now: '2026-04-02T10:00:00.000Z' };
const again = { by: 'Dana Director', now: '2026-04-10T09:30:00.000Z' };
const REASON = 'The lead member asked for the care leavers narrative to be strengthened.';

function reopen(cycle: AssessmentCycle, reason = REASON, author = reopener): AssessmentCycle {
  const result = reopenedCycle(cycle, reason, author);
  if (!result.ok) throw new Error(result.problem);
  return result.cycle;
}

describe('finalising and reopening a cycle', () => {
  it('records who finalised it and when, in its fields and its history', () => {
    const final = finalisedCycle(makeCycle(), first);
    expect(final).toMatchObject({ status: 'final', finalisedAt: first.now, finalisedBy: first.by });
    expect(final.statusHistory).toEqual([{ at: first.now, by: first.by, change: 'finalised' }]);
  });

  it('reopens a final cycle as a draft, with who, when and why, keeping the finalisation', () => {
    const draft = reopen(finalisedCycle(makeCycle(), first));
    expect(draft.status).toBe('draft');
    expect(draft).not.toHaveProperty('finalisedAt');
    expect(draft).not.toHaveProperty('finalisedBy');
    expect(draft.statusHistory).toEqual([
      { at: first.now, by: first.by, change: 'finalised' },
      { at: reopener.now, by: reopener.by, change: 'reopened', reason: REASON },
    ]);
  });

  it('keeps every earlier finalisation when it is finalised again', () => {
    const final = finalisedCycle(reopen(finalisedCycle(makeCycle(), first)), again);
    expect(final).toMatchObject({ status: 'final', finalisedAt: again.now, finalisedBy: again.by });
    expect(final.statusHistory!.map((h) => [h.change, h.by, h.at])).toEqual([
      ['finalised', first.by, first.now],
      ['reopened', reopener.by, reopener.now],
      ['finalised', again.by, again.now],
    ]);
  });

  it('refuses a blank reason and a cycle that is not final, changing nothing', () => {
    const final = finalisedCycle(makeCycle(), first);
    expect(reopenedCycle(final, '  \n ', reopener)).toEqual({ ok: false, problem: 'reason-required' });
    expect(reopenedCycle(makeCycle(), REASON, reopener)).toEqual({ ok: false, problem: 'not-final' });
    expect(final.status).toBe('final');
  });

  it('trims the reason it keeps', () => {
    expect(reopen(finalisedCycle(makeCycle(), first), `  ${REASON}\n`).statusHistory!.at(-1)!.reason).toBe(
      REASON,
    );
  });

  it('counts a finalisation from before the history existed, so reopening does not lose it', () => {
    const legacy = makeCycle({ status: 'final', finalisedAt: first.now, finalisedBy: first.by });
    expect(statusHistoryOf(legacy)).toEqual([{ at: first.now, by: first.by, change: 'finalised' }]);
    expect(reopen(legacy).statusHistory!.map((h) => h.change)).toEqual(['finalised', 'reopened']);
    expect(statusHistoryOf(makeCycle())).toEqual([]);
  });
});
