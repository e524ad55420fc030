import { describe, expect, it } from 'vitest';
import { buildBackup } from '../../src/export/backup/backup-format';
import { sanitiseBackup } from '../../src/export/backup/sanitise';
import { readBackupValue } from '../../src/import/backup/read-backup';
import { makeCaseAudit } from '../helpers/builders';
import { demoBackupRecords } from '../helpers/demo-backup';
import { shippedFramework } from '../helpers/frameworks';

describe('sanitised copies', () => {
  it('drop case references, names and audit free text, and keep grades and closed answers', () => {
    const records = demoBackupRecords();
    records.moderations = [];
    records.caseAudits = [
      makeCaseAudit({
        id: 'a',
        caseReference: 'CIN-0042',
        worker: 'Worker Name',
        auditor: 'Auditor Name',
        overallGrade: 'requires-improvement',
        domainGrades: { assessment: 'good' },
        answers: { 'assessment-timely': 'partly', 'agency-gaps': 'Health visitor not invited' },
        strengths: 'Lovely relationship with the child',
        worries: 'Drift',
        escalation: {
          raisedAt: '2025-05-10T09:00:00.000Z',
          raisedBy: 'Auditor Name',
          concern: 'Risk',
          log: [],
        },
      }),
      makeCaseAudit({ id: 'b', caseReference: 'CIN-0043' }),
    ];
    const copy = sanitiseBackup(
      buildBackup(records, { appVersion: '0.1.0', exportedAt: '2026-11-24T09:00:00.000Z' }),
      [shippedFramework('ilacs-2023')],
    ).backup;
    const [a, b] = copy.records.caseAudits;
    expect(copy.sanitised).toBe(true);
    expect([a!.caseReference, b!.caseReference]).toEqual(['Case 1', 'Case 2']);
    expect(a).toMatchObject({
      worker: expect.stringMatching(/^Colleague \d+$/),
      auditor: expect.stringMatching(/^Colleague \d+$/),
      strengths: '',
      worries: '',
      overallGrade: 'requires-improvement',
      domainGrades: { assessment: 'good' },
    });
    expect(a!.answers).toEqual({ 'assessment-timely': 'partly' });
    // The auditor who raised the escalation keeps the auditor's label.
    expect(a!.escalation).toMatchObject({ concern: '', raisedBy: a!.auditor });
    const text = JSON.stringify(copy);
    for (const secret of [
      'CIN-0042',
      'Worker Name',
      'Auditor Name',
      'Lovely relationship',
      'Health visitor not invited',
    ]) {
      expect(text).not.toContain(secret);
    }
    expect(readBackupValue(JSON.parse(text)).ok).toBe(true);
  });

  it('replace rehearsers’ and checklist owners’ names, and drop answer notes, findings and the sampled cases', () => {
    const copy = sanitiseBackup(
      buildBackup(demoBackupRecords(), { appVersion: '0.1.0', exportedAt: '2026-11-24T09:00:00.000Z' }),
      [shippedFramework('ilacs-2023')],
    ).backup;
    const [rehearsal] = copy.records.rehearsals;
    expect(rehearsal).toMatchObject({
      participants: [expect.stringMatching(/^Colleague \d+$/), expect.stringMatching(/^Colleague \d+$/)],
      findings: '',
      readiness: { 'care-leavers': 'nearly-ready' },
    });
    expect(rehearsal!.sample).toBeUndefined();
    expect(rehearsal!.answers[0]).toMatchObject({ notes: '', confidence: 'partly-confident', seconds: 120 });
    expect(copy.records.notificationItems[0]).toMatchObject({
      owner: expect.stringMatching(/^Colleague \d+$/),
      note: '',
      status: 'in-progress',
    });
    const text = JSON.stringify(copy);
    for (const secret of ['Head of service', 'co-write', 'EX-0001', 'Performance team', 'inspection folder'])
      expect(text).not.toContain(secret);
    expect(readBackupValue(JSON.parse(text)).ok).toBe(true);
  });

  it('replace the names in a criterion’s review, and keep its dates and the comment with names redacted', () => {
    const records = demoBackupRecords();
    const [first, second] = records.criterionAssessments;
    first!.status = 'agreed';
    first!.review = {
      requestedBy: 'Sam Okafor',
      requestedAt: '2025-05-01T09:00:00.000Z',
      signedOffBy: 'Priya Shah',
      signedOffAt: '2025-05-02T09:00:00.000Z',
    };
    second!.status = 'in-progress';
    second!.review = {
      requestedBy: 'Sam Okafor',
      requestedAt: '2025-05-01T09:00:00.000Z',
      sentBack: {
        by: 'Priya Shah',
        at: '2025-05-02T09:00:00.000Z',
        comment: 'Ask Sam Okafor for the audit.',
      },
    };
    const copy = sanitiseBackup(
      buildBackup(records, { appVersion: '0.1.0', exportedAt: '2026-11-24T09:00:00.000Z' }),
      [shippedFramework('ilacs-2023')],
    ).backup;
    const colleague = expect.stringMatching(/^Colleague \d+$/);
    const [signed, sentBack] = copy.records.criterionAssessments;
    expect(signed!.review).toEqual({
      requestedBy: colleague,
      requestedAt: '2025-05-01T09:00:00.000Z',
      signedOffBy: colleague,
      signedOffAt: '2025-05-02T09:00:00.000Z',
    });
    expect(sentBack!.review!.sentBack).toMatchObject({ by: colleague, at: '2025-05-02T09:00:00.000Z' });
    const text = JSON.stringify(copy);
    for (const secret of ['Sam Okafor', 'Priya Shah']) expect(text).not.toContain(secret);
    expect(readBackupValue(JSON.parse(text)).ok).toBe(true);
  });
});
