/*
 * Identifiers planted in every string field of every backup record type, and in fields the app does
 * not know, must appear nowhere in a sanitised copy. Fields the copy drops or replaces get a unique
 * token; text the copy keeps gets identifiers the copy can recognise: names and case references from
 * the workspace's own records, NHS numbers and dates of birth.
 */
import { describe, expect, it } from 'vitest';
import { buildBackup, type BackupRecords } from '../../src/export/backup/backup-format';
import { sanitiseBackup } from '../../src/export/backup/sanitise';
import { describeSanitiseSummary } from '../../src/export/backup/sanitise-summary';
import { readBackupValue } from '../../src/import/backup/read-backup';
import {
  AUTHOR,
  makeAction,
  makeCaseAudit,
  makeCriterionAssessment,
  makeCycle,
  makeEvidence,
  makeJudgementAssessment,
  makeNarrative,
  makeComment,
  makeNotificationItem,
  makeRecommendation,
  makeRehearsal,
} from '../helpers/builders';
import { shippedFramework } from '../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const now = AUTHOR.now;
const meta = (id: string) => ({ id, createdAt: now, updatedAt: now, updatedBy: 'x' });
const history = [
  { at: now, by: 'x', field: 'strengths', from: 'x', to: 'x' },
  { at: now, by: 'x', field: 'assignee', from: 'x', to: 'x' },
  { at: now, by: 'x', field: 'grade', from: 'good', to: 'requires-improvement' },
];

/** One of every record type with every optional part filled in; the strings are planted over below. */
function fullWorkspace(): BackupRecords {
  const criterion = makeCriterionAssessment({
    id: 'ca-1',
    cycleId: 'cycle-1',
    confidence: 'medium',
    assignee: 'x',
    strengths: 'x',
    areasForDevelopment: 'x',
    history,
  });
  const judgement = makeJudgementAssessment({ id: 'ja-1', cycleId: 'cycle-1', agreedGrade: 'good', history });
  const narrative = makeNarrative({ id: 'n-1', cycleId: 'cycle-1', answers: { 'what-we-know': 'x' } });
  const entry = {
    caseReference: 'x',
    caseType: 'x',
    team: 'x',
    worker: 'x',
    startDate: '2025-01-01',
    lastAuditedDate: '2024-01-01',
  };
  return {
    settings: [
      {
        key: 'workspace',
        value: {
          councilName: 'Example Council',
          userName: 'x',
          protectiveMarking: 'OFFICIAL-SENSITIVE',
          logoDataUrl: 'x',
          lastBackupAt: now,
          inspectionCallDate: '2025-06-02',
          inspectionOnSiteDate: '2025-06-09',
        },
        updatedAt: now,
        updatedBy: 'x',
      },
    ],
    frameworks: [
      {
        key: 'ilacs-2023@1',
        frameworkId: 'ilacs-2023',
        version: 1,
        importedAt: now,
        importedBy: 'x',
        fileName: 'x',
        framework,
      },
    ],
    cycles: [
      makeCycle({
        id: 'cycle-1',
        status: 'final',
        finalisedAt: now,
        finalisedBy: 'x',
        previousCycleId: 'cycle-0',
        statusHistory: [
          { at: now, by: 'x', change: 'finalised' },
          { at: now, by: 'x', change: 'reopened', reason: 'x' },
        ],
        archive: [
          {
            kind: 'criterion-assessment',
            oldId: 'old-1',
            title: 'x',
            record: { ...criterion, id: 'old-ca' },
          },
          {
            kind: 'judgement-assessment',
            oldId: 'old-2',
            title: 'x',
            record: { ...judgement, id: 'old-ja' },
          },
          { kind: 'narrative', oldId: 'old-3', title: 'x', record: { ...narrative, id: 'old-n' } },
        ],
      }),
    ],
    criterionAssessments: [criterion],
    judgementAssessments: [{ ...judgement, rationale: 'x' }],
    narratives: [narrative],
    evidence: [makeEvidence({ id: 'e-1', notes: 'x' })],
    actions: [
      makeAction({
        id: 'act-1',
        description: 'x',
        completedAt: now,
        progressNotes: [{ at: now, by: 'x', text: 'x' }],
        auditIds: ['audit-1'],
      }),
    ],
    recommendations: [makeRecommendation({ id: 'rec-1', progressSummary: 'x' })],
    auditRounds: [
      {
        ...meta('round-1'),
        title: 'x',
        frameworkId: 'ilacs-2023',
        frameworkVersion: 1,
        type: 'themed',
        theme: 'x',
        periodFrom: '2025-04-01',
        periodTo: '2025-06-30',
        auditors: ['x', 'x'],
        targetCount: 10,
        toolIds: ['cin-cp-audit'],
        caseList: [entry],
        caseListFileName: 'x',
        sample: {
          rule: {
            seed: 1,
            size: { kind: 'count', value: 1 },
            caseTypes: ['x'],
            excludeAuditedWithinMonths: 12,
            stratifyBy: ['team'],
          },
          drawnAt: now,
          rationale: 'x',
          cases: [{ ...entry, auditor: 'x' }],
        },
      },
    ],
    caseAudits: [
      makeCaseAudit({
        id: 'audit-1',
        roundId: 'round-1',
        answers: { 'assessment-timely': 'x', 'agency-gaps': 'x' },
        domainGrades: { assessment: 'x' },
        overallGrade: 'x',
        strengths: 'x',
        worries: 'x',
        voiceOfChildAndFamily: 'x',
        practitionerActions: 'x',
        managerActions: 'x',
        practitionerResponse: 'x',
        themes: ['x'],
        escalation: {
          raisedAt: now,
          raisedBy: 'x',
          concern: 'x',
          log: [{ at: now, by: 'x', toldWho: 'x', action: 'x' }],
          closedAt: now,
        },
        contributions: [
          {
            agency: 'x',
            contributor: 'x',
            answers: { 'assessment-timely': 'x' },
            overallGrade: 'x',
            summary: 'x',
          },
        ],
      }),
    ],
    moderations: [
      {
        ...meta('mod-1'),
        auditId: 'audit-1',
        moderator: 'x',
        blind: true,
        domainGrades: { assessment: 'x' },
        overallGrade: 'x',
        moderatedOverallGrade: 'x',
        reason: 'x',
        submittedAt: now,
      },
    ],
    indicators: [
      {
        ...meta('ind-1'),
        name: 'x',
        definition: 'x',
        unit: 'percent',
        polarity: 'higher-is-better',
        frequency: 'month',
        target: 90,
        tolerance: 5,
        source: 'x',
        owner: 'x',
        criterionIds: ['hp-front-door'],
        values: [{ period: '2025-05', value: 88, comparators: { region: 80 } }],
      },
    ],
    rehearsals: [
      makeRehearsal({
        id: 'reh-1',
        cycleId: 'cycle-1',
        sample: {
          seed: 1,
          perCohort: 1,
          drawnAt: now,
          cases: [
            { caseReference: 'x', cohort: 'help-and-protection', caseType: 'x', team: 'x', worker: 'x' },
          ],
        },
      }),
    ],
    notificationItems: [makeNotificationItem()],
    comments: [
      makeComment({ resolvedBy: 'x', resolvedAt: now, editedAt: now }),
      makeComment({ target: { kind: 'audit', id: 'audit-1' }, parentId: 'comment-x' }),
    ],
  };
}

// How the test plants each string: its own classification, written independently of the sanitiser.
const STRUCTURE = new Set(
  `id key createdAt updatedAt deletedAt at date dueDate completedAt auditDate periodFrom periodTo
  finalisedAt raisedAt closedAt submittedAt drawnAt importedAt startDate lastAuditedDate lastBackupAt
  inspectionCallDate inspectionOnSiteDate period status type rag grade agreedGrade confidence change kind
  unit polarity frequency cohort field councilName protectiveMarking resolvedAt editedAt`.split(/\s+/),
);
const PEOPLE = new Set(
  `updatedBy by assignee owner finalisedBy importedBy worker auditor moderator contributor raisedBy
  userName auditors participants mentions resolvedBy`.split(/\s+/),
);
/** Text the copy keeps (and scans), by table. */
const KEPT_TEXT: Record<string, string[]> = {
  cycles: ['reason', 'title', 'strengths', 'areasForDevelopment', 'rationale', 'answers', 'from', 'to'],
  criterionAssessments: ['strengths', 'areasForDevelopment', 'from', 'to'],
  judgementAssessments: ['rationale', 'from', 'to'],
  narratives: ['answers'],
  evidence: ['title', 'notes'],
  actions: ['title', 'description', 'text'],
  recommendations: ['reference', 'text', 'progressSummary'],
  auditRounds: ['title', 'theme'],
  caseAudits: ['themes', 'agency'],
  indicators: ['name', 'definition', 'source'],
  rehearsals: ['title', 'question', 'why'],
  comments: ['body'],
};
/** Maps whose keys are ids: planted through their values, not given extra keys. */
const MAPS = new Set(['answers', 'domainGrades', 'readiness']);

type Kind = 'structure' | 'person' | 'case' | 'kept-text' | 'other';

function kindOf(table: string, key: string, parent: Record<string, unknown>): Kind {
  if (key === 'source' && (table === 'recommendations' || table === 'rehearsals')) return 'structure';
  if (key === 'readiness' || STRUCTURE.has(key) || /Ids?$/.test(key)) return 'structure';
  if ((key === 'from' || key === 'to') && parent['field'] === 'assignee') return 'person';
  if ((key === 'from' || key === 'to') && parent['field'] === 'grade') return 'structure';
  if (PEOPLE.has(key)) return 'person';
  if (key === 'caseReference') return 'case';
  return KEPT_TEXT[table]?.includes(key) ? 'kept-text' : 'other';
}

const NHS_NUMBERS = ['943 476 5919', '9434765919', '943-476-5919', '94 34 76 59 19'];
const DATES_OF_BIRTH = ['DOB 1 March 2015', 'd.o.b. 01/03/2015', 'born 1/3/15'];

/** Walks the records twice: first plants names, references and tokens, then text that mentions them. */
function plant(records: BackupRecords) {
  const people: string[] = [];
  const cases: string[] = [];
  let n = 0;
  const visit = (
    value: unknown,
    table: string,
    key: string,
    parent: object,
    pass: 1 | 2,
    inList = false,
  ): unknown => {
    if (key === 'framework') return value;
    if (typeof value === 'string') {
      const kind = kindOf(table, key, parent as Record<string, unknown>);
      n += 1;
      if (pass === 2)
        return kind === 'kept-text'
          ? `Met ${people[n % people.length]} about ${cases[n % cases.length]} (NHS ${NHS_NUMBERS[n % 4]}, ${DATES_OF_BIRTH[n % 3]}).`
          : value;
      if (kind === 'person') people.push(`Morwenna Planted${n}`);
      if (kind === 'case') cases.push(`PLANTED-${1000 + n}`);
      return (
        { person: people.at(-1), case: cases.at(-1), other: `planted token ${n}` }[kind as string] ?? value
      );
    }
    if (Array.isArray(value)) return value.map((item) => visit(item, table, key, parent, pass, true));
    if (value && typeof value === 'object') {
      const isMap = MAPS.has(key) && !inList;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[k] = visit(v, table, isMap ? key : k, value, pass);
      if (pass === 1 && !isMap) {
        out['plantedExtra'] = `planted extra ${n}`;
        out['plantedNested'] = { text: `planted nested ${n}` };
      }
      return out;
    }
    return value;
  };
  const walk = (source: BackupRecords, pass: 1 | 2) =>
    Object.fromEntries(
      Object.entries(source).map(([table, list]) => [table, visit(list, table, table, {}, pass)]),
    ) as unknown as BackupRecords;
  const planted = walk(walk(records, 1), 2);
  return { planted, people, cases };
}

describe('a sanitised copy of a workspace with identifiers planted everywhere', () => {
  const { planted, people, cases } = plant(fullWorkspace());
  const backup = {
    ...buildBackup(planted, { appVersion: '0.1.0', exportedAt: now }),
    plantedEnvelope: 'planted',
  };
  const { backup: copy, summary } = sanitiseBackup(backup, [framework]);
  const json = JSON.stringify(copy);

  it('plants names, references and text in every table', () => {
    expect(people.length).toBeGreaterThan(30);
    expect(cases.length).toBeGreaterThan(3);
    expect(JSON.stringify(planted)).toContain('Met Morwenna');
    for (const list of Object.values(planted)) expect(list.length).toBeGreaterThan(0);
  });

  it('holds none of them anywhere', () => {
    expect(json).not.toMatch(/planted/i);
    const digits = json.replace(/[\s-]/g, '');
    expect(digits).not.toContain('9434765919');
    for (const date of ['1 March 2015', '01/03/2015', '1/3/15']) expect(json).not.toContain(date);
    expect(json).toContain('[redacted]');
  });

  it('still opens through the backup door, marked as sanitised, with the framework unchanged', () => {
    expect(readBackupValue(JSON.parse(json))).toMatchObject({ ok: true });
    expect(copy.sanitised).toBe(true);
    expect(copy.records.frameworks[0]!.framework).toEqual(framework);
  });

  it('gives each person, team and case one label everywhere', () => {
    const [audit] = copy.records.caseAudits;
    expect(audit).toMatchObject({ caseReference: 'Case 1', team: 'Team 1' });
    const sameName = 'Ada Lovelace';
    const records = fullWorkspace();
    records.caseAudits[0]!.worker = sameName;
    records.actions[0]!.owner = ' ada  LOVELACE ';
    records.criterionAssessments[0]!.assignee = 'Ada Lovelace';
    const again = sanitiseBackup(buildBackup(records, { appVersion: '0.1.0', exportedAt: now }), [framework]);
    const label = again.backup.records.caseAudits[0]!.worker;
    expect(label).toMatch(/^Colleague \d+$/);
    expect(again.backup.records.actions[0]!.owner).toBe(label);
    expect(again.backup.records.criterionAssessments[0]!.assignee).toBe(label);
  });

  it('says what it replaced, removed and redacted', () => {
    // People named only in case lists and samples, which the copy leaves out, get no label.
    expect(summary.people).toBeGreaterThan(people.length - 10);
    expect(summary.people).toBeLessThan(people.length);
    expect(summary.caseReferences).toBeGreaterThan(0);
    expect(summary.teams).toBeGreaterThan(0);
    expect(summary.fieldsDropped).toBeGreaterThan(10);
    expect(summary.unknownFieldsDropped).toBeGreaterThan(30);
    for (const count of Object.values(summary.redactions)) expect(count).toBeGreaterThan(0);
    const rows = describeSanitiseSummary(summary);
    expect(rows.map((r) => r.key)).toEqual([
      'Names replaced',
      'Teams replaced',
      'Case references replaced',
      'Fields removed',
      'Unrecognised fields removed',
      'Redacted in the text kept',
    ]);
    expect(rows[0]!.value).toMatch(/^\d+ names, of \d+ people, now “Colleague 1” to “Colleague \d+”$/);
  });
});
