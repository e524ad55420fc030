import { describe, expect, it } from 'vitest';
import { allocationOf } from '../../src/team/allocations';
import type { SyncedRecord } from '../../src/storage/repositories/team-repository';

const roundId = '11111111-1111-4111-8111-111111111111';
const auditId = '22222222-2222-4222-8222-222222222222';
const moderationId = '33333333-3333-4333-8333-333333333333';
const record = (fields: Record<string, unknown>) =>
  ({ createdAt: '', updatedAt: '', updatedBy: '', ...fields }) as SyncedRecord;

describe('who a round, audit or moderation is allocated to, as the team server is told', () => {
  it('gives a round everyone auditing in it: its auditors and whoever a sampled case is allocated to', () => {
    const round = record({
      id: roundId,
      auditors: ['Amara Osei', ' Ben Hughes ', '', 'Amara Osei'],
      sample: { cases: [{ auditor: 'Mei Chen' }, { auditor: '' }, { auditor: 'Ben Hughes' }] },
    });
    expect(allocationOf('auditRounds', round)).toEqual({
      unit: `round:${roundId}`,
      patch: { auditors: ['Amara Osei', 'Ben Hughes', 'Mei Chen'] },
    });
  });

  it('gives an audit its round and auditor, and a moderation its audit, moderator and blindness', () => {
    expect(allocationOf('caseAudits', record({ id: auditId, roundId, auditor: 'Amara Osei' }))).toEqual({
      unit: `audit:${auditId}`,
      patch: { round: `round:${roundId}`, auditor: 'Amara Osei' },
    });
    expect(allocationOf('caseAudits', record({ id: auditId, auditor: '  ' }))).toEqual({
      unit: `audit:${auditId}`,
      patch: { round: null, auditor: null },
    });
    expect(
      allocationOf('moderations', record({ id: moderationId, auditId, moderator: 'Mei Chen', blind: true })),
    ).toEqual({
      unit: `moderation:${moderationId}`,
      patch: { audit: `audit:${auditId}`, moderator: 'Mei Chen', blind: true },
    });
  });

  it('says nothing of other records, or of an id the server would refuse', () => {
    expect(allocationOf('evidence', record({ id: auditId }))).toBeUndefined();
    expect(allocationOf('caseAudits', record({ id: 'not-a-uuid' }))).toBeUndefined();
  });
});
