/*
 * Report inputs for looking at and testing whole documents: the example council's current and final
 * cycles (whichever ILACS version each uses), and a synthetic single inspection framework cycle with
 * its LSCB review, assignees, confidence, audits, a moderation and an escalation.
 */
import type { ReportInput } from '../../../src/domain/report/build-report';
import { makeCaseAudit, makeCycle } from '../../helpers/builders';
import { completeRecords } from '../../helpers/complete-cycle';
import {
  exampleBundle,
  exampleFramework,
  exampleRecords,
  EXAMPLE_TODAY,
} from '../../helpers/example-workspace';
import { moderationOf } from '../../helpers/audit-workspaces';
import { shippedFramework } from '../../helpers/frameworks';

function settingsOf(r: ReturnType<typeof exampleRecords>): ReportInput['settings'] {
  return {
    ...(r.settings.find((s) => s.key === 'workspace')!.value as ReportInput['settings']),
    userName: 'Principal Social Worker',
  };
}

/** The example council's newest cycle (`current`) or its final one. */
export function exampleCycleInput(which: 'current' | 'final'): ReportInput {
  const r = exampleRecords();
  const cycles = [...r.cycles].sort((a, b) => b.startYear - a.startYear);
  const cycle = which === 'current' ? cycles[0]! : cycles.find((c) => c.status === 'final')!;
  const workspace = { ...r };
  const previous = cycles.find((c) => c.id === cycle.previousCycleId);
  return {
    settings: settingsOf(r),
    framework: exampleFramework(cycle),
    bundle: exampleBundle(workspace, cycle.id),
    ...(previous
      ? { previous: { bundle: exampleBundle(workspace, previous.id), framework: exampleFramework(previous) } }
      : {}),
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    audits: r.caseAudits,
    moderations: r.moderations,
    rounds: r.auditRounds,
    indicators: r.indicators,
    today: EXAMPLE_TODAY,
  };
}

export const SIF_ASSIGNEE = 'Olúwadámilọ́lá Hart-Nakamura';

/** A complete SIF cycle of the example council, graded Good, with SIF audits. */
export function sifCycleInput(): ReportInput {
  const r = exampleRecords();
  const framework = shippedFramework('sif-2013');
  const cycle = makeCycle({
    id: 'sif-cycle',
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    startYear: 2016,
  });
  const records = completeRecords(framework, cycle.id);
  records.criterionAssessments.forEach((a, i) => {
    a.assignee = i % 2 ? SIF_ASSIGNEE : 'Head of Service';
    a.confidence = (['low', 'medium', 'high'] as const)[i % 3]!;
    a.status = i % 4 ? 'agreed' : 'in-progress';
    a.strengths = '- Timely visits\n- Children seen alone\nManagers check plans monthly.';
  });
  const tool = framework.auditTools[0]!;
  const audits = Array.from({ length: 12 }, (_, i) =>
    makeCaseAudit({
      id: `sif-audit-${i}`,
      caseReference: `SIF-${String(i + 1).padStart(4, '0')}`,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      toolId: tool.id,
      auditDate: `2016-${String(5 + (i % 6)).padStart(2, '0')}-10`,
      team: i % 2 ? 'North assessment team' : 'South safeguarding team',
      overallGrade: (['good', 'requires-improvement', 'inadequate', 'outstanding'] as const)[i % 4],
      criterionIds: framework.criteria
        .filter((c) => c.judgementId === 'help-and-protection')
        .map((c) => c.id)
        .slice(0, 3),
      themes: i % 3 ? ['Drift in plans'] : ['Voice of the child'],
      ...(i === 2
        ? {
            escalation: {
              raisedAt: '2016-07-10T10:00:00Z',
              raisedBy: 'Auditor A',
              concern: 'Child not seen for 12 weeks.',
              log: [
                {
                  at: '2016-07-11T09:00:00Z',
                  by: 'Team manager',
                  toldWho: 'Head of Service',
                  action: 'Visit arranged the same day.',
                },
              ],
            },
          }
        : {}),
    }),
  );
  return {
    settings: settingsOf(r),
    framework,
    bundle: { cycle, ...records },
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    audits,
    moderations: [
      moderationOf('sif-audit-1', {
        overallGrade: 'good',
        moderatedOverallGrade: 'good',
        reason: 'Plan was clearer than the auditor judged.',
      }),
    ],
    rounds: [],
    today: EXAMPLE_TODAY,
  };
}

const AGENCIES = ['Police', 'Integrated care board', 'Children’s social care', 'Probation', 'Youth justice'];

/**
 * A safeguarding partnership's own self-assessment: its five areas graded on the four-point scale, its
 * agencies' section 11 standards met, partly met or not met, agency returns with a challenge panel,
 * and multi-agency case audits.
 */
export function partnershipCycleInput(): ReportInput {
  const r = exampleRecords();
  const framework = shippedFramework('safeguarding-partnership-2023');
  const cycle = makeCycle({
    id: 'partnership-cycle',
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    startYear: 2025,
  });
  const records = completeRecords(framework, cycle.id);
  const standards = ['met', 'partly-met', 'not-met'] as const;
  records.criterionAssessments.forEach((a, i) => {
    const standard = framework.criteria.find((c) => c.id === a.criterionId)!.judgementId;
    if (standard === 'agency-safeguarding-standards') a.grade = standards[i % 3]!;
    else if (i % 3 === 0) a.grade = 'requires-improvement';
    a.assignee = i % 2 ? 'Partnership business manager' : 'Independent scrutineer';
    a.confidence = (['low', 'medium', 'high'] as const)[i % 3]!;
  });
  const area6 = records.judgementAssessments.find((j) => j.judgementId === 'agency-safeguarding-standards')!;
  area6.agreedGrade = 'partly-met';
  const section11 = framework.auditTools.find((t) => t.id === 'section-11-audit')!;
  const multiAgency = framework.auditTools.find((t) => t.id === 'partnership-multi-agency-audit')!;
  const returns = AGENCIES.map((agency, i) =>
    makeCaseAudit({
      id: `s11-${i}`,
      caseReference: `S11-2025-${agency
        .split(' ')[0]!
        .toUpperCase()
        .replace(/[^A-Z]/g, '')}`,
      caseType: 'multi-agency',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      toolId: section11.id,
      auditDate: `2025-${String(6 + i).padStart(2, '0')}-15`,
      team: agency,
      worker: 'Lead officer',
      overallGrade: standards[i % 3],
      domainGrades: Object.fromEntries(
        section11.domains
          .filter((d) => d.id.startsWith('standard-'))
          .map((d, k) => [d.id, standards[(i + k) % 3]!]),
      ),
      criterionIds: framework.criteria
        .filter((c) => c.judgementId === 'agency-safeguarding-standards')
        .map((c) => c.id),
    }),
  );
  const caseAudits = Array.from({ length: 6 }, (_, i) =>
    makeCaseAudit({
      id: `maca-${i}`,
      caseReference: `MACA-${String(i + 1).padStart(3, '0')}`,
      caseType: 'multi-agency',
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      toolId: multiAgency.id,
      auditDate: `2025-${String(5 + i).padStart(2, '0')}-20`,
      team: 'Multi-agency audit subgroup',
      overallGrade: (['good', 'requires-improvement', 'inadequate'] as const)[i % 3],
      criterionIds: framework.criteria
        .filter((c) => c.judgementId === 'multi-agency-practice')
        .map((c) => c.id)
        .slice(0, 2),
      themes: i % 2 ? ['Information sharing at the front door'] : ['Voice of the child'],
    }),
  );
  return {
    settings: { ...settingsOf(r), councilName: 'Exampleshire Safeguarding Children Partnership' },
    framework,
    bundle: { cycle, ...records },
    evidence: r.evidence,
    actions: r.actions,
    recommendations: r.recommendations,
    audits: [...returns, ...caseAudits],
    moderations: [
      moderationOf('s11-1', {
        moderator: 'Challenge panel chair',
        overallGrade: 'partly-met',
        moderatedOverallGrade: 'not-met',
        reason: 'The return gave no evidence that staff were trained.',
      }),
    ],
    rounds: [],
    today: EXAMPLE_TODAY,
  };
}
