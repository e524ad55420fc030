/*
 * The council's last graded inspection, as read from its report: the framework it was judged under
 * and each judgement's grade, kept so readiness, rehearsal and "changes since" can compare against it.
 * Read from storage field by field: anything malformed is left out, never trusted.
 */
import { TEXT_LIMITS } from '../workspace/limits';
import { REPORT_KINDS, type ReportKind } from './types';

export interface LastInspectionGrade {
  /** The name and grade as the report prints them. */
  name: string;
  grade: string;
  /** The framework's judgement and level; absent when the framework has no such judgement. */
  judgementId?: string;
  levelId?: string;
}

export interface LastInspection {
  kind: ReportKind;
  councilName: string;
  frameworkId?: string;
  frameworkVersion?: number;
  frameworkTitle?: string;
  /** yyyy-mm-dd */
  fieldworkStart?: string;
  fieldworkEnd?: string;
  published?: string;
  grades: LastInspectionGrade[];
  /** The file it was read from, and who recorded it when. */
  fileName: string;
  recordedAt: string;
  recordedBy: string;
}

/** Judgement id → level id, in the shape evaluateJudgements and readiness take grades. */
export function lastInspectionGrades(last: LastInspection | undefined): Record<string, string> {
  const grades: Record<string, string> = {};
  for (const g of last?.grades ?? []) if (g.judgementId && g.levelId) grades[g.judgementId] = g.levelId;
  return grades;
}

export function readLastInspection(stored: unknown): LastInspection | undefined {
  if (!isObject(stored)) return undefined;
  const kind = stored['kind'];
  if (typeof kind !== 'string' || !(kind in REPORT_KINDS)) return undefined;
  const text = (key: string, max: number = TEXT_LIMITS.line) => {
    const value = stored[key];
    return typeof value === 'string' && value.length <= max ? value : undefined;
  };
  const date = (key: string) => {
    const value = text(key, TEXT_LIMITS.dateTime);
    return value && /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : undefined;
  };
  const version = stored['frameworkVersion'];
  const grades = Array.isArray(stored['grades']) ? stored['grades'].flatMap(readGrade) : [];
  const optional = {
    frameworkId: text('frameworkId', TEXT_LIMITS.id),
    frameworkVersion: Number.isInteger(version) ? (version as number) : undefined,
    frameworkTitle: text('frameworkTitle'),
    fieldworkStart: date('fieldworkStart'),
    fieldworkEnd: date('fieldworkEnd'),
    published: date('published'),
  };
  return {
    kind: kind as ReportKind,
    councilName: text('councilName') ?? '',
    ...Object.fromEntries(Object.entries(optional).filter(([, v]) => v !== undefined)),
    grades,
    fileName: text('fileName', TEXT_LIMITS.fileName) ?? '',
    recordedAt: text('recordedAt', TEXT_LIMITS.dateTime) ?? '',
    recordedBy: text('recordedBy') ?? '',
  };
}

function readGrade(value: unknown): LastInspectionGrade[] {
  if (!isObject(value) || typeof value['name'] !== 'string' || typeof value['grade'] !== 'string') return [];
  const id = (key: string) => {
    const v = value[key];
    return typeof v === 'string' && v.length <= TEXT_LIMITS.id ? v : undefined;
  };
  const judgementId = id('judgementId');
  const levelId = id('levelId');
  return [
    {
      name: value['name'].slice(0, TEXT_LIMITS.line),
      grade: value['grade'].slice(0, TEXT_LIMITS.line),
      ...(judgementId && levelId ? { judgementId, levelId } : {}),
    },
  ];
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
