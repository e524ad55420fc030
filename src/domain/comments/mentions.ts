/*
 * Who can be mentioned, and where a comment mentions them. People are gathered from what the
 * workspace already names (the user in Settings, criterion assignees, action owners, auditors and
 * moderators); a mention is "@" followed by one of those names, matched ignoring case, the longest
 * name first so "@Sam Lee" is Sam Lee, not Sam.
 */
import type { AuditRound, CaseAudit, Moderation } from '../case-audit/records';
import type { CriterionAssessment, ImprovementAction } from '../workspace/records';

export interface PeopleSources {
  userName?: string;
  criterionAssessments?: readonly Pick<CriterionAssessment, 'assignee'>[];
  actions?: readonly Pick<ImprovementAction, 'owner'>[];
  audits?: readonly Pick<CaseAudit, 'auditor'>[];
  rounds?: readonly Pick<AuditRound, 'auditors'>[];
  moderations?: readonly Pick<Moderation, 'moderator'>[];
  /** Anyone else known by name (a team's roster). */
  others?: readonly string[];
}

/** Everyone the workspace names, each once (the first spelling met), in alphabetical order. */
export function workspacePeople(sources: PeopleSources): string[] {
  const names = [
    sources.userName ?? '',
    ...(sources.criterionAssessments ?? []).map((c) => c.assignee),
    ...(sources.actions ?? []).map((a) => a.owner),
    ...(sources.audits ?? []).map((a) => a.auditor),
    ...(sources.rounds ?? []).flatMap((r) => r.auditors),
    ...(sources.moderations ?? []).map((m) => m.moderator),
    ...(sources.others ?? []),
  ];
  const byKey = new Map<string, string>();
  for (const name of names) {
    const clean = name.trim().replace(/\s+/g, ' ');
    if (clean && !byKey.has(clean.toLowerCase())) byKey.set(clean.toLowerCase(), clean);
  }
  return [...byKey.values()].sort((a, b) => a.localeCompare(b, 'en-GB'));
}

export type BodyPart = { text: string; mention?: string };

/** The body cut into plain text and mentions (`mention` is the person's name as the workspace spells it). */
export function mentionParts(body: string, people: readonly string[]): BodyPart[] {
  const longestFirst = [...people].filter((p) => p.trim()).sort((a, b) => b.length - a.length);
  const parts: BodyPart[] = [];
  let plainFrom = 0;
  let at = body.indexOf('@');
  while (at !== -1) {
    const person = longestFirst.find((p) => mentionsAt(body, at, p));
    if (person) {
      if (at > plainFrom) parts.push({ text: body.slice(plainFrom, at) });
      const end = at + 1 + person.length;
      parts.push({ text: body.slice(at, end), mention: person });
      plainFrom = end;
    }
    at = body.indexOf('@', person ? plainFrom : at + 1);
  }
  if (plainFrom < body.length) parts.push({ text: body.slice(plainFrom) });
  return parts;
}

function mentionsAt(body: string, at: number, name: string): boolean {
  const written = body.slice(at + 1, at + 1 + name.length);
  if (written.toLowerCase() !== name.toLowerCase()) return false;
  const after = body.charAt(at + 1 + name.length);
  return after === '' || !/[\p{L}\p{N}_]/u.test(after);
}

/** The people a body mentions, each once, in the order first mentioned. */
export function parseMentions(body: string, people: readonly string[]): string[] {
  return [...new Set(mentionParts(body, people).flatMap((p) => (p.mention ? [p.mention] : [])))];
}
