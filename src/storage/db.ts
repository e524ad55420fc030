/*
 * The one Dexie database of the workspace. Every table and index is declared here, version by
 * version, append-only; repositories in ./repositories are the only code that reads or writes it.
 * A version that transforms existing data names its upgrade from ./upgrades and is tested on a
 * frozen database of the version before (tests/storage/upgrades.test.ts fails otherwise).
 */
import { Dexie, type EntityTable, type Table } from 'dexie';
import type { Framework } from '../domain/framework/types';
import type {
  AssessmentCycle,
  CriterionAssessment,
  EvidenceItem,
  ImprovementAction,
  JudgementAssessment,
  Narrative,
  Recommendation,
} from '../domain/workspace/records';
import type { Transaction } from 'dexie';
import type { AuditRound, CaseAudit, Moderation } from '../domain/case-audit/records';
import type { Indicator } from '../domain/scorecard/records';
import type { NotificationItem, Rehearsal } from '../domain/rehearsal/records';
import type { Comment } from '../domain/comments/records';

export const DATABASE_NAME = 'readiness-workbook';

/** A framework a council imported (shipped frameworks are read from the app's own files, not stored). */
export interface StoredFramework {
  /** `${id}@${version}` */
  key: string;
  frameworkId: string;
  version: number;
  importedAt: string;
  importedBy: string;
  fileName: string;
  framework: Framework;
}

export interface StoredSetting {
  key: string;
  value: unknown;
  updatedAt: string;
  updatedBy: string;
}

export type WorkbookDatabase = Dexie & {
  frameworks: EntityTable<StoredFramework, 'key'>;
  settings: EntityTable<StoredSetting, 'key'>;
  cycles: Table<AssessmentCycle, string>;
  criterionAssessments: Table<CriterionAssessment, string>;
  judgementAssessments: Table<JudgementAssessment, string>;
  narratives: Table<Narrative, string>;
  evidence: Table<EvidenceItem, string>;
  actions: Table<ImprovementAction, string>;
  recommendations: Table<Recommendation, string>;
  auditRounds: Table<AuditRound, string>;
  caseAudits: Table<CaseAudit, string>;
  moderations: Table<Moderation, string>;
  indicators: Table<Indicator, string>;
  rehearsals: Table<Rehearsal, string>;
  notificationItems: Table<NotificationItem, string>;
  comments: Table<Comment, string>;
};

export interface SchemaVersion {
  version: number;
  stores: Record<string, string>;
  /** Only for versions that change existing records; lives in ./upgrades/v<version>-*.ts. */
  upgrade?: (tx: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  { version: 1, stores: { frameworks: 'key, frameworkId', settings: 'key' } },
  {
    version: 2,
    stores: {
      cycles: 'id, frameworkId, startYear',
      criterionAssessments: 'id, cycleId, [cycleId+criterionId], *evidenceIds',
      judgementAssessments: 'id, cycleId, [cycleId+judgementId]',
      narratives: 'id, cycleId, [cycleId+judgementId]',
      evidence: 'id, date, type',
      actions: 'id, dueDate, status, *criterionIds, *recommendationIds',
      recommendations: 'id, date, source',
    },
  },
  {
    version: 3,
    stores: {
      auditRounds: 'id, periodFrom',
      caseAudits: 'id, roundId, caseReference, auditDate, status, toolId, *criterionIds',
      moderations: 'id, auditId',
    },
  },
  { version: 4, stores: { indicators: 'id, name, *criterionIds' } },
  { version: 5, stores: { rehearsals: 'id, date', notificationItems: 'id, frameworkId' } },
  // Only the indexes a query in ./repositories uses: every other one slowed each write (a restore of
  // 10,000 audits most of all). Indexes only, no record changes, so no upgrade.
  {
    version: 6,
    stores: {
      frameworks: 'key',
      cycles: 'id, startYear',
      criterionAssessments: 'id, cycleId',
      judgementAssessments: 'id, cycleId',
      narratives: 'id, cycleId',
      evidence: 'id',
      actions: 'id',
      recommendations: 'id',
      caseAudits: 'id, auditDate',
      moderations: 'id',
      indicators: 'id, name',
      notificationItems: 'id',
    },
  },
  // Comments are read all at once and grouped in memory (a workspace holds hundreds, not thousands).
  { version: 7, stores: { comments: 'id' } },
];

/** `options` lets tests and the storage check pass their own IndexedDB implementation. */
export function openWorkbookDatabase(
  name = DATABASE_NAME,
  options?: { indexedDB?: IDBFactory; IDBKeyRange?: typeof IDBKeyRange },
): WorkbookDatabase {
  const db = new Dexie(name, options) as WorkbookDatabase;
  for (const { version, stores, upgrade } of SCHEMA_VERSIONS) {
    const declared = db.version(version).stores(stores);
    if (upgrade) declared.upgrade(upgrade);
  }
  return db;
}

let shared: WorkbookDatabase | undefined;

export function workbookDatabase(): WorkbookDatabase {
  shared ??= openWorkbookDatabase();
  return shared;
}
