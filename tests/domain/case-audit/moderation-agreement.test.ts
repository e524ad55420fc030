import { describe, expect, it } from 'vitest';
import {
  computeAgreementBy,
  computeDomainAgreement,
  listDisagreements,
} from '../../../src/domain/case-audit/moderation-agreement';
import type { Moderation } from '../../../src/domain/case-audit/records';
import { makeCaseAudit } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const scale = ilacs.scales[0]!;
const tool = ilacs.auditTools.find((t) => t.id === 'cin-cp-audit')!;

const moderation = (auditId: string, overallGrade: string, extra: Partial<Moderation> = {}): Moderation => ({
  id: `m-${auditId}`,
  createdAt: '',
  updatedAt: '',
  updatedBy: '',
  auditId,
  moderator: 'Moderator',
  blind: true,
  domainGrades: {},
  overallGrade,
  reason: '',
  submittedAt: '2025-06-01T10:00:00Z',
  ...extra,
});

describe('agreement by round, auditor and domain', () => {
  const audits = [
    makeCaseAudit({
      id: 'a1',
      roundId: 'r1',
      auditor: 'Ann',
      overallGrade: 'good',
      domainGrades: { assessment: 'good' },
    }),
    makeCaseAudit({
      id: 'a2',
      roundId: 'r1',
      auditor: 'Ben',
      overallGrade: 'good',
      domainGrades: { assessment: 'good' },
    }),
    makeCaseAudit({
      id: 'a3',
      roundId: 'r2',
      auditor: 'Ann',
      overallGrade: 'inadequate',
      domainGrades: { assessment: 'inadequate' },
    }),
    makeCaseAudit({ id: 'a4', roundId: 'r2', auditor: 'Ben', overallGrade: 'good' }),
  ];
  const moderations = [
    moderation('a1', 'good', { domainGrades: { assessment: 'good' } }),
    moderation('a2', 'requires-improvement', { domainGrades: { assessment: 'requires-improvement' } }),
    moderation('a3', 'inadequate', { domainGrades: { assessment: 'inadequate' } }),
    moderation('a4', 'inadequate', { submittedAt: undefined }),
  ];

  it('groups submitted moderations by round and adds a total', () => {
    const rows = computeAgreementBy('round', audits, moderations, scale);
    expect(rows.map((r) => [r.key, r.agreement.n, r.agreement.exact])).toEqual([
      ['r1', 2, 1],
      ['r2', 1, 1],
      ['All', 3, 2],
    ]);
  });

  it('groups by auditor', () => {
    const rows = computeAgreementBy('auditor', audits, moderations, scale);
    expect(rows.map((r) => [r.key, r.agreement.exact, r.agreement.n])).toEqual([
      ['Ann', 2, 2],
      ['Ben', 0, 1],
      ['All', 2, 3],
    ]);
  });

  it('compares domain grades, and lists the disagreements on the overall grade', () => {
    const assessment = computeDomainAgreement(tool, audits, moderations, scale).find(
      (r) => r.key === 'assessment',
    )!;
    expect([assessment.agreement.n, assessment.agreement.exact, assessment.agreement.withinOne]).toEqual([
      3, 2, 3,
    ]);
    expect(listDisagreements(audits, moderations).map((d) => d.audit.id)).toEqual(['a2']);
  });
});

describe('where auditor and moderator disagreed', () => {
  it('lists a moderation that kept the overall grade but differed on two domains, naming them', () => {
    const audit = makeCaseAudit({
      id: 'd1',
      overallGrade: 'good',
      domainGrades: { assessment: 'good', planning: 'good', 'multi-agency': 'good' },
    });
    const same = moderation('d1', 'good', {
      domainGrades: { assessment: 'requires-improvement', planning: 'good', 'multi-agency': 'inadequate' },
    });
    const [listed, ...rest] = listDisagreements([audit], [same]);
    expect(rest).toEqual([]);
    expect(listed).toMatchObject({ overall: false });
    expect(listed!.domains).toEqual([
      { domainId: 'assessment', auditor: 'good', moderator: 'requires-improvement' },
      { domainId: 'multi-agency', auditor: 'good', moderator: 'inadequate' },
    ]);
  });

  it('leaves out full agreement, and domains only one of them graded', () => {
    const audit = makeCaseAudit({ id: 'd2', overallGrade: 'good', domainGrades: { assessment: 'good' } });
    const agreed = moderation('d2', 'good', { domainGrades: { assessment: 'good', planning: 'inadequate' } });
    expect(listDisagreements([audit], [agreed])).toEqual([]);
  });
});
