// Times the case-audit statistics the findings page and the overview compute, over a generated
// workspace of 10,000 audits and 2,000 moderations (synthetic). Prints the median of several runs.
import { withModules } from './lib.mjs';

const RUNS = 7;
const root = new URL('..', import.meta.url).pathname;
await withModules(async (load) => {
  const { readFrameworkFile } = await load('/src/import/framework/import-framework.ts');
  const findings = await load('/src/domain/case-audit/findings.ts');
  const evidence = await load('/src/domain/case-audit/criterion-evidence.ts');
  const agreement = await load('/src/domain/case-audit/moderation-agreement.ts');
  const { readFileSync } = await import('node:fs');
  const ilacs = readFrameworkFile(
    new Uint8Array(readFileSync(`${root}public/frameworks/ilacs-2023.json`)),
  ).framework;
  const tool = ilacs.auditTools.find((t) => t.id === 'cin-cp-audit');
  const scale = ilacs.scales[0];
  const grades = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
  const audits = Array.from({ length: 10_000 }, (_, i) => ({
    id: `a${i}`,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    frameworkId: 'ilacs-2023',
    frameworkVersion: 1,
    toolId: tool.id,
    toolVersion: 1,
    caseReference: `EX-${i}`,
    caseType: 'child-in-need-child-protection',
    team: `Team ${i % 12}`,
    worker: `W${i % 90}`,
    auditor: `A${i % 25}`,
    auditDate: `2025-${String((i % 12) + 1).padStart(2, '0')}-10`,
    answers: {},
    domainGrades: Object.fromEntries(tool.domains.map((d, j) => [d.id, grades[(i + j) % 4]])),
    overallGrade: grades[i % 4],
    strengths: '',
    worries: '',
    voiceOfChildAndFamily: '',
    practitionerActions: '',
    managerActions: '',
    practitionerResponse: '',
    themes: ['drift', 'voice of the child'].slice(0, (i % 2) + 1),
    contributions: [],
    status: 'complete',
    criterionIds: ['hp-assessment', 'hp-front-door', 'hp-plans-and-reviews', 'hp-management-oversight'],
  }));
  const moderations = audits.slice(0, 2000).map((a, i) => ({
    id: `m${i}`,
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    auditId: a.id,
    moderator: 'M',
    blind: true,
    domainGrades: {},
    overallGrade: grades[(i + 1) % 4],
    reason: '',
    submittedAt: 'x',
  }));
  const cases = {
    'distribution by quarter': () =>
      findings.computeDistributions({ audits, moderations, scale, dimension: 'quarter' }),
    'distribution by team': () =>
      findings.computeDistributions({ audits, moderations, scale, dimension: 'team' }),
    'distribution by domain': () => findings.computeDomainDistributions(audits, tool, scale),
    'recurring themes': () => findings.countThemes(audits),
    'audits as evidence for every criterion': () => evidence.computeCriterionAuditFindings(ilacs, audits),
    'agreement by auditor': () => agreement.computeAgreementBy('auditor', audits, moderations, scale),
  };
  console.log(
    `Case-audit statistics over ${audits.length.toLocaleString('en-GB')} audits and ${moderations.length.toLocaleString('en-GB')} moderations (median of ${RUNS} runs)`,
  );
  for (const [name, run] of Object.entries(cases)) {
    const times = [];
    for (let i = 0; i < RUNS; i += 1) {
      const start = performance.now();
      run();
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    console.log(`${name.padEnd(42)} ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(8)} ms`);
  }
});
