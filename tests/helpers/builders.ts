/*
 * Small builders for workspace records: sensible synthetic defaults, overridden per test.
 * Ids are counters so failures are readable; no real children's or staff data ever.
 */
import type {
  AssessmentCycle,
  CriterionAssessment,
  EvidenceItem,
  ImprovementAction,
  JudgementAssessment,
  Narrative,
  Recommendation,
} from '../../src/domain/workspace/records';
import type { CaseAudit } from '../../src/domain/case-audit/records';
import type { Comment } from '../../src/domain/comments/records';
import type { NotificationItem, Rehearsal } from '../../src/domain/rehearsal/records';

let counter = 0;
export function nextId(prefix = 'id'): string {
  counter += 1;
  return `${prefix}-${counter}`;
}

export const AUTHOR = { by: 'Test User', now: '2025-06-01T09:00:00.000Z' };

function meta(prefix: string) {
  return { id: nextId(prefix), createdAt: AUTHOR.now, updatedAt: AUTHOR.now, updatedBy: AUTHOR.by };
}

export function makeCycle(overrides: Partial<AssessmentCycle> = {}): AssessmentCycle {
  return {
    ...meta('cycle'),
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    startYear: 2025,
    status: 'draft',
    archive: [],
    ...overrides,
  };
}

export function makeCriterionAssessment(overrides: Partial<CriterionAssessment> = {}): CriterionAssessment {
  return {
    ...meta('ca'),
    cycleId: 'cycle-test',
    criterionId: 'hp-front-door',
    grade: 'not-yet-graded',
    strengths: '',
    areasForDevelopment: '',
    status: 'to-do',
    assignee: '',
    evidenceIds: [],
    toReEvaluate: false,
    history: [],
    ...overrides,
  };
}

export function makeJudgementAssessment(overrides: Partial<JudgementAssessment> = {}): JudgementAssessment {
  return {
    ...meta('ja'),
    cycleId: 'cycle-test',
    judgementId: 'help-and-protection',
    rationale: '',
    toReEvaluate: false,
    history: [],
    ...overrides,
  };
}

export function makeNarrative(overrides: Partial<Narrative> = {}): Narrative {
  return {
    ...meta('narrative'),
    cycleId: 'cycle-test',
    judgementId: 'help-and-protection',
    answers: {},
    toReEvaluate: false,
    ...overrides,
  };
}

export function makeEvidence(overrides: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    ...meta('evidence'),
    title: 'Quarterly audit summary (synthetic)',
    type: 'audit-findings',
    date: '2025-05-01',
    owner: 'Quality assurance team',
    location: 'Shared drive › QA › Audits',
    notes: '',
    ...overrides,
  };
}

export function makeAction(overrides: Partial<ImprovementAction> = {}): ImprovementAction {
  return {
    ...meta('action'),
    title: 'Strengthen management oversight',
    description: '',
    owner: 'Head of service',
    dueDate: '2025-09-30',
    status: 'in-progress',
    rag: 'amber',
    progressNotes: [],
    criterionIds: [],
    judgementIds: [],
    recommendationIds: [],
    auditIds: [],
    ...overrides,
  };
}

export function makeRecommendation(overrides: Partial<Recommendation> = {}): Recommendation {
  return {
    ...meta('rec'),
    source: 'inspection',
    date: '2024-03-15',
    reference: 'R1',
    text: 'The quality and timeliness of assessments for children in need.',
    priorityAction: false,
    judgementIds: [],
    progressSummary: '',
    closed: false,
    ...overrides,
  };
}

export function makeCaseAudit(overrides: Partial<CaseAudit> = {}): CaseAudit {
  return {
    ...meta('audit'),
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    toolId: 'cin-cp-audit',
    toolVersion: 1,
    caseReference: 'CASE-0001',
    caseType: 'child-in-need-child-protection',
    team: 'North',
    worker: 'Worker A',
    auditor: 'Auditor B',
    auditDate: '2025-05-10',
    answers: {},
    domainGrades: {},
    strengths: '',
    worries: '',
    voiceOfChildAndFamily: '',
    practitionerActions: '',
    managerActions: '',
    practitionerResponse: '',
    themes: [],
    contributions: [],
    status: 'complete',
    criterionIds: [],
    ...overrides,
  };
}

export function makeRehearsal(overrides: Partial<Rehearsal> = {}): Rehearsal {
  return {
    ...meta('rehearsal'),
    title: 'Care leavers: lines of enquiry',
    date: '2025-06-01',
    participants: ['Director of children’s services', 'Head of service'],
    cycleId: 'cycle-1',
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    judgementId: 'care-leavers',
    questions: [
      {
        id: 'loe:cl-pathway-plans:0',
        judgementId: 'care-leavers',
        criterionId: 'cl-pathway-plans',
        source: 'line-of-enquiry',
        question: 'How do pathway plans reflect what young people want?',
        why: 'A line of enquiry for CL2 Pathway plans.',
      },
    ],
    answers: [
      {
        questionId: 'loe:cl-pathway-plans:0',
        notes: 'Young people co-write their plans.',
        confidence: 'partly-confident',
        evidenceIds: [],
        seconds: 120,
      },
    ],
    readiness: { 'care-leavers': 'nearly-ready' },
    findings: 'Evidence of impact on pathway plans is thin.',
    status: 'in-progress',
    ...overrides,
  };
}

export function makeNotificationItem(overrides: Partial<NotificationItem> = {}): NotificationItem {
  return {
    ...meta('notification'),
    id: 'ilacs-2023/annex-a-1',
    frameworkId: 'ilacs-2023',
    itemId: 'annex-a-1',
    owner: 'Performance team',
    status: 'in-progress',
    dueDay: 0,
    note: 'Report saved in the inspection folder.',
    ...overrides,
  };
}

export function makeComment(overrides: Partial<Comment> = {}): Comment {
  return {
    ...meta('comment'),
    target: { kind: 'criterion', id: 'ca-1', cycleId: 'cycle-1' },
    body: 'Can @Sam Sample add the audit figures?',
    by: 'Ann Example',
    at: '2026-04-02T09:00:00.000Z',
    mentions: ['Sam Sample'],
    ...overrides,
  };
}
