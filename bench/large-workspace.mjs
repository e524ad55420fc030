// A large synthetic workspace for the benchmarks, as a backup the app can restore: the example council
// (its file read through the backup door and moved to `today`) grown to 2,000 evidence items,
// 500 actions, 10,000 completed case audits and 2,000 moderations (or as many audits as asked, with a
// moderation for every fifth), the audits made with the tools of the current cycle's framework.
// Deterministic; every reference resolves; no real people or children.
import { readFileSync } from 'node:fs';
import { root } from './lib.mjs';

export const SIZES = { evidence: 2_000, actions: 500, audits: 10_000, moderations: 2_000 };
const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'];

/** The workspace with `audits` audits (10,000 unless asked) and a fifth as many moderations. */
export async function buildLargeWorkspace(load, today, audits = SIZES.audits) {
  const sizes = { ...SIZES, audits, moderations: Math.round(audits / 5) };
  const { readFrameworkFile } = await load('/src/import/framework/import-framework.ts');
  const { readBackupFile } = await load('/src/import/backup/read-backup.ts');
  const { shiftWorkspaceDates } = await load('/src/domain/workspace/shift-dates.ts');
  const { buildBackup } = await load('/src/export/backup/backup-format.ts');
  const { criterionIdsOfTool } = await load('/src/domain/case-audit/audit-record.ts');
  const example = await readBackupFile(
    new Uint8Array(readFileSync(`${root}public/examples/example-council.json`)),
  );
  if (!example.ok) throw new Error(`The example council is refused: ${JSON.stringify(example.messages)}`);
  const demo = shiftWorkspaceDates(example.backup.records, {
    from: example.backup.exportedAt.slice(0, 10),
    to: today,
  });
  let n = 0;
  const makeId = () => `bench-${++n}`;
  const stamp = {
    createdAt: `${today}T09:00:00.000Z`,
    updatedAt: `${today}T09:00:00.000Z`,
    updatedBy: 'Benchmark',
  };
  const current = demo.cycles.find((c) => c.status === 'draft') ?? demo.cycles[1];
  const shipped = JSON.parse(readFileSync(`${root}public/frameworks/index.json`, 'utf8')).frameworks;
  const file = shipped.find(
    (f) => f.id === current.frameworkId && f.version === current.frameworkVersion,
  ).file;
  const framework = readFrameworkFile(
    new Uint8Array(readFileSync(`${root}public/frameworks/${file}`)),
  ).framework;
  const assessments = demo.criterionAssessments.filter((a) => a.cycleId === current.id);

  const evidence = [...demo.evidence];
  for (let i = evidence.length; i < sizes.evidence; i += 1) {
    const item = {
      ...evidence[i % demo.evidence.length],
      ...stamp,
      id: makeId(),
      title: `Generated evidence ${i + 1}`,
    };
    evidence.push(item);
    assessments[i % assessments.length].evidenceIds.push(item.id);
  }
  const actions = [...demo.actions];
  for (let i = actions.length; i < sizes.actions; i += 1)
    actions.push({
      ...demo.actions[i % demo.actions.length],
      ...stamp,
      id: makeId(),
      title: `Generated action ${i + 1}`,
    });

  const tools = framework.auditTools.filter((t) => t.caseType !== 'multi-agency');
  const caseAudits = Array.from({ length: sizes.audits }, (_, i) => {
    const tool = tools[i % tools.length];
    const grade = GRADES[(i * 7) % 4];
    return {
      ...stamp,
      id: makeId(),
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      toolId: tool.id,
      toolVersion: tool.version,
      caseReference: `BX-${String(i + 1).padStart(5, '0')}`,
      caseType: tool.caseType,
      team: `Team ${(i % 12) + 1}`,
      worker: `Social worker ${(i % 90) + 1}`,
      auditor: `Auditor ${(i % 25) + 1}`,
      auditDate: `${Number(today.slice(0, 4)) - 1}-${String((i % 12) + 1).padStart(2, '0')}-10`,
      answers: {},
      domainGrades: Object.fromEntries(
        tool.domains.filter((d) => d.graded).map((d, j) => [d.id, GRADES[(i + j) % 4]]),
      ),
      overallGrade: grade,
      strengths: 'Generated strengths text for the benchmark.',
      worries: grade === 'good' || grade === 'outstanding' ? '' : 'Generated worries text.',
      voiceOfChildAndFamily: '',
      practitionerActions: '',
      managerActions: '',
      practitionerResponse: '',
      themes: ['drift', 'voice of the child'].slice(0, (i % 2) + 1),
      contributions: [],
      status: 'complete',
      criterionIds: criterionIdsOfTool(tool),
    };
  });
  const moderations = caseAudits.slice(0, sizes.moderations).map((a, i) => ({
    ...stamp,
    id: makeId(),
    auditId: a.id,
    moderator: `Moderator ${(i % 5) + 1}`,
    blind: true,
    domainGrades: {},
    overallGrade: GRADES[(i + 1) % 4],
    moderatedOverallGrade: GRADES[(i + 1) % 4],
    reason: 'Generated moderation reason.',
    submittedAt: stamp.updatedAt,
  }));
  const backup = buildBackup(
    {
      settings: demo.settings,
      frameworks: [],
      cycles: demo.cycles,
      criterionAssessments: demo.criterionAssessments,
      judgementAssessments: demo.judgementAssessments,
      narratives: demo.narratives,
      evidence,
      actions,
      recommendations: demo.recommendations,
      auditRounds: demo.auditRounds,
      caseAudits: [...demo.caseAudits, ...caseAudits],
      moderations,
      indicators: [],
      rehearsals: [],
      notificationItems: [],
    },
    { appVersion: 'bench', exportedAt: stamp.createdAt },
  );
  // A criterion the audits answer, to grade: its page shows what they found.
  const criterionId = criterionIdsOfTool(tools[0])[0];
  return { backup, framework, cycleId: current.id, criterionId };
}

/**
 * The report input for the cycle `cycleId`, through the headless export's own function. The bench has
 * only the current framework, so the year before is read with it too.
 */
export async function reportInputOf(load, backup, framework, cycleId, today) {
  const { reportInputFromRecords } = await load('/src/export/headless-export.ts');
  const cycle = backup.records.cycles.find((c) => c.id === cycleId);
  return reportInputFromRecords(backup.records, cycle, () => framework, today);
}
