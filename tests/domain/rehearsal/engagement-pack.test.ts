import { describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import {
  buildEngagementPack,
  hasEngagementMeetings,
  NO_ENGAGEMENT_CHANGES,
  readEngagementChanges,
} from '../../../src/domain/rehearsal/engagement-pack';
import { compareWithLastInspection } from '../../../src/domain/self-assessment/changes-since-inspection';
import { demoPackInput } from './engagement-pack-fixture';

describe('buildEngagementPack', () => {
  it('summarises each judgement with the grade and the words of the annual report', () => {
    const input = demoPackInput();
    const pack = buildEngagementPack(input);
    const report = buildReport(input);
    expect(pack.cover).toMatchObject({ council: report.cover.council, marking: report.cover.marking });
    expect(pack.cover.title).toBe(`Annual engagement meeting pack ${report.cover.cycleLabel}`);
    expect(pack.summary.map((s) => s.judgement)).toEqual(report.judgements.map((j) => j.heading));
    pack.summary.forEach((s, i) => {
      const j = report.judgements[i]!;
      if (s.basis === 'Agreed') expect(s.grade).toBe(j.agreed);
      else expect(s.grade).toBe(j.proposed);
      expect(s.summary).not.toContain('\n');
    });
  });

  it('carries the director’s four texts in the meeting’s order, empty ones as empty', () => {
    const pack = buildEngagementPack(demoPackInput());
    expect(pack.changes).toEqual([
      { topic: 'Leaders', text: 'A new director of children’s services, Zoë Brontë, started in June.' },
      { topic: 'Structures', text: '' },
      { topic: 'Practice model', text: '' },
      { topic: 'Systems', text: 'Moved to a new case recording system in September.' },
    ]);
  });

  it('reports the last letter’s and the last inspection’s progress from the same figures as the Changes page', () => {
    const input = demoPackInput();
    const pack = buildEngagementPack(input);
    // The example council's tracker holds one annual engagement letter, of 01/05/2026 (dates shifted to today).
    const letters = input.recommendations.filter((r) => r.source === 'annual-engagement-letter');
    expect(pack.lastLetter?.date).toBe(
      letters
        .map((r) => r.date)
        .sort()
        .at(-1),
    );
    expect(pack.lastLetter?.total).toBe(letters.filter((r) => r.date === pack.lastLetter?.date).length);

    const comparison = compareWithLastInspection({
      framework: input.framework,
      inspectionFramework: input.inspectionFramework!,
      lastInspection: input.lastInspection!,
      current: input.bundle,
      recommendations: input.recommendations,
      actions: input.actions,
    });
    expect(pack.lastInspection?.total).toBe(comparison.recommendations.total);
    expect(comparison.recommendations.total).toBe(5);
    expect(pack.lastInspection?.counts.map((c) => c.count)).toEqual(
      Object.values(comparison.recommendations.counts),
    );
    expect(pack.lastInspection?.judgements.map((j) => j.then)).toEqual(
      comparison.judgements.map((j) => j.atInspection?.label ?? 'Not judged'),
    );
    expect(
      pack.lastInspection?.judgements.find((j) => j.judgement === 'Overall effectiveness'),
    ).toMatchObject({
      then: 'Requires improvement to be good',
      change: 'Not judged in this framework',
    });
  });

  it('takes the key figures from the annual report: the scorecard and good or better by judgement', () => {
    const input = demoPackInput();
    const pack = buildEngagementPack(input);
    const report = buildReport(input);
    expect(pack.indicators).toEqual(report.scorecard);
    expect(pack.audits.byJudgement).toEqual(report.auditFindings.byJudgement);
    expect(pack.audits.byJudgement.length).toBeGreaterThan(0);
  });

  it('says there is no letter and no inspection when the tracker has neither', () => {
    const input = demoPackInput({ recommendations: [] });
    const { lastInspection: _, ...withoutInspection } = input;
    const pack = buildEngagementPack(withoutInspection);
    expect(pack.lastLetter).toBeNull();
    expect(pack.lastInspection).toBeNull();
  });
});

describe('readEngagementChanges', () => {
  it('keeps texts of the right type and empties anything else', () => {
    expect(readEngagementChanges({ leaders: 'New director', structures: 7, systems: null })).toEqual({
      ...NO_ENGAGEMENT_CHANGES,
      leaders: 'New director',
    });
    expect(readEngagementChanges('nonsense')).toEqual(NO_ENGAGEMENT_CHANGES);
    expect(readEngagementChanges(undefined)).toEqual(NO_ENGAGEMENT_CHANGES);
  });
});

describe('hasEngagementMeetings', () => {
  it('holds for ILACS and a council’s own framework, not for the SIF or a partnership', () => {
    expect(hasEngagementMeetings({ id: 'ilacs-2026' })).toBe(true);
    expect(hasEngagementMeetings({ id: 'ilacs-2018' })).toBe(true);
    expect(hasEngagementMeetings({ id: 'northshire-own' })).toBe(true);
    expect(hasEngagementMeetings({ id: 'sif-2013' })).toBe(false);
    expect(hasEngagementMeetings({ id: 'safeguarding-partnership-2023' })).toBe(false);
  });
});
