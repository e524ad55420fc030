/*
 * The workspace backup format (schemas/workspace-backup.schema.json): every record, table by table,
 * inside an envelope with a format name and version so a newer file is refused, not misread.
 */
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
] as const satisfies readonly (keyof BackupRecords)[];

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
