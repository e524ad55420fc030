/*
 * A ReportModel built from the example council's current cycle, with a few awkward strings added:
 * typographic characters, accented names and formula-like text, as councils' real text contains. Its
 * audits, and any a test adds, are this year's: they use this year's framework, as the report requires.
 */
import { buildReport, type ReportInput } from '../../src/domain/report/build-report';
import type { CaseAudit } from '../../src/domain/case-audit/records';
import { makeCaseAudit } from './builders';
import { exampleBundle, exampleFramework, exampleWorkspace } from './example-workspace';

export const AWKWARD = {
  strengths: 'Costs fell by £12,000 – the panel’s view… “good” overall; Zoë Brontë-Łukasiewicz led it.',
  formula: '=HYPERLINK("http://evil.invalid","click me")',
};

export function demoReportInput(extraAudits: CaseAudit[] = []): ReportInput {
  const demo = exampleWorkspace('2026-11-24');
  const [lastYear, current] = demo.cycles;
  const framework = exampleFramework(current!);
  const bundle = exampleBundle(demo, current!.id);
  const frontDoor = bundle.criterionAssessments.find((a) => a.criterionId === 'hp-front-door')!;
  frontDoor.strengths = AWKWARD.strengths;
  demo.actions[0]!.title = AWKWARD.formula;
  const audits = [
    makeCaseAudit({
      caseReference: 'EX-0101',
      criterionIds: ['hp-assessment'],
      overallGrade: 'good',
      auditDate: '2026-10-01',
      domainGrades: { assessment: 'good' },
    }),
    makeCaseAudit({
      caseReference: 'EX-0102',
      criterionIds: ['hp-assessment'],
      overallGrade: 'requires-improvement',
      auditDate: '2026-07-01',
      domainGrades: { assessment: 'requires-improvement' },
      strengths: '+44 line of enquiry',
    }),
    ...extraAudits,
  ].map((audit) => ({ ...audit, frameworkId: framework.id, frameworkVersion: framework.version }));
  return {
    settings: { ...demo.settings, userName: 'Principal Social Worker' },
    framework,
    bundle,
    previous: { bundle: exampleBundle(demo, lastYear!.id), framework: exampleFramework(lastYear!) },
    evidence: demo.evidence,
    actions: demo.actions,
    recommendations: demo.recommendations,
    audits,
    moderations: [],
    indicators: [
      {
        id: 'ind-1',
        createdAt: '',
        updatedAt: '',
        updatedBy: '',
        name: 'Contacts with a decision within one working day',
        definition: '',
        unit: 'percent',
        polarity: 'higher-is-better',
        frequency: 'month',
        target: 90,
        tolerance: 5,
        source: 'Case system',
        owner: 'Performance team',
        criterionIds: ['hp-front-door'],
        values: [
          { period: '2026-09', value: 86, comparators: { england: 82 } },
          { period: '2026-10', value: 78, comparators: { england: 83 } },
        ],
      },
    ],
    today: '2026-11-24',
  };
}

export function demoReport() {
  return buildReport(demoReportInput());
}
