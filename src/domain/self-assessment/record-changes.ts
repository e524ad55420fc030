/*
 * Applying a user's edit to a criterion or judgement assessment, with its history: who changed which
 * field, when, from what to what. Typing saves often; edits to one text field by the same person within
 * a few minutes fold into one history entry so the history stays readable.
 */
import type { Author, CriterionAssessment, HistoryEntry, JudgementAssessment } from '../workspace/records';
import { withdrawJudgementSignOffOnEdit } from './judgement-sign-off';
import { isFreeStatus, withdrawSignOffOnEdit } from './review';

export type ChangeAuthor = Author;

export type CriterionEdit = Partial<
  Pick<
    CriterionAssessment,
    'grade' | 'confidence' | 'strengths' | 'areasForDevelopment' | 'status' | 'assignee' | 'evidenceIds'
  >
>;

export type JudgementEdit = Partial<Pick<JudgementAssessment, 'agreedGrade' | 'rationale'>>;

const FOLD_WITHIN_MS = 5 * 60 * 1000;

/** Fields whose change means the carried-forward judgement has been looked at again. */
const RE_EVALUATING_FIELDS = new Set(['grade', 'agreedGrade', 'status']);

export function applyCriterionEdit(
  record: CriterionAssessment,
  edit: CriterionEdit,
  author: ChangeAuthor,
): CriterionAssessment {
  const { status, ...rest } = edit;
  // 'Ready for review' and 'Agreed' are reached only through review.ts, and left only through it or
  // by an edit that withdraws the sign-off.
  const free = status !== undefined && isFreeStatus(status) && isFreeStatus(record.status);
  const allowed: CriterionEdit = free ? { ...rest, status } : rest;
  return withdrawSignOffOnEdit(record, applyEdit<CriterionAssessment>(record, allowed, author), author);
}

export function applyJudgementEdit(
  record: JudgementAssessment,
  edit: JudgementEdit,
  author: ChangeAuthor,
): JudgementAssessment {
  return withdrawJudgementSignOffOnEdit(record, applyEdit<JudgementAssessment>(record, edit, author), author);
}

function applyEdit<T extends { history: HistoryEntry[]; toReEvaluate: boolean }>(
  record: T,
  edit: Partial<T>,
  author: ChangeAuthor,
): T {
  let history = record.history;
  let toReEvaluate = record.toReEvaluate;
  for (const [field, value] of Object.entries(edit)) {
    const from = describeValue((record as Record<string, unknown>)[field]);
    const to = describeValue(value);
    if (from === to) continue;
    history = addHistory(history, { at: author.now, by: author.by, field, from, to });
    if (RE_EVALUATING_FIELDS.has(field)) toReEvaluate = false;
  }
  return { ...record, ...edit, history, toReEvaluate };
}

function addHistory(history: HistoryEntry[], entry: HistoryEntry): HistoryEntry[] {
  const last = history[history.length - 1];
  const foldable =
    last !== undefined &&
    last.field === entry.field &&
    last.by === entry.by &&
    Date.parse(entry.at) - Date.parse(last.at) <= FOLD_WITHIN_MS;
  if (!foldable) return [...history, entry];
  if (last.from === entry.to) return history.slice(0, -1);
  return [...history.slice(0, -1), { ...last, at: entry.at, to: entry.to }];
}

/** History keeps values as text: level ids, plain text, or comma-separated ids for links. */
function describeValue(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(String).join(',');
  return String(value);
}

/** Confirms a carried-forward item without changing it: the team has looked at it again. */
export function confirmReEvaluated<T extends { toReEvaluate: boolean; history: HistoryEntry[] }>(
  record: T,
  author: ChangeAuthor,
): T {
  if (!record.toReEvaluate) return record;
  const entry = { at: author.now, by: author.by, field: 'toReEvaluate', from: 'true', to: 'false' };
  return { ...record, toReEvaluate: false, history: [...record.history, entry] };
}
