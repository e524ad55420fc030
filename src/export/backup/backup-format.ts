/*
 * The workspace backup format (schemas/workspace-backup.schema.json): every record, table by table,
 * inside an envelope with a format name and version so a newer file is refused, not misread.
 */
import type { Comment } from '../../domain/comments/records';
import type { AuditRound, CaseAudit, Moderation } from '../../domain/case-audit/records';
import type { Framework } from '../../domain/framework/types';
import type { NotificationItem, Rehearsal } from '../../domain/rehearsal/records';
import type { Indicator } from '../../domain/scorecard/records';
import type {
  AssessmentCycle,
  CriterionAssessment,
  EvidenceItem,
  ImprovementAction,
  JudgementAssessment,
  Narrative,
  Recommendation,
} from '../../domain/workspace/records';

export const BACKUP_FORMAT_NAME = 'readiness-workspace';
export const BACKUP_FORMAT_VERSION = 1;
export const ENCRYPTED_FORMAT_NAME = 'readiness-workspace-encrypted';

export interface BackupRecords {
  settings: { key: string; value: unknown; updatedAt?: string; updatedBy?: string }[];
  frameworks: {
    key: string;
    frameworkId: string;
    version: number;
    importedAt?: string;
    importedBy?: string;
    fileName?: string;
    framework: Framework;
  }[];
  cycles: AssessmentCycle[];
  criterionAssessments: CriterionAssessment[];
  judgementAssessments: JudgementAssessment[];
  narratives: Narrative[];
  evidence: EvidenceItem[];
  actions: ImprovementAction[];
  recommendations: Recommendation[];
  auditRounds: AuditRound[];
  caseAudits: CaseAudit[];
  moderations: Moderation[];
  indicators: Indicator[];
  rehearsals: Rehearsal[];
  notificationItems: NotificationItem[];
  comments: Comment[];
}

export const BACKUP_TABLES = [
  'settings',
  'frameworks',
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
  'rehearsals',
  'notificationItems',
  'comments',
] as const satisfies readonly (keyof BackupRecords)[];

export type BackupTable = (typeof BACKUP_TABLES)[number];

/** The field each table is keyed by in the database: two records with one key cannot both be stored. */
export function keyFieldOf(table: BackupTable): 'key' | 'id' {
  return table === 'settings' || table === 'frameworks' ? 'key' : 'id';
}

export interface DuplicateKey {
  table: BackupTable;
  key: string;
  /** Positions in the table of the first record with the key and of the one repeating it. */
  first: number;
  repeat: number;
}

/** Every record whose key an earlier record of its table already has. */
export function findDuplicateKeys(records: BackupRecords): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  for (const table of BACKUP_TABLES) {
    const field = keyFieldOf(table);
    const seen = new Map<string, number>();
    (records[table] as readonly Record<string, unknown>[]).forEach((record, index) => {
      const key = String(record[field]);
      const first = seen.get(key);
      if (first === undefined) seen.set(key, index);
      else duplicates.push({ table, key, first, repeat: index });
    });
  }
  return duplicates;
}

export interface WorkspaceBackup {
  formatName: typeof BACKUP_FORMAT_NAME;
  formatVersion: number;
  appVersion: string;
  exportedAt: string;
  sanitised?: boolean;
  records: BackupRecords;
}

export function buildBackup(
  records: BackupRecords,
  details: { appVersion: string; exportedAt: string },
): WorkspaceBackup {
  return { formatName: BACKUP_FORMAT_NAME, formatVersion: BACKUP_FORMAT_VERSION, ...details, records };
}
