import { describe, expect, it } from 'vitest';
import type { AuditRound, CaseListEntry } from '../../../src/domain/case-audit/records';
import {
  auditStatusOf,
  combinedCaseList,
  drawInspectorsSample,
} from '../../../src/domain/rehearsal/inspectors-sample';
import { drawSample, lastAuditedOn } from '../../../src/domain/case-audit/sampling';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const TEAMS = ['North', 'South', 'East'];

function caseList(): CaseListEntry[] {
  const types = [
    ['child-in-need-child-protection', 40],
    ['early-help', 10],
    ['children-in-care', 30],
    ['care-leavers', 12],
    ['multi-agency', 5],
  ] as const;
  let n = 0;
  return types.flatMap(([caseType, count]) =>
    Array.from({ length: count }, (_, k) => ({
      caseReference: `C${String(++n).padStart(4, '0')}`,
      caseType,
      team: TEAMS[k % TEAMS.length]!,
      worker: `Worker ${k % 7}`,
    })),
  );
}

describe("the inspectors' sample", () => {
  const list = caseList();
  const draw = (seed: number, perCohort = 6) =>
    drawInspectorsSample({ caseList: list, seed, perCohort, drawnAt: '2025-06-01T10:00:00Z' });

  it('spreads the sample across help and protection, children in care and care leavers', () => {
    const sample = draw(42);
    const byCohort = (cohort: string) => sample.cases.filter((c) => c.cohort === cohort);
    expect(byCohort('help-and-protection')).toHaveLength(6);
    expect(byCohort('children-in-care')).toHaveLength(6);
    expect(byCohort('care-leavers')).toHaveLength(6);
    expect(sample.cases.every((c) => c.caseType !== 'multi-agency')).toBe(true);
    for (const c of byCohort('children-in-care')) expect(c.caseType).toBe('children-in-care');
    // Within a cohort the cases are spread across teams, in proportion.
    expect(new Set(byCohort('children-in-care').map((c) => c.team))).toEqual(new Set(TEAMS));
    expect(new Set(sample.cases.map((c) => c.caseReference)).size).toBe(18);
  });

  it('is reproducible from its seed, and a different seed draws different cases', () => {
    expect(draw(42).cases).toEqual(draw(42).cases);
    expect(draw(43).cases.map((c) => c.caseReference)).not.toEqual(
      draw(42).cases.map((c) => c.caseReference),
    );
  });

  it('takes every case of a small cohort rather than failing', () => {
    const sample = draw(1, 20);
    expect(sample.cases.filter((c) => c.cohort === 'care-leavers')).toHaveLength(12);
    expect(sample.cases.filter((c) => c.cohort === 'help-and-protection')).toHaveLength(20);
  });

  it("combines the audit rounds' case lists, the newest round's entry winning", () => {
    const round = (id: string, periodTo: string, entries: CaseListEntry[]) =>
      ({ id, periodTo, updatedAt: periodTo, caseList: entries }) as unknown as AuditRound;
    const combined = combinedCaseList([
      round('old', '2025-03-31', [
        { caseReference: 'A', caseType: 'children-in-care', team: 'Old', worker: 'W' },
      ]),
      round('new', '2025-05-31', [
        { caseReference: 'A', caseType: 'care-leavers', team: 'New', worker: 'W' },
        { caseReference: 'B', caseType: 'early-help', team: 'New', worker: 'W' },
      ]),
    ]);
    expect(combined.map((c) => [c.caseReference, c.caseType])).toEqual([
      ['A', 'care-leavers'],
      ['B', 'early-help'],
    ]);
  });
});

describe('what the workspace knows of each sampled case', () => {
  it('gives the latest completed audit, its standing grade and whether it is recent; drafts are counted apart', () => {
    const status = auditStatusOf({
      caseReferences: ['C1', 'C2', 'C3'],
      audits: [
        makeCaseAudit({
          id: 'old',
          caseReference: 'C1',
          auditDate: '2024-06-01',
          overallGrade: 'inadequate',
        }),
        makeCaseAudit({
          id: 'new',
          caseReference: 'C1',
          auditDate: '2025-04-01',
          overallGrade: 'requires-improvement',
        }),
        makeCaseAudit({ id: 'long-ago', caseReference: 'C2', auditDate: '2024-03-01', overallGrade: 'good' }),
        makeCaseAudit({ id: 'draft', caseReference: 'C3', status: 'draft', auditDate: '2025-05-20' }),
        makeCaseAudit({
          id: 'gone',
          caseReference: 'C3',
          deletedAt: '2025-05-01T00:00:00Z',
          overallGrade: 'good',
        }),
      ],
      moderations: [
        {
          id: 'm',
          createdAt: '',
          updatedAt: '',
          updatedBy: '',
          auditId: 'new',
          moderator: 'M',
          blind: true,
          domainGrades: {},
          moderatedOverallGrade: 'good',
          reason: 'Evidence of impact was on file.',
          submittedAt: '2025-04-10T00:00:00Z',
        },
      ],
      frameworks: [ilacs],
      today: '2025-06-01',
    });
    expect(status.get('C1')).toMatchObject({
      audits: 2,
      latest: { auditId: 'new', date: '2025-04-01', grade: 'Good', recent: true },
    });
    expect(status.get('C2')!.latest).toMatchObject({ grade: 'Good', recent: false });
    expect(status.get('C3')).toEqual({ caseReference: 'C3', audits: 0, drafts: 1 });
  });
});

describe("a case's imported date last audited", () => {
  const entry = (caseReference: string, lastAuditedDate?: string): CaseListEntry => ({
    caseReference,
    caseType: 'children-in-care',
    team: 'North',
    worker: 'Worker 1',
    ...(lastAuditedDate ? { lastAuditedDate } : {}),
  });
  const list = [entry('L1', '2025-03-01'), entry('L2', '2023-01-10'), entry('L3'), entry('L4', '2024-01-01')];
  const audits = [
    makeCaseAudit({ id: 'held', caseReference: 'L4', auditDate: '2025-05-01', overallGrade: 'good' }),
  ];
  const status = auditStatusOf({
    caseReferences: list.map((c) => c.caseReference),
    caseList: list,
    audits,
    moderations: [],
    frameworks: [ilacs],
    today: '2025-06-01',
  });

  it('counts as audited, from the case list, rather than "never audited"', () => {
    expect(status.get('L1')!.lastAudited).toEqual({ date: '2025-03-01', recent: true, fromCaseList: true });
    expect(status.get('L1')!.latest).toBeUndefined();
    expect(status.get('L2')!.lastAudited).toEqual({ date: '2023-01-10', recent: false, fromCaseList: true });
    expect(status.get('L3')!.lastAudited).toBeUndefined();
    // The later of the two wins: here the audit this workspace holds.
    expect(status.get('L4')!.lastAudited).toEqual({ date: '2025-05-01', recent: true, fromCaseList: false });
  });

  it('is read exactly as the round sampler reads it', () => {
    const held = new Map([['L4', '2025-05-01']]);
    for (const c of list) expect(status.get(c.caseReference)!.lastAudited?.date).toBe(lastAuditedOn(c, held));
    const { cases } = drawSample({
      caseList: list,
      rule: {
        seed: 1,
        size: { kind: 'count', value: 10 },
        caseTypes: [],
        excludeAuditedWithinMonths: 12,
        stratifyBy: [],
      },
      auditors: [],
      today: '2025-06-01',
      auditedOn: held,
    });
    // Audited in the last 12 months for the sampler means a last-audited date within 12 months here.
    const inTwelveMonths = (ref: string) => (status.get(ref)!.lastAudited?.date ?? '') >= '2024-06-01';
    expect(cases.map((c) => c.caseReference).sort()).toEqual(
      list.map((c) => c.caseReference).filter((r) => !inTwelveMonths(r)),
    );
  });
});
