/*
 * Checks a schema-valid framework for what JSON Schema cannot express: unique ids, references that
 * resolve, grades that exist on the right scale, rules that compare judgements on one scale, real
 * dates, parents without cycles. Collects every problem instead of stopping at the first.
 */
import {
  SCALING_RANKS,
  type Framework,
  type NotBetterThanRule,
  type Rule,
  type Scale,
} from '../../domain/framework/types';
import { issue, type Issue, type IssuePath } from '../../validation/issue';
import { checkFrameworkText } from './text-checks';

export function checkFrameworkSemantics(framework: Framework): Issue[] {
  return [
    ...checkUniqueIds(framework),
    ...checkScales(framework),
    ...checkJudgements(framework),
    ...checkCriteria(framework),
    ...framework.rules.flatMap((rule, i) => checkRule(framework, rule, ['rules', i])),
    ...checkAuditTools(framework),
    ...checkDates(framework),
    ...checkSupersedes(framework),
    ...checkFrameworkText(framework),
  ];
}

function uniqueIn<T extends { id: string }>(
  items: readonly T[],
  path: IssuePath,
  describe: (item: T) => string,
): Issue[] {
  const firstById = new Map<string, T>();
  const issues: Issue[] = [];
  items.forEach((item, index) => {
    const first = firstById.get(item.id);
    if (first)
      issues.push(issue('duplicate-id', [...path, index, 'id'], { id: item.id, other: describe(first) }));
    else firstById.set(item.id, item);
  });
  return issues;
}

function checkUniqueIds(f: Framework): Issue[] {
  return [
    ...uniqueIn(f.scales, ['scales'], (s) => `scale '${s.title}'`),
    ...uniqueIn(f.judgements, ['judgements'], (j) => `judgement '${j.shortTitle}'`),
    ...uniqueIn(f.criteria, ['criteria'], (c) => `criterion ${c.ref}`),
    ...uniqueIn(f.rules, ['rules'], () => 'another rule'),
    ...uniqueIn(f.auditTools, ['auditTools'], (t) => `audit tool '${t.title}'`),
    ...uniqueIn(f.selfEvaluation, ['selfEvaluation'], (s) => `the question “${s.question}”`),
    ...uniqueIn(f.readinessChecklist, ['readinessChecklist'], (c) => `checklist item '${c.title}'`),
  ];
}

function checkScales(f: Framework): Issue[] {
  return f.scales.flatMap((scale, s) => {
    const issues = uniqueIn(scale.levels, ['scales', s, 'levels'], (l) => `grade '${l.label}'`);
    const byRank = new Map<number, string[]>();
    for (const level of scale.levels)
      byRank.set(level.rank, [...(byRank.get(level.rank) ?? []), level.label]);
    for (const [rank, labels] of byRank) {
      if (labels.length > 1)
        issues.push(issue('duplicate-rank', ['scales', s, 'levels'], { rank, levels: labels.join(', ') }));
    }
    const top = Math.max(...scale.levels.map((l) => l.rank));
    const lowest = [...scale.levels].sort((a, b) => a.rank - b.rank)[0];
    if (
      scale.goodOrBetterMinRank !== undefined &&
      lowest &&
      scale.levels.length > 1 &&
      scale.goodOrBetterMinRank <= lowest.rank
    ) {
      issues.push(
        issue('min-rank-counts-lowest', ['scales', s, 'goodOrBetterMinRank'], {
          found: scale.goodOrBetterMinRank,
          lowest: lowest.label,
        }),
      );
    }
    if (scale.goodOrBetterMinRank !== undefined && scale.goodOrBetterMinRank > top) {
      issues.push(
        issue('min-rank-out-of-range', ['scales', s, 'goodOrBetterMinRank'], {
          found: scale.goodOrBetterMinRank,
        }),
      );
    }
    if (scale.kind === 'scaling') issues.push(...checkScaling(scale, ['scales', s]));
    return issues;
  });
}

/**
 * A 0 to 10 scale means the numbers 0 to 10, and its figures mean nothing without the number from
 * which practice counts as good: the file must state it rather than leave every share empty.
 */
function checkScaling(scale: Scale, path: IssuePath): Issue[] {
  const issues: Issue[] = [];
  const ranks = new Set(scale.levels.map((l) => l.rank));
  const expected: readonly number[] = SCALING_RANKS;
  if (scale.levels.length !== expected.length || expected.some((r) => !ranks.has(r)))
    issues.push(
      issue('scaling-not-0-to-10', [...path, 'levels'], {
        found: [...ranks].sort((a, b) => a - b).join(', '),
      }),
    );
  if (scale.goodOrBetterMinRank === undefined)
    issues.push(issue('scaling-without-threshold', [...path, 'goodOrBetterMinRank']));
  return issues;
}

function known(ids: readonly string[]): string {
  return ids.length <= 8 ? ids.join(', ') : `${ids.slice(0, 8).join(', ')} and ${ids.length - 8} more`;
}

/** No issue if the id is known; otherwise one unknown-reference issue. */
function reference(kind: string, id: string, path: IssuePath, knownIds: readonly string[]): Issue[] {
  return knownIds.includes(id)
    ? []
    : [issue('unknown-reference', path, { kind, id, known: known(knownIds) })];
}

function checkJudgements(f: Framework): Issue[] {
  const scaleIds = f.scales.map((s) => s.id);
  const judgementIds = f.judgements.map((j) => j.id);
  const issues: Issue[] = [];
  const inReportedCycle = new Set<string>();
  f.judgements.forEach((j, i) => {
    issues.push(...reference('scale', j.scaleId, ['judgements', i, 'scaleId'], scaleIds));
    if (j.parentId === undefined) return;
    if (j.parentId === j.id) return issues.push(issue('self-parent', ['judgements', i, 'parentId']));
    const parent = reference('judgement', j.parentId, ['judgements', i, 'parentId'], judgementIds);
    if (parent.length) return issues.push(...parent);
    const cycle = parentCycle(f, j.id);
    // Reported once, at the first judgement in the circle; a judgement leading into it is not at fault.
    if (cycle && !cycle.some((id) => inReportedCycle.has(id))) {
      cycle.forEach((id) => inReportedCycle.add(id));
      issues.push(
        issue('parent-cycle', ['judgements', i, 'parentId'], { chain: [...cycle, j.id].join(' → ') }),
      );
    }
  });
  for (const [i, j] of f.judgements.entries()) {
    const graded = j.kind !== 'overall' && !f.criteria.some((c) => c.judgementId === j.id);
    if (graded) issues.push(issue('judgement-without-criteria', ['judgements', i], {}, 'warning'));
    const derived = f.rules.some((r) =>
      (r.type === 'if-any-then' ? r.then.judgementIds : [r.judgementId]).includes(j.id),
    );
    if (j.kind === 'overall' && !derived)
      issues.push(issue('no-overall-rules', ['judgements', i], {}, 'warning'));
  }
  return issues;
}

/** The ids of the circle of parents a judgement is part of, starting with it; undefined if it is in none. */
function parentCycle(f: Framework, start: string): string[] | undefined {
  const seen = [start];
  let current = f.judgements.find((j) => j.id === start)?.parentId;
  while (current !== undefined) {
    if (current === start) return seen;
    if (seen.includes(current)) return undefined;
    seen.push(current);
    current = f.judgements.find((j) => j.id === current)?.parentId;
  }
  return undefined;
}

function scaleFor(f: Framework, judgementId: string): Scale | undefined {
  const judgement = f.judgements.find((j) => j.id === judgementId);
  return f.scales.find((s) => s.id === judgement?.scaleId);
}

function checkCriteria(f: Framework): Issue[] {
  const judgementIds = f.judgements.map((j) => j.id);
  return f.criteria.flatMap((c, i) => {
    const owner = reference('judgement', c.judgementId, ['criteria', i, 'judgementId'], judgementIds);
    if (owner.length) return owner;
    const levelIds = scaleFor(f, c.judgementId)?.levels.map((l) => l.id) ?? [];
    return Object.keys(c.gradeDescriptors ?? {}).flatMap((levelId) =>
      reference('grade', levelId, ['criteria', i, 'gradeDescriptors', levelId], levelIds),
    );
  });
}

function checkRule(f: Framework, rule: Rule, path: IssuePath): Issue[] {
  const judgementIds = f.judgements.map((j) => j.id);
  const refs = (ids: readonly string[], at: IssuePath) =>
    ids.flatMap((id, k) => reference('judgement', id, [...at, k], judgementIds));
  if (rule.type === 'if-any-then') {
    const issues = [
      ...refs(rule.if.judgementIds, [...path, 'if', 'judgementIds']),
      ...refs(rule.then.judgementIds, [...path, 'then', 'judgementIds']),
    ];
    for (const side of ['if', 'then'] as const) {
      const scales = rule[side].judgementIds
        .map((id) => scaleFor(f, id))
        .filter((s): s is Scale => s !== undefined);
      rule[side].levelIds.forEach((levelId, k) => {
        const missing = scales.find((s) => !s.levels.some((l) => l.id === levelId));
        if (missing) {
          issues.push(
            issue('unknown-reference', [...path, side, 'levelIds', k], {
              kind: 'grade',
              id: levelId,
              known: known(missing.levels.map((l) => l.id)),
            }),
          );
        }
      });
    }
    return issues;
  }
  if (rule.type === 'within-range') {
    const issues = [
      ...reference('judgement', rule.judgementId, [...path, 'judgementId'], judgementIds),
      ...refs(rule.ofJudgementIds, [...path, 'ofJudgementIds']),
    ];
    if (rule.ofJudgementIds.includes(rule.judgementId))
      issues.push(issue('rule-on-itself', [...path, 'ofJudgementIds'], { id: rule.judgementId }));
    return issues;
  }
  if (rule.type === 'not-better-than') return checkNotBetterThan(f, rule, path);
  const issues = [
    ...reference('judgement', rule.judgementId, [...path, 'judgementId'], judgementIds),
    ...reference('judgement', rule.equalsJudgementId, [...path, 'equalsJudgementId'], judgementIds),
  ];
  if (rule.judgementId === rule.equalsJudgementId)
    issues.push(issue('rule-on-itself', [...path, 'equalsJudgementId'], { id: rule.judgementId }));
  return issues;
}

/** Both judgements must exist, differ, and share a scale: ranks on two scales cannot be compared. */
function checkNotBetterThan(f: Framework, rule: NotBetterThanRule, path: IssuePath): Issue[] {
  const judgementIds = f.judgements.map((j) => j.id);
  const issues = [
    ...reference('judgement', rule.judgementId, [...path, 'judgementId'], judgementIds),
    ...reference('judgement', rule.thanJudgementId, [...path, 'thanJudgementId'], judgementIds),
  ];
  if (rule.judgementId === rule.thanJudgementId) {
    issues.push(issue('rule-on-itself', [...path, 'thanJudgementId'], { id: rule.judgementId }));
  }
  if (issues.length) return issues;
  const capped = f.judgements.find((j) => j.id === rule.judgementId)!;
  const cap = f.judgements.find((j) => j.id === rule.thanJudgementId)!;
  if (capped.scaleId !== cap.scaleId) {
    const titleOf = (id: string) => f.scales.find((s) => s.id === id)?.title ?? id;
    issues.push(
      issue('rule-scales-differ', [...path, 'thanJudgementId'], {
        judgement: capped.shortTitle,
        scale: titleOf(capped.scaleId),
        other: cap.shortTitle,
        otherScale: titleOf(cap.scaleId),
      }),
    );
  }
  return issues;
}

function checkAuditTools(f: Framework): Issue[] {
  const scaleIds = f.scales.map((s) => s.id);
  const criterionIds = f.criteria.map((c) => c.id);
  return f.auditTools.flatMap((tool, t) => {
    const at: IssuePath = ['auditTools', t];
    const issues = [
      ...reference('scale', tool.scaleId, [...at, 'scaleId'], scaleIds),
      ...uniqueIn(tool.domains, [...at, 'domains'], (d) => `domain '${d.title}'`),
    ];
    const questions = tool.domains.flatMap((d, di) =>
      d.questions.map((q, qi) => ({
        q,
        path: [...at, 'domains', di, 'questions', qi] as IssuePath,
        name: `question ${qi + 1} in domain '${d.title}'`,
      })),
    );
    const firstById = new Map<string, string>();
    for (const { q, path, name } of questions) {
      const first = firstById.get(q.id);
      if (first) issues.push(issue('duplicate-id', [...path, 'id'], { id: q.id, other: first }));
      else firstById.set(q.id, name);
      (q.criterionIds ?? []).forEach((id, k) => {
        issues.push(...reference('criterion', id, [...path, 'criterionIds', k], criterionIds));
      });
    }
    return issues;
  });
}

export function isRealDate(value: string): boolean {
  const [y, m, d] = value.split('-').map(Number);
  const date = new Date(Date.UTC(y!, m! - 1, d!));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m! - 1 && date.getUTCDate() === d;
}

function checkDates(f: Framework): Issue[] {
  const issues: Issue[] = [];
  for (const field of ['effectiveFrom', 'effectiveTo'] as const) {
    const value = f[field];
    if (value !== undefined && !isRealDate(value))
      issues.push(issue('not-a-real-date', [field], { found: value }));
  }
  if (f.effectiveTo && issues.length === 0 && f.effectiveTo < f.effectiveFrom) {
    issues.push(issue('dates-out-of-order', ['effectiveTo'], { from: f.effectiveFrom, to: f.effectiveTo }));
  }
  return issues;
}

function checkSupersedes(f: Framework): Issue[] {
  if (!f.supersedes) return [];
  const criterionIds = f.criteria.map((c) => c.id);
  const judgementIds = f.judgements.map((j) => j.id);
  const issues: Issue[] = [];
  for (const [oldId, newIds] of Object.entries(f.supersedes.criterionMap)) {
    newIds.forEach((id, k) => {
      issues.push(...reference('criterion', id, ['supersedes', 'criterionMap', oldId, k], criterionIds));
    });
  }
  for (const [oldId, newId] of Object.entries(f.supersedes.judgementMap ?? {})) {
    issues.push(...reference('judgement', newId, ['supersedes', 'judgementMap', oldId], judgementIds));
  }
  return issues;
}
