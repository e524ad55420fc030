/*
 * What the schema cannot check in a backup, so that a file that passes is safe for every page and
 * export: keys unique in every table; records pointing at records and frameworks that exist; grades on
 * their scale; a final cycle within its framework's firm rules; moderations only of finished audits;
 * real dates. An owner that is missing, or a framework the app does not have, refuses the file. A link
 * in a list that points nowhere (evidence, criteria, recommendations), or an entered date outside the
 * years the app works with, is set aside and said so: no page could use it, and everything the user
 * wrote is kept. (One module, not several, because the door's files are fixed for now.)
 */
import { findJudgement, findLevel, frameworkKey, scaleOfJudgement } from '../../domain/framework/lookup';
import type { Framework } from '../../domain/framework/types';
import { evaluateJudgements } from '../../domain/judgements/evaluate';
import { agreedGrades } from '../../domain/self-assessment/cycle-overview';
import { isRealCalendarDate, isRealDateTime, isYearInRange, DATE_YEARS } from '../../domain/workspace/limits';
import { NOT_APPLICABLE, NOT_YET_GRADED } from '../../domain/workspace/vocabulary';
import {
  findDuplicateKeys,
  keyFieldOf,
  type BackupRecords,
  type BackupTable,
} from '../../export/backup/backup-format';
import { locate, type IssueMessage } from '../../validation/messages';
import { backupNamer, recordName } from './backup-namer';

/** The frameworks a backup's records may use: the file's own imported ones and those the app ships. */
export interface FrameworkLookup {
  /** Whether the app knows the framework with this key (`id@version`). */
  has(key: string): boolean;
  /** Its content, when the door has it. */
  get(key: string): Framework | undefined;
  /** Every framework whose content is at hand, or undefined when some known one's is not. */
  all(): readonly Framework[] | undefined;
}

export interface BackupCheck {
  errors: IssueMessage[];
  /** What was left out of the restored records, and why. */
  setAside: IssueMessage[];
  /** The records to restore: the file's, less what was set aside. */
  records: BackupRecords;
}

type Path = readonly (string | number)[];
type AnyRecord = Record<string, unknown>;

/** Collects problems located in the user's terms, and the records changed by setting things aside. */
class RecordCheck {
  readonly errors: IssueMessage[] = [];
  readonly setAside: IssueMessage[] = [];
  readonly #edits = new Map<BackupTable, Map<number, AnyRecord>>();
  readonly #namer: ReturnType<typeof backupNamer>;

  constructor(readonly records: BackupRecords) {
    this.#namer = backupNamer({ records });
  }

  refuse(table: BackupTable, index: number, field: Path, text: string): void {
    this.errors.push({ severity: 'error', location: this.where(table, index, field), text });
  }

  note(table: BackupTable, index: number, field: Path, text: string): void {
    this.setAside.push({ severity: 'warning', location: this.where(table, index, field), text });
  }

  where(table: BackupTable, index: number, field: Path = []): string {
    return locate(['records', table, index, ...field], this.#namer);
  }

  /** "case audit 3 (“EX-0001”)", to name another record inside a sentence. */
  name(table: BackupTable, index: number): string {
    const name = recordName(table, index, this.records[table][index]);
    return name.charAt(0).toLowerCase() + name.slice(1);
  }

  /** A copy of the record to change; the file's own records are never changed. */
  edit(table: BackupTable, index: number): AnyRecord {
    let byIndex = this.#edits.get(table);
    if (!byIndex) this.#edits.set(table, (byIndex = new Map()));
    let copy = byIndex.get(index);
    if (!copy) {
      copy = structuredClone(this.records[table][index]) as unknown as AnyRecord;
      byIndex.set(index, copy);
    }
    return copy;
  }

  result(): BackupCheck {
    const records = { ...this.records } as Record<BackupTable, unknown[]>;
    for (const [table, byIndex] of this.#edits)
      records[table] = records[table].map((record, i) => byIndex.get(i) ?? record);
    return { errors: this.errors, setAside: this.setAside, records: records as unknown as BackupRecords };
  }
}

export function checkBackupRecords(records: BackupRecords, frameworks: FrameworkLookup): BackupCheck {
  const check = new RecordCheck(records);
  checkKeys(check);
  checkCycles(check, frameworks);
  checkCycleRecords(check, frameworks);
  checkRegisters(check, frameworks);
  checkAudits(check, frameworks);
  checkRehearsals(check, frameworks);
  checkIndicators(check, frameworks);
  checkBackupDates(check);
  return check.result();
}

function checkKeys(check: RecordCheck): void {
  for (const { table, key, first, repeat } of findDuplicateKeys(check.records)) {
    const field = keyFieldOf(table);
    check.refuse(
      table,
      repeat,
      [],
      `has the ${field} “${key}”, which ${check.name(table, first)} also has. Each record needs its own ${field}, so the file cannot be restored as it is.`,
    );
  }
}

const keyOf = (r: { frameworkId: string; frameworkVersion: number }) =>
  frameworkKey({ id: r.frameworkId, version: r.frameworkVersion });

function unknownFramework(r: { frameworkId: string; frameworkVersion: number }): string {
  return `uses the framework “${r.frameworkId}” version ${r.frameworkVersion}, which is not in the file and is not shipped with this app, so its pages could not be shown.`;
}

function checkCycles(check: RecordCheck, frameworks: FrameworkLookup): void {
  const { cycles, judgementAssessments } = check.records;
  const cycleIds = new Set(cycles.map((c) => c.id));
  cycles.forEach((cycle, i) => {
    if (!frameworks.has(keyOf(cycle))) check.refuse('cycles', i, ['frameworkId'], unknownFramework(cycle));
    const previous = cycle.previousCycleId;
    if (previous !== undefined && (previous === cycle.id || !cycleIds.has(previous))) {
      delete check.edit('cycles', i)['previousCycleId'];
      check.note(
        'cycles',
        i,
        ['previousCycleId'],
        `pointed to the cycle “${previous}”, which is not in the file. The link was left out, so this cycle shows no changes since last year.`,
      );
    }
    const framework = frameworks.get(keyOf(cycle));
    if (cycle.status !== 'final' || !framework) return;
    const grades = agreedGrades({
      judgementAssessments: judgementAssessments.filter((a) => a.cycleId === cycle.id),
    });
    const broken = evaluateJudgements(framework, grades).findings.filter(
      (f) => f.severity === 'error' && framework.rules.some((r) => r.id === f.ruleId),
    );
    for (const finding of broken)
      check.refuse(
        'cycles',
        i,
        [],
        `is marked final, but its agreed grades break a firm rule of ${framework.shortTitle}: ${finding.message} A final cycle keeps every firm rule, so the file was changed after it was saved.`,
      );
  });
}

/** A grade stored for a judgement or criterion: on the judgement's scale, or not yet graded or not applicable. */
function isGradeFor(framework: Framework, judgementId: string, grade: string): boolean {
  if (grade === NOT_YET_GRADED || grade === NOT_APPLICABLE) return true;
  return findLevel(scaleOfJudgement(framework, judgementId), grade) !== undefined;
}

function checkCycleRecords(check: RecordCheck, frameworks: FrameworkLookup): void {
  const r = check.records;
  const cycles = new Map(r.cycles.map((c) => [c.id, c]));
  const evidence = new Set(r.evidence.map((e) => e.id));
  const frameworkOf = (cycleId: string) => {
    const cycle = cycles.get(cycleId);
    return cycle && frameworks.get(keyOf(cycle));
  };
  for (const table of ['criterionAssessments', 'judgementAssessments', 'narratives'] as const) {
    r[table].forEach((record, i) => {
      if (!cycles.has(record.cycleId))
        check.refuse(
          table,
          i,
          ['cycleId'],
          `belongs to the cycle “${record.cycleId}”, which is not in the file.`,
        );
    });
  }
  r.criterionAssessments.forEach((a, i) => {
    dropLinks(check, 'criterionAssessments', i, ['evidenceIds'], a.evidenceIds, evidence);
    const framework = frameworkOf(a.cycleId);
    if (!framework) return;
    const criterion = framework.criteria.find((c) => c.id === a.criterionId);
    if (!criterion)
      return check.refuse(
        'criterionAssessments',
        i,
        ['criterionId'],
        `is for the criterion “${a.criterionId}”, which ${framework.shortTitle} does not have.`,
      );
    if (!isGradeFor(framework, criterion.judgementId, a.grade))
      check.refuse(
        'criterionAssessments',
        i,
        ['grade'],
        `“${a.grade}” is not a grade on the scale used for criterion ${criterion.ref}.`,
      );
  });
  for (const table of ['judgementAssessments', 'narratives'] as const) {
    r[table].forEach((record, i) => {
      const framework = frameworkOf(record.cycleId);
      if (!framework) return;
      const judgement = findJudgement(framework, record.judgementId);
      if (!judgement)
        return check.refuse(
          table,
          i,
          ['judgementId'],
          `is for the judgement “${record.judgementId}”, which ${framework.shortTitle} does not have.`,
        );
      const grade = 'agreedGrade' in record ? record.agreedGrade : undefined;
      if (grade !== undefined && !isGradeFor(framework, judgement.id, grade))
        check.refuse(
          table,
          i,
          ['agreedGrade'],
          `“${grade}” is not a grade on the scale used for ${judgement.shortTitle}.`,
        );
    });
  }
}

/** Criterion and judgement ids of every framework at hand; undefined when some framework's content is not. */
function idsOfFrameworks(frameworks: FrameworkLookup) {
  const all = frameworks.all();
  if (!all) return undefined;
  return {
    criteria: new Set(all.flatMap((f) => f.criteria.map((c) => c.id))),
    judgements: new Set(all.flatMap((f) => f.judgements.map((j) => j.id))),
  };
}

function checkRegisters(check: RecordCheck, frameworks: FrameworkLookup): void {
  const r = check.records;
  const recommendations = new Set(r.recommendations.map((x) => x.id));
  const audits = new Set(r.caseAudits.map((a) => a.id));
  const ids = idsOfFrameworks(frameworks);
  r.actions.forEach((action, i) => {
    dropLinks(check, 'actions', i, ['recommendationIds'], action.recommendationIds, recommendations);
    dropLinks(check, 'actions', i, ['auditIds'], action.auditIds, audits);
    if (!ids) return;
    dropLinks(check, 'actions', i, ['criterionIds'], action.criterionIds, ids.criteria);
    dropLinks(check, 'actions', i, ['judgementIds'], action.judgementIds, ids.judgements);
  });
  if (ids)
    r.recommendations.forEach((rec, i) =>
      dropLinks(check, 'recommendations', i, ['judgementIds'], rec.judgementIds, ids.judgements),
    );
}

function checkAudits(check: RecordCheck, frameworks: FrameworkLookup): void {
  const r = check.records;
  const rounds = new Set(r.auditRounds.map((x) => x.id));
  const ids = idsOfFrameworks(frameworks);
  r.auditRounds.forEach((round, i) => {
    if (!frameworks.has(keyOf(round)))
      return check.refuse('auditRounds', i, ['frameworkId'], unknownFramework(round));
    const framework = frameworks.get(keyOf(round));
    const tools = framework && new Set(framework.auditTools.map((t) => t.id));
    if (tools) dropLinks(check, 'auditRounds', i, ['toolIds'], round.toolIds, tools);
  });
  r.caseAudits.forEach((audit, i) => {
    if (audit.roundId !== undefined && !rounds.has(audit.roundId)) {
      delete check.edit('caseAudits', i)['roundId'];
      check.note(
        'caseAudits',
        i,
        ['roundId'],
        `belonged to the audit round “${audit.roundId}”, which is not in the file. It was restored as an audit outside any round.`,
      );
    }
    if (ids) dropLinks(check, 'caseAudits', i, ['criterionIds'], audit.criterionIds, ids.criteria);
    if (!frameworks.has(keyOf(audit)))
      return check.refuse('caseAudits', i, ['frameworkId'], unknownFramework(audit));
    const framework = frameworks.get(keyOf(audit));
    if (framework && !framework.auditTools.some((t) => t.id === audit.toolId))
      check.refuse(
        'caseAudits',
        i,
        ['toolId'],
        `uses the audit tool “${audit.toolId}”, which ${framework.shortTitle} does not have, so the audit could not be shown.`,
      );
  });
  const auditIndex = new Map(r.caseAudits.map((a, i) => [a.id, i]));
  r.moderations.forEach((m, i) => {
    const at = auditIndex.get(m.auditId);
    if (at === undefined)
      return check.refuse(
        'moderations',
        i,
        ['auditId'],
        `moderates the case audit “${m.auditId}”, which is not in the file.`,
      );
    if (r.caseAudits[at]!.status === 'draft')
      check.refuse(
        'moderations',
        i,
        ['auditId'],
        `moderates ${check.name('caseAudits', at)}, which is still a draft. Only a complete audit is moderated, so the file was changed after it was saved.`,
      );
  });
}

function checkRehearsals(check: RecordCheck, frameworks: FrameworkLookup): void {
  const r = check.records;
  const cycles = new Set(r.cycles.map((c) => c.id));
  const evidence = new Set(r.evidence.map((e) => e.id));
  r.rehearsals.forEach((rehearsal, i) => {
    rehearsal.answers.forEach((answer, k) =>
      dropLinks(check, 'rehearsals', i, ['answers', k, 'evidenceIds'], answer.evidenceIds, evidence),
    );
    if (!cycles.has(rehearsal.cycleId))
      check.refuse(
        'rehearsals',
        i,
        ['cycleId'],
        `is for the cycle “${rehearsal.cycleId}”, which is not in the file.`,
      );
    if (!frameworks.has(keyOf(rehearsal)))
      return check.refuse('rehearsals', i, ['frameworkId'], unknownFramework(rehearsal));
    const framework = frameworks.get(keyOf(rehearsal));
    if (framework && !findJudgement(framework, rehearsal.judgementId))
      check.refuse(
        'rehearsals',
        i,
        ['judgementId'],
        `is for the judgement “${rehearsal.judgementId}”, which ${framework.shortTitle} does not have.`,
      );
  });
}

function checkIndicators(check: RecordCheck, frameworks: FrameworkLookup): void {
  const ids = idsOfFrameworks(frameworks);
  check.records.indicators.forEach((indicator, i) => {
    if (ids) dropLinks(check, 'indicators', i, ['criterionIds'], indicator.criterionIds, ids.criteria);
    indicator.values.forEach((v, k) => {
      const month = Number(v.period.slice(5, 7));
      if (month < 1 || month > 12)
        check.refuse(
          'indicators',
          i,
          ['values', k, 'period'],
          `“${v.period}” is not a real month. Write it as yyyy-mm, for example 2026-04.`,
        );
    });
  });
}

/** What a list links to, one and many, and where such records live. */
const LINK_NOUNS: Record<string, [string, string, string]> = {
  evidenceIds: ['evidence item', 'evidence items', 'is not in the file'],
  recommendationIds: ['recommendation', 'recommendations', 'is not in the file'],
  auditIds: ['case audit', 'case audits', 'is not in the file'],
  criterionIds: ['criterion', 'criteria', 'no framework of the workspace has'],
  judgementIds: ['judgement', 'judgements', 'no framework of the workspace has'],
  toolIds: ['audit tool', 'audit tools', 'the round’s framework does not have'],
};

/** Leaves out of a list the ids that point nowhere, and says which. */
function dropLinks(
  check: RecordCheck,
  table: BackupTable,
  index: number,
  path: Path,
  ids: readonly string[] | undefined,
  known: ReadonlySet<string>,
): void {
  if (!Array.isArray(ids)) return;
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length === 0) return;
  let parent = check.edit(table, index);
  for (const key of path.slice(0, -1)) parent = parent[key] as AnyRecord;
  parent[path.at(-1)!] = ids.filter((id) => known.has(id));
  const [one, many, where] = LINK_NOUNS[String(path.at(-1))]!;
  const listed =
    missing
      .slice(0, 5)
      .map((id) => `“${id}”`)
      .join(', ') + (missing.length > 5 ? ', …' : '');
  const text =
    missing.length === 1
      ? `pointed to the ${one} ${listed}, which ${where}. The link was left out.`
      : `pointed to ${missing.length} ${many} (${listed}) that ${where.replace(/^is /, 'are ')}. The links were left out.`;
  check.note(table, index, path, text);
}

/** Dates a person enters (yyyy-mm-dd); every other date field is a time the app recorded. */
const ENTERED_DATES = new Set([
  'date',
  'dueDate',
  'auditDate',
  'periodFrom',
  'periodTo',
  'startDate',
  'lastAuditedDate',
  'inspectionCallDate',
  'inspectionOnSiteDate',
]);
const DATE_FIELD = /^(at|date|period(From|To)|.*[a-z](At|Date))$/;
/** Maps keyed by ids (a question could be called "date"), and content with a door of its own. */
const NOT_DATES = new Set(['answers', 'domainGrades', 'readiness', 'framework', 'record']);

/**
 * Every date in every record is a real one: 30 February is refused. A date a person entered outside
 * the years the app works with (a typing slip: 0202 for 2022) is left blank and said so; a recorded
 * time outside them is refused, as the app never writes one.
 */
function checkBackupDates(check: RecordCheck): void {
  const years = `${DATE_YEARS.earliest} to ${DATE_YEARS.latest}`;
  for (const table of Object.keys(check.records) as BackupTable[]) {
    (check.records[table] as unknown[]).forEach((record, index) => {
      for (const { path, value } of datesIn(record)) {
        const field = String(path.at(-1));
        if (!ENTERED_DATES.has(field)) {
          if (!isRealDateTime(value))
            check.refuse(
              table,
              index,
              path,
              `“${value}” is not a real date and time (the app writes them like 2026-11-24T10:00:00.000Z).`,
            );
          else if (!isYearInRange(Number(value.slice(0, 4))))
            check.refuse(
              table,
              index,
              path,
              `“${value}” is outside the years this app works with (${years}).`,
            );
        } else if (!isRealCalendarDate(value)) {
          check.refuse(table, index, path, `“${value}” is not a real date. Check the day and the month.`);
        } else if (!isYearInRange(Number(value.slice(0, 4)))) {
          let parent = check.edit(table, index);
          for (const key of path.slice(0, -1)) parent = parent[key] as AnyRecord;
          parent[field] = '';
          check.note(
            table,
            index,
            path,
            `“${value}” is outside the years this app works with (${years}). The date was left blank: enter it again.`,
          );
        }
      }
    });
  }
}

/**
 * The dates of a record, each with where it is. A record has dozens of fields and a large backup some
 * tens of thousands of records, so the path is written out only for a date, not for every field.
 */
function datesIn(record: unknown): { path: Path; value: string }[] {
  const found: { path: Path; value: string }[] = [];
  const path: (string | number)[] = [];
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((child: unknown, index) => {
        if (!child || typeof child !== 'object') return;
        path.push(index);
        visit(child);
        path.pop();
      });
      return;
    }
    for (const key of Object.keys(value)) {
      const child = (value as Record<string, unknown>)[key];
      if (typeof child === 'string') {
        if (child !== '' && DATE_FIELD.test(key)) found.push({ path: [...path, key], value: child });
      } else if (child && typeof child === 'object' && !NOT_DATES.has(key)) {
        path.push(key);
        visit(child);
        path.pop();
      }
    }
  };
  visit(record);
  return found;
}
