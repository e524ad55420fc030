import { describe, expect, it } from 'vitest';
import {
  completionProblems,
  hasOpenEscalation,
  newCaseAudit,
} from '../../../src/domain/case-audit/audit-record';
import { identifierWarnings } from '../../../src/domain/case-audit/case-reference';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const tool = ilacs.auditTools.find((t) => t.id === 'cl-audit')!;
const meta = { id: 'a1', createdAt: '', updatedAt: '', updatedBy: '' };

function audit() {
  return newCaseAudit({
    framework: ilacs,
    tool,
    meta,
    caseReference: 'CL-0042',
    caseType: 'care-leavers',
    team: 'Leaving care',
    worker: 'PA 3',
    auditor: 'Team manager',
    auditDate: '2025-05-01',
  });
}

function completed() {
  const a = audit();
  for (const domain of tool.domains) if (domain.graded) a.domainGrades[domain.id] = 'good';
  for (const q of tool.domains.flatMap((d) => d.questions)) if (q.required) a.answers[q.id] = 'yes';
  a.overallGrade = 'good';
  return a;
}

describe('newCaseAudit and completionProblems', () => {
  it('starts a draft pinned to the tool and its criteria', () => {
    const a = audit();
    expect(a).toMatchObject({
      status: 'draft',
      toolId: 'cl-audit',
      toolVersion: tool.version,
      frameworkId: 'ilacs-2023',
    });
    expect(a.criterionIds.length).toBeGreaterThan(0);
    expect(a.criterionIds.every((id) => ilacs.criteria.some((c) => c.id === id))).toBe(true);
  });

  it('lists what is missing, and nothing once it is done', () => {
    expect(completionProblems(audit(), tool)).toContain('Give the case an overall grade.');
    expect(completionProblems(completed(), tool)).toEqual([]);
  });

  it('accepts not applicable for a domain, but not for the overall grade', () => {
    const a = completed();
    a.domainGrades[tool.domains.find((d) => d.graded)!.id] = 'not-applicable';
    a.overallGrade = 'not-applicable';
    expect(completionProblems(a, tool)).toEqual(['Give the case an overall grade.']);
  });

  it('cannot be completed while a safeguarding escalation has no response logged', () => {
    const a = completed();
    a.escalation = {
      raisedAt: '2025-05-01T10:00:00Z',
      raisedBy: 'Team manager',
      concern: 'Possible risk at home now.',
      log: [],
    };
    expect(hasOpenEscalation(a)).toBe(true);
    expect(completionProblems(a, tool)[0]).toMatch(/^A safeguarding concern was escalated/);
    a.escalation.log.push({
      at: '2025-05-01T10:30:00Z',
      by: 'Team manager',
      toldWho: 'Duty manager, MASH',
      action: 'Strategy discussion held.',
    });
    expect(completionProblems(a, tool)).toEqual([]);
  });
});

describe('identifierWarnings', () => {
  it.each([
    ['CIN-0042', []],
    ['Jane Smith', ['name']],
    ['943 476 5919', ['nhs-number']],
    ['9434765919', ['nhs-number']],
    ['943 476 5918', []],
    ['LAC 12/03/2015', ['date-of-birth']],
    ['ref-2015-03-12', ['date-of-birth']],
  ])('%s → %j', (reference, expected) => expect(identifierWarnings(reference)).toEqual(expected));
});
