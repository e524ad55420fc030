import { describe, expect, it } from 'vitest';
import {
  auditGradeForCriterion,
  computeAuditConsistencyChecks,
  computeCriterionAuditFindings,
} from '../../../src/domain/case-audit/criterion-evidence';
import {
  computeDistributions,
  computeDomainDistributions,
  countThemes,
  quarterOf,
} from '../../../src/domain/case-audit/findings';
import { criterionIdsOfTool } from '../../../src/domain/case-audit/audit-record';
import type { Moderation } from '../../../src/domain/case-audit/records';
import { makeCaseAudit, makeCriterionAssessment } from '../../helpers/builders';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const scale = ilacs.scales[0]!;
const tool = ilacs.auditTools.find((t) => t.id === 'cin-cp-audit')!;
const criteria = criterionIdsOfTool(tool);

describe('quarterOf', () => {
  it.each([
    ['2025-04-01', '2025–26 Q1'],
    ['2025-06-30', '2025–26 Q1'],
    ['2025-07-01', '2025–26 Q2'],
    ['2025-12-31', '2025–26 Q3'],
    ['2026-01-01', '2025–26 Q4'],
    ['2026-03-31', '2025–26 Q4'],
  ])('%s is in %s', (date, quarter) => expect(quarterOf(date)).toBe(quarter));
});

describe('computeDistributions', () => {
  const audits = [
    makeCaseAudit({ team: 'North', overallGrade: 'good' }),
    makeCaseAudit({ team: 'North', overallGrade: 'requires-improvement' }),
    makeCaseAudit({ team: 'North', overallGrade: 'outstanding' }),
    makeCaseAudit({ team: 'South', overallGrade: 'inadequate' }),
    makeCaseAudit({ team: 'South', overallGrade: 'not-applicable' }),
    makeCaseAudit({ team: 'South', overallGrade: 'good', status: 'draft' }),
    makeCaseAudit({ team: 'South', overallGrade: 'good', deletedAt: '2025-01-01T00:00:00Z' }),
  ];

  it('gives the share good or better by team, leaving out not applicable, drafts and deleted audits', () => {
    const byTeam = computeDistributions({ audits, scale, dimension: 'team' });
    expect(byTeam.map((d) => [d.key, d.n, d.goodOrBetter, d.notCounted])).toEqual([
      ['North', 3, 2, 0],
      ['South', 1, 0, 1],
    ]);
    expect(byTeam[0]!.share).toBeCloseTo(2 / 3, 10);
    expect(byTeam[1]!.counts).toEqual({ outstanding: 0, good: 0, 'requires-improvement': 0, inadequate: 1 });
  });

  it('uses the moderated grade where moderation changed it', () => {
    const audit = makeCaseAudit({ overallGrade: 'good', status: 'moderated' });
    const moderation = {
      id: 'm',
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
      auditId: audit.id,
      moderator: 'M',
      blind: true,
      domainGrades: {},
      overallGrade: 'requires-improvement',
      moderatedOverallGrade: 'requires-improvement',
      reason: 'Drift not picked up.',
      submittedAt: '2025-05-20T10:00:00Z',
    };
    const [d] = computeDistributions({
      audits: [audit],
      moderations: [moderation],
      scale,
      dimension: 'caseType',
    });
    expect(d!.goodOrBetter).toBe(0);
  });

  it('grades domains across audits of one tool', () => {
    const rows = computeDomainDistributions(
      [
        makeCaseAudit({ domainGrades: { assessment: 'good', planning: 'not-applicable' } }),
        makeCaseAudit({ domainGrades: { assessment: 'inadequate' } }),
      ],
      tool,
      scale,
    );
    const assessment = rows.find((r) => r.key === 'assessment')!;
    expect([assessment.n, assessment.goodOrBetter]).toEqual([2, 1]);
    const planning = rows.find((r) => r.key === 'planning')!;
    expect([planning.n, planning.notCounted]).toEqual([0, 2]);
    expect(rows.some((r) => r.key === 'feedback')).toBe(false);
  });

  it('counts recurring themes once per audit, most frequent first', () => {
    const themes = countThemes([
      makeCaseAudit({ themes: ['Drift', 'voice of the child', 'drift'] }),
      makeCaseAudit({ themes: ['drift'] }),
      makeCaseAudit({ themes: ['Voice of the child'], status: 'draft' }),
    ]);
    expect(themes).toEqual([
      { theme: 'drift', count: 2 },
      { theme: 'voice of the child', count: 1 },
    ]);
  });
});

describe('audits as evidence for criteria', () => {
  const gradedAudit = (assessment: string, planning = 'good') =>
    makeCaseAudit({ criterionIds: criteria, domainGrades: { assessment, planning }, overallGrade: 'good' });

  it('takes the weakest mapped domain as the audit’s grade for a criterion', () => {
    // HP4 (assessment) is asked about in several domains; the assessment domain is the weakest here.
    expect(auditGradeForCriterion(ilacs, gradedAudit('requires-improvement'), 'hp-assessment')).toBe(
      'requires-improvement',
    );
    expect(auditGradeForCriterion(ilacs, gradedAudit('good', 'inadequate'), 'hp-pre-proceedings')).toBe(
      'inadequate',
    );
    expect(auditGradeForCriterion(ilacs, gradedAudit('good'), 'cl-pathway-plans')).toBeUndefined();
  });

  it('takes a submitted moderation’s domain grade where it gave one: the moderated grade stands', () => {
    const audit = gradedAudit('requires-improvement');
    const moderation = (submittedAt: string | undefined): Moderation => ({
      id: `m-${audit.id}`,
      createdAt: '',
      updatedAt: '',
      updatedBy: '',
      auditId: audit.id,
      moderator: 'Challenge panel',
      blind: true,
      domainGrades: { assessment: 'good' },
      overallGrade: 'good',
      moderatedOverallGrade: 'good',
      reason: 'The file showed more than the auditor saw.',
      ...(submittedAt ? { submittedAt } : {}),
    });
    expect(auditGradeForCriterion(ilacs, audit, 'hp-assessment', moderation('2026-06-01T10:00:00Z'))).toBe(
      'good',
    );
    // Not yet submitted: the auditor's grade stands.
    expect(auditGradeForCriterion(ilacs, audit, 'hp-assessment', moderation(undefined))).toBe(
      'requires-improvement',
    );
    const findings = computeCriterionAuditFindings(ilacs, [audit], [moderation('2026-06-01T10:00:00Z')]);
    expect(findings.get('hp-assessment')).toMatchObject({ n: 1, goodOrBetter: 1 });
    // A domain the moderator left ungraded keeps the auditor's grade.
    const planningWeak = { ...gradedAudit('requires-improvement', 'inadequate'), id: audit.id };
    expect(
      auditGradeForCriterion(ilacs, planningWeak, 'hp-pre-proceedings', moderation('2026-06-01T10:00:00Z')),
    ).toBe('inadequate');
  });

  it('flags a criterion graded Good when most of at least three mapped audits found less than good', () => {
    const audits = [gradedAudit('requires-improvement'), gradedAudit('inadequate'), gradedAudit('good')];
    const findings = computeCriterionAuditFindings(ilacs, audits);
    expect(findings.get('hp-assessment')).toMatchObject({ n: 3, goodOrBetter: 1 });
    const checks = computeAuditConsistencyChecks(
      ilacs,
      [makeCriterionAssessment({ criterionId: 'hp-assessment', grade: 'good' })],
      findings,
    );
    expect(checks).toHaveLength(1);
    expect(checks[0]).toMatchObject({ code: 'graded-better-than-audits', criterionId: 'hp-assessment' });
    expect(checks[0]!.message).toContain('2 of 3 audits mapped to it found practice less than good');
  });

  it('does not flag an honest grade, a half-and-half split or too few audits', () => {
    const ri = [makeCriterionAssessment({ criterionId: 'hp-assessment', grade: 'requires-improvement' })];
    const good = [makeCriterionAssessment({ criterionId: 'hp-assessment', grade: 'good' })];
    const three = computeCriterionAuditFindings(ilacs, [
      gradedAudit('inadequate'),
      gradedAudit('inadequate'),
      gradedAudit('good'),
    ]);
    expect(computeAuditConsistencyChecks(ilacs, ri, three)).toEqual([]);
    const even = computeCriterionAuditFindings(ilacs, [
      gradedAudit('inadequate'),
      gradedAudit('inadequate'),
      gradedAudit('good'),
      gradedAudit('good'),
    ]);
    expect(computeAuditConsistencyChecks(ilacs, good, even)).toEqual([]);
    const two = computeCriterionAuditFindings(ilacs, [gradedAudit('inadequate'), gradedAudit('inadequate')]);
    expect(computeAuditConsistencyChecks(ilacs, good, two)).toEqual([]);
  });
});
