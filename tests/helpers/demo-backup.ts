/*
 * Backup records for tests: the example council's workspace, table by table, with one audit,
 * moderation, rehearsal and notification-week item of the builders' in place of
 * its own audit round and audits.
 */
import type { BackupRecords } from '../../src/export/backup/backup-format';
import { makeCaseAudit, makeNotificationItem, makeRehearsal } from './builders';
import { exampleRecords } from './example-workspace';

export function demoBackupRecords(): BackupRecords {
  const demo = exampleRecords('2026-11-24');
  const audit = makeCaseAudit({ id: 'audit-1', caseReference: 'EX-0001', overallGrade: 'good' });
  return {
    settings: demo.settings,
    frameworks: [],
    cycles: demo.cycles,
    criterionAssessments: demo.criterionAssessments,
    judgementAssessments: demo.judgementAssessments,
    narratives: demo.narratives,
    evidence: demo.evidence,
    actions: demo.actions,
    recommendations: demo.recommendations,
    auditRounds: [],
    caseAudits: [audit],
    indicators: [],
    rehearsals: [
      makeRehearsal({
        id: 'rehearsal-1',
        cycleId: demo.cycles[0]!.id,
        sample: {
          seed: 7,
          perCohort: 1,
          drawnAt: '2026-11-24T09:00:00.000Z',
          cases: [
            {
              caseReference: 'EX-0001',
              cohort: 'help-and-protection',
              caseType: 'child-in-need-child-protection',
              team: 'North',
              worker: 'Worker A',
            },
          ],
        },
      }),
    ],
    notificationItems: [makeNotificationItem()],
    comments: [],
    moderations: [
      {
        id: 'mod-1',
        createdAt: '',
        updatedAt: '',
        updatedBy: '',
        auditId: 'audit-1',
        moderator: 'M',
        blind: true,
        domainGrades: {},
        reason: '',
      },
    ],
  };
}
