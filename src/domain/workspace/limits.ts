/*
 * One vocabulary of limits for workspace records: how long a text may be, how many items a list may
 * hold, which numbers and years are allowed. The form fields, the case-list import, storage and
 * schemas/workspace-backup.schema.json all use these numbers, so whatever a person can type or import,
 * the app can back up and restore. tests/domain/workspace/limits.test.ts holds the schema to them.
 */

export const TEXT_LIMITS = {
  /** Record ids, setting keys, grade, criterion, judgement and tool ids. */
  id: 200,
  /** A framework's key in the library: `${id}@${version}`. */
  frameworkKey: 300,
  /** A date (yyyy-mm-dd), an ISO date and time, or the app's version. */
  dateTime: 40,
  /** The name of a file a record came from. */
  fileName: 500,
  /**
   * One line a person types or imports: a name, a case reference, a team, a title, a link. One number
   * for every line, because every one-line field of the app is the same component with the same limit.
   */
  line: 2_000,
  /** A drill question, copied from a framework's line of enquiry or written by the drill. */
  drillQuestion: 5_000,
  /** Why the drill asked a question. */
  drillReason: 2_000,
  /** A notification-week note. */
  notificationNote: 10_000,
  /** A comment on a criterion, narrative or case audit. */
  comment: 10_000,
  /** Paragraphs: strengths, rationales, notes, findings, answers to audit questions. */
  longText: 100_000,
  /** An answer to a self-evaluation question. */
  narrativeAnswer: 200_000,
} as const;

export const LIST_LIMITS = {
  /** Records in one table, and entries in one record's list (links, history, notes, case list). */
  records: 100_000,
  participants: 1_000,
  drillQuestions: 500,
  drillAnswers: 500,
  answerEvidence: 1_000,
  sampledCases: 3_000,
  indicatorCriteria: 1_000,
  indicatorValues: 10_000,
  notificationItems: 10_000,
  /** Why a case is in a risk-weighted sample, in words. */
  sampleReasons: 100,
  /** Annex A's lists, numbered 1 to 11. */
  annexALists: 11,
} as const;

export const NUMBER_RANGES = {
  formatVersion: { minimum: 1 },
  frameworkVersion: { minimum: 1 },
  /** April-to-March years by their first calendar year. */
  startYear: { minimum: 1990, maximum: 2200 },
  drillSeconds: { minimum: 0 },
  sampleSeed: { minimum: 0 },
  perCohort: { minimum: 0, maximum: 1000 },
  /** Days after the inspection call. */
  dueDay: { minimum: 0, maximum: 60 },
  /** An Annex A list's number. */
  annexAList: { minimum: 1, maximum: 11 },
} as const;

/**
 * The years a date may fall in: from long before any case the app holds began, to the end of the last
 * cycle a backup may hold (2200–01). JavaScript reads years 0 to 99 as 1900 to 1999, so year 0001 is
 * never a real date here.
 */
export const DATE_YEARS = { earliest: 1900, latest: 2201 } as const;

const { id, frameworkKey, dateTime, fileName, line, longText } = TEXT_LIMITS;
const { records } = LIST_LIMITS;

/** The bookkeeping every stored record carries. */
function recordMeta(table: string): Record<string, number> {
  return {
    [table]: records,
    [`${table}[].id`]: id,
    [`${table}[].createdAt`]: dateTime,
    [`${table}[].updatedAt`]: dateTime,
    [`${table}[].updatedBy`]: line,
    [`${table}[].deletedAt`]: dateTime,
  };
}

function history(at: string): Record<string, number> {
  return { [at]: records, [`${at}[].at`]: dateTime, [`${at}[].by`]: line };
}

/**
 * Every maxLength (text) and maxItems (list) in the backup schema, by path: `cycles[].archive` is the
 * archive list of each cycle, `narratives[].answers{}` each answer in a narrative's answers.
 */
export const BACKUP_LIMITS: Readonly<Record<string, number>> = {
  appVersion: dateTime,
  exportedAt: dateTime,
  settings: records,
  'settings[].key': id,
  'settings[].updatedAt': dateTime,
  'settings[].updatedBy': line,
  frameworks: records,
  'frameworks[].key': frameworkKey,
  'frameworks[].frameworkId': id,
  'frameworks[].importedAt': dateTime,
  'frameworks[].importedBy': line,
  'frameworks[].fileName': fileName,
  ...recordMeta('cycles'),
  'cycles[].frameworkId': id,
  'cycles[].previousCycleId': id,
  'cycles[].finalisedAt': dateTime,
  'cycles[].finalisedBy': line,
  'cycles[].archive': records,
  'cycles[].archive[].oldId': id,
  'cycles[].archive[].title': line,
  ...history('cycles[].statusHistory'),
  'cycles[].statusHistory[].reason': longText,
  ...recordMeta('criterionAssessments'),
  'criterionAssessments[].cycleId': id,
  'criterionAssessments[].criterionId': id,
  'criterionAssessments[].grade': id,
  'criterionAssessments[].strengths': longText,
  'criterionAssessments[].areasForDevelopment': longText,
  'criterionAssessments[].assignee': line,
  'criterionAssessments[].evidenceIds': records,
  'criterionAssessments[].evidenceIds[]': id,
  ...history('criterionAssessments[].history'),
  'criterionAssessments[].review.requestedBy': line,
  'criterionAssessments[].review.requestedAt': dateTime,
  'criterionAssessments[].review.signedOffBy': line,
  'criterionAssessments[].review.signedOffAt': dateTime,
  'criterionAssessments[].review.sentBack.by': line,
  'criterionAssessments[].review.sentBack.at': dateTime,
  'criterionAssessments[].review.sentBack.comment': longText,
  ...recordMeta('judgementAssessments'),
  'judgementAssessments[].cycleId': id,
  'judgementAssessments[].judgementId': id,
  'judgementAssessments[].agreedGrade': id,
  'judgementAssessments[].rationale': longText,
  ...history('judgementAssessments[].history'),
  'judgementAssessments[].review.signedOffBy': line,
  'judgementAssessments[].review.signedOffAt': dateTime,
  ...recordMeta('narratives'),
  'narratives[].cycleId': id,
  'narratives[].judgementId': id,
  'narratives[].answers{}': TEXT_LIMITS.narrativeAnswer,
  'narratives[].assignee': line,
  ...history('narratives[].history'),
  'narratives[].review.requestedBy': line,
  'narratives[].review.requestedAt': dateTime,
  'narratives[].review.signedOffBy': line,
  'narratives[].review.signedOffAt': dateTime,
  'narratives[].review.sentBack.by': line,
  'narratives[].review.sentBack.at': dateTime,
  'narratives[].review.sentBack.comment': longText,
  ...recordMeta('evidence'),
  'evidence[].title': line,
  'evidence[].date': dateTime,
  'evidence[].owner': line,
  'evidence[].location': line,
  'evidence[].notes': longText,
  ...recordMeta('actions'),
  'actions[].title': line,
  'actions[].description': longText,
  'actions[].owner': line,
  'actions[].dueDate': dateTime,
  'actions[].completedAt': dateTime,
  'actions[].criterionIds': records,
  'actions[].criterionIds[]': id,
  'actions[].judgementIds': records,
  'actions[].judgementIds[]': id,
  'actions[].recommendationIds': records,
  'actions[].recommendationIds[]': id,
  'actions[].auditIds': records,
  'actions[].auditIds[]': id,
  ...history('actions[].progressNotes'),
  'actions[].progressNotes[].text': longText,
  ...recordMeta('recommendations'),
  'recommendations[].date': dateTime,
  'recommendations[].reference': line,
  'recommendations[].text': longText,
  'recommendations[].judgementIds': records,
  'recommendations[].judgementIds[]': id,
  'recommendations[].progressSummary': longText,
  ...recordMeta('auditRounds'),
  'auditRounds[].title': line,
  'auditRounds[].frameworkId': id,
  'auditRounds[].theme': line,
  'auditRounds[].periodFrom': dateTime,
  'auditRounds[].periodTo': dateTime,
  'auditRounds[].toolIds': records,
  'auditRounds[].toolIds[]': id,
  'auditRounds[].caseListFileName': fileName,
  'auditRounds[].caseList': records,
  'auditRounds[].caseList[].caseReference': line,
  'auditRounds[].caseList[].caseType': line,
  'auditRounds[].caseList[].team': line,
  'auditRounds[].caseList[].worker': line,
  'auditRounds[].caseList[].startDate': dateTime,
  'auditRounds[].caseList[].lastAuditedDate': dateTime,
  ...recordMeta('caseAudits'),
  'caseAudits[].roundId': id,
  'caseAudits[].frameworkId': id,
  'caseAudits[].toolId': id,
  'caseAudits[].caseReference': line,
  'caseAudits[].caseType': line,
  'caseAudits[].team': line,
  'caseAudits[].worker': line,
  'caseAudits[].auditor': line,
  'caseAudits[].auditDate': dateTime,
  'caseAudits[].answers{}': longText,
  'caseAudits[].domainGrades{}': id,
  'caseAudits[].overallGrade': id,
  'caseAudits[].strengths': longText,
  'caseAudits[].worries': longText,
  'caseAudits[].voiceOfChildAndFamily': longText,
  'caseAudits[].practitionerActions': longText,
  'caseAudits[].managerActions': longText,
  'caseAudits[].practitionerResponse': longText,
  'caseAudits[].themes': records,
  'caseAudits[].themes[]': line,
  'caseAudits[].criterionIds': records,
  'caseAudits[].criterionIds[]': id,
  ...recordMeta('moderations'),
  'moderations[].auditId': id,
  'moderations[].moderator': line,
  'moderations[].domainGrades{}': id,
  'moderations[].overallGrade': id,
  'moderations[].moderatedOverallGrade': id,
  'moderations[].reason': longText,
  'moderations[].submittedAt': dateTime,
  ...recordMeta('indicators'),
  'indicators[].name': line,
  'indicators[].definition': longText,
  'indicators[].source': line,
  'indicators[].owner': line,
  'indicators[].criterionIds': LIST_LIMITS.indicatorCriteria,
  'indicators[].criterionIds[]': id,
  'indicators[].values': LIST_LIMITS.indicatorValues,
  ...recordMeta('rehearsals'),
  'rehearsals[].title': line,
  'rehearsals[].date': dateTime,
  'rehearsals[].participants': LIST_LIMITS.participants,
  'rehearsals[].participants[]': line,
  'rehearsals[].cycleId': id,
  'rehearsals[].frameworkId': id,
  'rehearsals[].judgementId': id,
  'rehearsals[].questions': LIST_LIMITS.drillQuestions,
  'rehearsals[].questions[].id': id,
  'rehearsals[].questions[].judgementId': id,
  'rehearsals[].questions[].criterionId': id,
  'rehearsals[].questions[].question': TEXT_LIMITS.drillQuestion,
  'rehearsals[].questions[].why': TEXT_LIMITS.drillReason,
  'rehearsals[].answers': LIST_LIMITS.drillAnswers,
  'rehearsals[].answers[].questionId': id,
  'rehearsals[].answers[].notes': longText,
  'rehearsals[].answers[].evidenceIds': LIST_LIMITS.answerEvidence,
  'rehearsals[].answers[].evidenceIds[]': id,
  'rehearsals[].sample.drawnAt': dateTime,
  'rehearsals[].sample.cases': LIST_LIMITS.sampledCases,
  'rehearsals[].sample.cases[].caseReference': line,
  'rehearsals[].sample.cases[].caseType': line,
  'rehearsals[].sample.cases[].team': line,
  'rehearsals[].sample.cases[].worker': line,
  'rehearsals[].sample.cases[].reasons': LIST_LIMITS.sampleReasons,
  'rehearsals[].sample.cases[].reasons[]': line,
  'rehearsals[].sample.cases[].lists': LIST_LIMITS.annexALists,
  'rehearsals[].sample.cases[].swap.replaced': line,
  'rehearsals[].sample.cases[].swap.reason': line,
  'rehearsals[].sample.cases[].swap.at': dateTime,
  'rehearsals[].findings': longText,
  'rehearsals[].themeId': id,
  'rehearsals[].answers[].namedEvidence': longText,
  'rehearsals[].annexA': LIST_LIMITS.annexALists,
  'rehearsals[].annexA[].fileName': fileName,
  'rehearsals[].annexA[].importedAt': dateTime,
  'rehearsals[].annexA[].periodFrom': dateTime,
  'rehearsals[].annexA[].periodTo': dateTime,
  'rehearsals[].annexA[].rows': records,
  'rehearsals[].annexA[].rows[].childId': line,
  'rehearsals[].annexA[].rows[].team': line,
  'rehearsals[].annexA[].rows[].worker': line,
  'rehearsals[].auditChallenge.moderator': line,
  'rehearsals[].auditChallenge.cases': records,
  'rehearsals[].auditChallenge.cases[].auditId': id,
  'rehearsals[].auditChallenge.cases[].caseReference': line,
  'rehearsals[].auditChallenge.cases[].inspectorGrade': id,
  'rehearsals[].auditChallenge.cases[].inspectorReason': longText,
  'rehearsals[].auditChallenge.cases[].submittedAt': dateTime,
  ...recordMeta('notificationItems'),
  notificationItems: LIST_LIMITS.notificationItems,
  'notificationItems[].frameworkId': id,
  'notificationItems[].itemId': id,
  'notificationItems[].owner': line,
  'notificationItems[].note': TEXT_LIMITS.notificationNote,
  ...recordMeta('comments'),
  'comments[].target.id': id,
  'comments[].target.cycleId': id,
  'comments[].parentId': id,
  'comments[].body': TEXT_LIMITS.comment,
  'comments[].by': line,
  'comments[].at': dateTime,
  'comments[].mentions': LIST_LIMITS.participants,
  'comments[].mentions[]': line,
  'comments[].resolvedBy': line,
  'comments[].resolvedAt': dateTime,
  'comments[].editedAt': dateTime,
};

/** Every minimum and maximum in the backup schema, by path, as BACKUP_LIMITS does for lengths. */
export const BACKUP_RANGES: Readonly<Record<string, { minimum?: number; maximum?: number }>> = {
  formatVersion: NUMBER_RANGES.formatVersion,
  'cycles[].startYear': NUMBER_RANGES.startYear,
  'auditRounds[].frameworkVersion': NUMBER_RANGES.frameworkVersion,
  'caseAudits[].frameworkVersion': NUMBER_RANGES.frameworkVersion,
  'rehearsals[].frameworkVersion': NUMBER_RANGES.frameworkVersion,
  'rehearsals[].answers[].seconds': NUMBER_RANGES.drillSeconds,
  'rehearsals[].sample.seed': NUMBER_RANGES.sampleSeed,
  'rehearsals[].sample.perCohort': NUMBER_RANGES.perCohort,
  'rehearsals[].sample.cases[].lists[]': NUMBER_RANGES.annexAList,
  'rehearsals[].annexA[].list': NUMBER_RANGES.annexAList,
  'notificationItems[].dueDay': NUMBER_RANGES.dueDay,
};

/** Length as JSON Schema's maxLength counts it: in characters (code points), not UTF-16 units. */
export function textLength(text: string): number {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
}

/** True for a yyyy-mm-dd date that exists (no 30 February) in the years the app works with. */
export function isDateInRange(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isRealDay(match) && isYearInRange(Number(match[1]));
}

export function isYearInRange(year: number): boolean {
  return year >= DATE_YEARS.earliest && year <= DATE_YEARS.latest;
}

/** yyyy-mm-dd whose day exists in the calendar, whatever the year. */
export function isRealCalendarDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  return match !== null && isRealDay(match);
}

/** An ISO 8601 date and time (as toISOString writes it, or with seconds or a zone left out) that exists. */
export function isRealDateTime(value: string): boolean {
  const match =
    /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d{1,9})?)?(?:Z|[+-](\d{2}):(\d{2}))?)?$/.exec(
      value,
    );
  if (!match || !isRealDay(match)) return false;
  const [hours, minutes, seconds, zoneHours, zoneMinutes] = match.slice(4).map((p) => Number(p ?? 0));
  return hours! < 24 && minutes! < 60 && seconds! < 60 && zoneHours! < 24 && zoneMinutes! < 60;
}

function isRealDay(match: RegExpExecArray): boolean {
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1]!);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** As the calendar the browser's Date uses: the Gregorian, back to year 0. */
const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

/** A character count shows once this share of the limit is used (the GOV.UK character count threshold). */
export const COUNT_FROM_SHARE = 0.75;

/**
 * What a character count says under a long text, counting as the browser's maxlength does (UTF-16
 * units, so an emoji counts twice); undefined while the text is well within its limit.
 */
export function describeCharactersLeft(used: number, limit: number): string | undefined {
  if (used < limit * COUNT_FROM_SHARE) return undefined;
  const n = (count: number) => `${count.toLocaleString('en-GB')} character${count === 1 ? '' : 's'}`;
  if (used > limit) return `You have ${n(used - limit)} too many`;
  if (used === limit)
    return `You have reached the limit of ${n(limit)}: anything more you type or paste is not added`;
  return `You have ${n(limit - used)} remaining`;
}
