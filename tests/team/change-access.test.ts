import { describe, expect, it } from 'vitest';
import {
  CYCLE_REFUSAL,
  NO_ROLE_REFUSAL,
  READER_REFUSAL,
  REVIEW_REFUSAL,
  SET_UP_REFUSAL,
  changeRefusal,
  type TeamPerson,
  type UnitAccess,
} from '../../src/team/change-access';
import type { SyncedRecord } from '../../src/storage/repositories/team-repository';

const cycleId = '11111111-1111-4111-8111-111111111111';
const auditId = '22222222-2222-4222-8222-222222222222';
const person = (roles: string[]): TeamPerson => ({
  id: 'jo',
  name: 'Jo Contributor',
  email: 'jo@example.test',
  roles,
});
const record = (fields: Record<string, unknown>) =>
  ({
    id: '33333333-3333-4333-8333-333333333333',
    createdAt: '',
    updatedAt: '',
    updatedBy: '',
    ...fields,
  }) as SyncedRecord;
const criterion = (assignee: string) => record({ cycleId, criterionId: 'c1', assignee });
const none = () => undefined;
const granted = (access: UnitAccess) => () => access;

describe('what a signed-in person may change in the team workspace', () => {
  it('lets an administrator change anything, the workspace’s set-up included', () => {
    const admin = person(['admin']);
    expect(
      changeRefusal(admin, none, 'criterionAssessments', criterion('Sam'), criterion('Sam')),
    ).toBeUndefined();
    expect(changeRefusal(admin, none, 'settings', undefined, record({ id: 'workspace' }))).toBeUndefined();
    expect(changeRefusal(admin, none, 'cycles', undefined, record({ id: cycleId }))).toBeUndefined();
  });

  it('lets a reader change nothing, and says so whatever the record', () => {
    const reader = person(['reader']);
    for (const [table, r] of [
      ['criterionAssessments', criterion('Jo Contributor')],
      ['evidence', record({ title: 'Audit summary' })],
      ['caseAudits', record({ id: auditId })],
    ] as const) {
      expect(changeRefusal(reader, granted('write'), table, r, r)).toBe(READER_REFUSAL);
    }
  });

  it('refuses a person with no role, and anyone but an administrator the settings and frameworks', () => {
    expect(changeRefusal(person([]), none, 'evidence', undefined, record({}))).toBe(NO_ROLE_REFUSAL);
    const settings = record({ id: 'workspace' });
    expect(changeRefusal(person(['contributor']), none, 'settings', settings, settings)).toBe(SET_UP_REFUSAL);
    const framework = record({ id: 'council-ilacs' });
    expect(changeRefusal(person(['auditor']), none, 'frameworks', undefined, framework)).toBe(SET_UP_REFUSAL);
  });

  it('lets a contributor change the criteria assigned to them, by id, email or name in any case', () => {
    const jo = person(['contributor']);
    for (const assignee of ['jo', 'JO@example.test', ' jo contributor ']) {
      expect(
        changeRefusal(jo, none, 'criterionAssessments', criterion(assignee), criterion(assignee)),
      ).toBeUndefined();
    }
    expect(
      changeRefusal(jo, none, 'evidence', undefined, record({ title: 'A register entry' })),
    ).toBeUndefined();
  });

  it('refuses a contributor what is not assigned to them, naming who it is assigned to', () => {
    const jo = person(['contributor']);
    expect(
      changeRefusal(jo, none, 'criterionAssessments', criterion('Sam Lee'), criterion('Sam Lee')),
    ).toMatch(/^This criterion is assigned to Sam Lee: as a contributor you can change only/);
    // A judgement's agreed grade is not assigned to contributors (its record has no assignee).
    expect(
      changeRefusal(jo, none, 'judgementAssessments', undefined, record({ cycleId, judgementId: 'j' })),
    ).toMatch(/^Only a workspace administrator can change a judgement’s agreed grade/);
    // A self-evaluation is, once an administrator assigns it.
    const narrative = (assignee?: string) =>
      record({ cycleId, judgementId: 'j', answers: {}, ...(assignee !== undefined && { assignee }) });
    expect(changeRefusal(jo, none, 'narratives', narrative(), narrative())).toMatch(
      /^This self-evaluation is not assigned to anyone: as a contributor you can change only the criteria and self-evaluations assigned to you/,
    );
    expect(changeRefusal(jo, none, 'narratives', narrative('Sam Lee'), narrative('Sam Lee'))).toMatch(
      /^This self-evaluation is assigned to Sam Lee/,
    );
    expect(changeRefusal(jo, none, 'narratives', narrative('jo'), narrative('jo'))).toBeUndefined();
    expect(changeRefusal(jo, none, 'narratives', narrative('jo'), narrative('Sam Lee'))).toMatch(
      /change who a self-evaluation is assigned to/,
    );
    expect(changeRefusal(jo, none, 'criterionAssessments', undefined, record({ cycleId }))).toMatch(
      /^This criterion is not assigned to anyone/,
    );
    expect(changeRefusal(jo, none, 'cycles', record({ id: cycleId }), record({ id: cycleId }))).toBe(
      CYCLE_REFUSAL,
    );
    expect(changeRefusal(jo, none, 'criterionAssessments', criterion('jo'), criterion('Sam'))).toMatch(
      /change who a criterion is assigned to/,
    );
    expect(changeRefusal(jo, none, 'criterionAssessments', criterion('jo'), undefined)).toMatch(
      /delete a criterion/,
    );
  });

  it('lets a contributor send her own work for review, and leaves agreeing it or sending it back to an administrator', () => {
    const jo = person(['contributor']);
    const work = (fields: Record<string, unknown>) => ({ ...criterion('jo'), ...fields });
    const requested = { requestedBy: 'Jo Contributor', requestedAt: '2026-12-01T09:00:00.000Z' };
    const inProgress = work({ status: 'in-progress' });
    const sent = work({ status: 'ready-for-review', review: requested });
    const agreed = work({ status: 'agreed', review: { ...requested, signedOffBy: 'Jo Contributor' } });
    const back = work({
      status: 'in-progress',
      review: {
        ...requested,
        sentBack: { by: 'Jo Contributor', at: '2026-12-01T09:05:00.000Z', comment: 'Fine' },
      },
    });
    expect(changeRefusal(jo, none, 'criterionAssessments', inProgress, sent)).toBeUndefined();
    expect(changeRefusal(jo, none, 'criterionAssessments', sent, agreed)).toBe(REVIEW_REFUSAL);
    expect(changeRefusal(jo, none, 'narratives', sent, back)).toBe(REVIEW_REFUSAL);
    // Editing agreed work withdraws its sign-off: that is hers to do.
    const withdrawn = work({ status: 'in-progress', review: requested, strengths: 'More.' });
    const signedOff = work({ status: 'agreed', review: { ...requested, signedOffBy: 'Priya Shah' } });
    expect(changeRefusal(jo, none, 'criterionAssessments', signedOff, withdrawn)).toBeUndefined();
    expect(changeRefusal(person(['admin']), none, 'criterionAssessments', sent, agreed)).toBeUndefined();
  });

  it('lets a contributor add and edit her own comments anywhere in the cycle, and resolve anyone’s', () => {
    const jo = person(['contributor']);
    const comment = (fields: Record<string, unknown>) =>
      record({ target: { kind: 'criterion', id: 'c', cycleId }, body: 'Which audit?', ...fields });
    const hers = comment({ by: 'Jo Contributor' });
    const priyas = comment({ by: 'Priya Shah' });
    expect(changeRefusal(jo, none, 'comments', undefined, hers)).toBeUndefined();
    expect(changeRefusal(jo, none, 'comments', hers, { ...hers, body: 'The March audit.' })).toBeUndefined();
    expect(
      changeRefusal(jo, none, 'comments', priyas, { ...priyas, resolvedBy: 'Jo Contributor' }),
    ).toBeUndefined();
    expect(changeRefusal(jo, none, 'comments', priyas, { ...priyas, body: 'Rewritten' })).toMatch(
      /its author’s/,
    );
    expect(changeRefusal(jo, none, 'comments', undefined, priyas)).toMatch(/its author’s/);
    expect(changeRefusal(person(['reader']), none, 'comments', undefined, hers)).toBe(READER_REFUSAL);
  });

  it('follows the access the server granted a unit once it is known', () => {
    const amara = person(['auditor']);
    const audit = record({ id: auditId });
    expect(changeRefusal(amara, none, 'caseAudits', audit, audit)).toBeUndefined();
    expect(changeRefusal(amara, granted('write'), 'caseAudits', audit, audit)).toBeUndefined();
    expect(changeRefusal(amara, granted('read'), 'caseAudits', audit, audit)).toMatch(
      /^Your access to this case audit is read-only/,
    );
  });
});
