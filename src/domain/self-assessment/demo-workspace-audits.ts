/*
 * The example council's case audits: one quarterly audit round with a pseudonymised case list across
 * help and protection, children in care and care leavers, and completed audits of a third of the
 * cases, so the findings, the readiness "what audits found" and the inspectors' sample have something
 * real-looking to show. Deterministic; references are "EX-" numbers and people are roles, never names.
 */
import { criterionIdsOfTool } from '../case-audit/audit-record';
import type { AuditRound, CaseAudit, CaseListEntry } from '../case-audit/records';
import type { AuditTool, Framework } from '../framework/types';

const COHORTS = [
  {
    caseType: 'child-in-need-child-protection',
    count: 36,
    teams: ['Assessment team', 'Child protection team'],
  },
  { caseType: 'early-help', count: 12, teams: ['Early help hub'] },
  { caseType: 'children-in-care', count: 28, teams: ['Children in care team'] },
  { caseType: 'care-leavers', count: 14, teams: ['Leaving care team'] },
] as const;

/** Grades by case type, in turn: care leavers' audits are weaker, as the example's narrative says. */
const GRADE_PATTERNS: Record<string, string[]> = {
  'child-in-need-child-protection': [
    'good',
    'good',
    'requires-improvement',
    'good',
    'outstanding',
    'requires-improvement',
  ],
  'early-help': ['good', 'requires-improvement', 'good'],
  'children-in-care': ['good', 'requires-improvement', 'good', 'good', 'requires-improvement'],
  'care-leavers': ['requires-improvement', 'good', 'inadequate', 'requires-improvement'],
};
const AUDITORS = ['Team manager (audit pool) 1', 'Team manager (audit pool) 2', 'Practice lead'];

export interface DemoAudits {
  auditRounds: AuditRound[];
  caseAudits: CaseAudit[];
}

export function buildDemoAudits(
  framework: Framework,
  demo: { by: string; makeId: () => string; monthsAgo: (months: number) => string },
): DemoAudits {
  const periodFrom = demo.monthsAgo(4);
  const periodTo = demo.monthsAgo(1);
  const createdAt = `${periodFrom}T09:00:00.000Z`;
  const meta = (at: string) => ({ id: demo.makeId(), createdAt: at, updatedAt: at, updatedBy: demo.by });
  let n = 0;
  const caseList: CaseListEntry[] = COHORTS.flatMap((cohort) =>
    Array.from({ length: cohort.count }, (_, k) => ({
      caseReference: `EX-${String(++n).padStart(4, '0')}`,
      caseType: cohort.caseType,
      team: cohort.teams[k % cohort.teams.length]!,
      worker: `Social worker ${(k % 9) + 1}`,
    })),
  );
  const round: AuditRound = {
    ...meta(createdAt),
    title: 'Quarterly practice audit',
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    type: 'routine',
    theme: 'Quality and impact of practice',
    periodFrom,
    periodTo,
    auditors: AUDITORS,
    targetCount: 30,
    toolIds: framework.auditTools.map((t) => t.id),
    caseList: [],
    caseListFileName: 'example-case-list.csv',
  };
  const caseAudits: CaseAudit[] = [];
  caseList.forEach((entry, i) => {
    if (i % 3 !== 0) return;
    const tool = framework.auditTools.find((t) => t.caseType === entry.caseType);
    if (!tool) return;
    const pattern = GRADE_PATTERNS[entry.caseType]!;
    const grade = pattern[caseAudits.length % pattern.length]!;
    // Most audits this quarter; every fourth one older, so some sampled cases are not recent.
    const auditDate = demo.monthsAgo(caseAudits.length % 4 === 3 ? 8 : 1 + (caseAudits.length % 3));
    caseAudits.push(
      audit(framework, tool, entry, grade, auditDate, meta(`${auditDate}T15:00:00.000Z`), round.id),
    );
    entry.lastAuditedDate = auditDate;
  });
  return { auditRounds: [{ ...round, caseList }], caseAudits };
}

function audit(
  framework: Framework,
  tool: AuditTool,
  entry: CaseListEntry,
  grade: string,
  auditDate: string,
  meta: { id: string; createdAt: string; updatedAt: string; updatedBy: string },
  roundId: string,
): CaseAudit {
  const good = grade === 'good' || grade === 'outstanding';
  const answers: Record<string, string> = {};
  const domainGrades: Record<string, string> = {};
  for (const domain of tool.domains) {
    if (domain.graded) domainGrades[domain.id] = grade;
    for (const q of domain.questions) {
      answers[q.id] =
        q.answerType === 'grade'
          ? grade
          : q.answerType === 'yes-no-partly'
            ? good
              ? 'yes'
              : 'partly'
            : q.answerType === 'number'
              ? good
                ? '6'
                : '3'
              : q.answerType === 'date'
                ? auditDate
                : good
                  ? 'Clear, up to date and evaluative.'
                  : 'Present but descriptive; impact for the child is not clear.';
    }
  }
  return {
    ...meta,
    roundId,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    toolId: tool.id,
    toolVersion: tool.version,
    caseReference: entry.caseReference,
    caseType: entry.caseType,
    team: entry.team,
    worker: entry.worker,
    auditor: AUDITORS[Number(entry.caseReference.slice(3)) % AUDITORS.length]!,
    auditDate,
    answers,
    domainGrades,
    overallGrade: grade,
    strengths: good
      ? 'The child’s views are recorded in their own words and shape the plan.'
      : 'The worker knows the young person well and visits regularly.',
    worries: good ? '' : 'Plans are not updated after reviews; actions drift without a date.',
    voiceOfChildAndFamily: 'Seen alone at the last two visits.',
    practitionerActions: good ? '' : 'Update the plan with dated actions after the next review.',
    managerActions: good ? '' : 'Check the plan is updated at supervision.',
    practitionerResponse: '',
    themes: good ? [] : ['drift'],
    contributions: [],
    status: 'complete',
    criterionIds: criterionIdsOfTool(tool),
  };
}
