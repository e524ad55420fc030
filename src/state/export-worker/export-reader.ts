/*
 * What an export needs, read from IndexedDB through the app's own repositories (the same lists, in the
 * same order, the managers put in state), in one read transaction so every list is of one moment. The
 * frameworks come from the page: shipped frameworks are files the page has read and checked already.
 */
import type { SubgroupReportInput } from '../../domain/case-audit/subgroup-report';
import type { FindingsScope } from '../../domain/case-audit/subgroup-report';
import type { Framework } from '../../domain/framework/types';
import type { ReportInput } from '../../domain/report/build-report';
import type { AssessmentCycle } from '../../domain/workspace/records';
import type { WorkbookDatabase } from '../../storage/db';
import { auditsRepository } from '../../storage/repositories/audits-repository';
import { cyclesRepository } from '../../storage/repositories/cycles-repository';
import { indicatorsRepository } from '../../storage/repositories/indicators-repository';
import { commentsRepository } from '../../storage/repositories/comments-repository';
import { lastInspectionRepository } from '../../storage/repositories/last-inspection-repository';
import { registerRepository } from '../../storage/repositories/register-repository';
import { settingsRepository } from '../../storage/repositories/settings-repository';

export interface CycleExportRecords {
  cycleId: string;
  /** The cycle's framework and, when the library has them, the previous cycle's and the last inspection's. */
  frameworks: readonly Framework[];
  /** yyyy-mm-dd */
  today: string;
}

export interface SubgroupExportRecords {
  framework: Framework;
  scope: FindingsScope;
  scaleId?: string;
  /** yyyy-mm-dd */
  today: string;
}

const READ_TABLES = [
  'settings',
  'cycles',
  'criterionAssessments',
  'judgementAssessments',
  'narratives',
  'evidence',
  'actions',
  'recommendations',
  'auditRounds',
  'caseAudits',
  'moderations',
  'indicators',
  'comments',
] as const;

function frameworkOf(frameworks: readonly Framework[], cycle: AssessmentCycle): Framework | undefined {
  return frameworks.find((f) => f.id === cycle.frameworkId && f.version === cycle.frameworkVersion);
}

export async function readCycleExport(db: WorkbookDatabase, want: CycleExportRecords): Promise<ReportInput> {
  const [cycles, registers, audits] = [cyclesRepository(db), registerRepository(db), auditsRepository(db)];
  return db.transaction('r', [...READ_TABLES], async () => {
    const bundle = await cycles.loadCycle(want.cycleId);
    if (!bundle) throw new Error('the assessment cycle is no longer in this workspace');
    const framework = frameworkOf(want.frameworks, bundle.cycle);
    if (!framework)
      throw new Error(
        `framework ${bundle.cycle.frameworkId} version ${bundle.cycle.frameworkVersion} is not in the library`,
      );
    const previousId = bundle.cycle.previousCycleId;
    const [previousBundle, settings, evidence, actions, recommendations, list, indicators, last, comments] =
      await Promise.all([
        previousId ? cycles.loadCycle(previousId) : undefined,
        settingsRepository(db).getSettings(),
        registers.listEvidence(),
        registers.listActions(),
        registers.listRecommendations(),
        Promise.all([audits.listAudits(), audits.listModerations(), audits.listRounds()]),
        indicatorsRepository(db).listIndicators(),
        lastInspectionRepository(db).getLastInspection(),
        commentsRepository(db).listComments(),
      ]);
    const previousFramework = previousBundle && frameworkOf(want.frameworks, previousBundle.cycle);
    const [caseAudits, moderations, rounds] = list;
    const inspectionFramework =
      last && want.frameworks.find((f) => f.id === last.frameworkId && f.version === last.frameworkVersion);
    return {
      settings,
      framework,
      bundle,
      ...(previousBundle && previousFramework
        ? { previous: { bundle: previousBundle, framework: previousFramework } }
        : {}),
      evidence,
      actions,
      recommendations,
      audits: caseAudits,
      moderations,
      rounds,
      indicators,
      comments,
      ...(last ? { lastInspection: last } : {}),
      ...(inspectionFramework ? { inspectionFramework } : {}),
      today: want.today,
    };
  });
}

export async function readSubgroupExport(
  db: WorkbookDatabase,
  want: SubgroupExportRecords,
): Promise<SubgroupReportInput> {
  const audits = auditsRepository(db);
  return db.transaction(
    'r',
    ['settings', 'caseAudits', 'moderations', 'auditRounds', 'actions'],
    async () => {
      const [settings, caseAudits, moderations, rounds, actions] = await Promise.all([
        settingsRepository(db).getSettings(),
        audits.listAudits(),
        audits.listModerations(),
        audits.listRounds(),
        registerRepository(db).listActions(),
      ]);
      return {
        framework: want.framework,
        audits: caseAudits,
        moderations,
        rounds,
        actions,
        settings,
        scope: want.scope,
        ...(want.scaleId === undefined ? {} : { scaleId: want.scaleId }),
        today: want.today,
      };
    },
  );
}
