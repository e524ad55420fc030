/*
 * Proposals for judgements that the framework's rules derive from other judgements (overall
 * effectiveness). A proposal is advice with its reasons, never stored as the agreed grade.
 * Order of precedence: a triggered hard rule, a triggered soft rule, "usually equals" kept within
 * range, then the middle of the range; whichever it is, a "not better than" rule then caps it (a soft
 * cap never overrides the grade a triggered hard rule requires).
 */
import { findJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type {
  Framework,
  IfAnyThenRule,
  NotBetterThanRule,
  Rule,
  Scale,
  ScaleLevel,
} from '../framework/types';
import { gradeOf, rangeOf, titleOf, type JudgementGrades } from './grades';

export interface JudgementProposal {
  judgementId: string;
  /** Proposed level id, or null when the judgements it depends on are not graded yet. */
  levelId: string | null;
  reasons: string[];
}

export function proposeDerivedJudgements(
  framework: Framework,
  grades: JudgementGrades,
): Record<string, JudgementProposal> {
  const proposals: Record<string, JudgementProposal> = {};
  for (const judgementId of derivedJudgementIds(framework.rules)) {
    const scale = scaleOfJudgement(framework, judgementId);
    if (!scale || !findJudgement(framework, judgementId)) continue;
    const rules = framework.rules.filter((r) => targetsOf(r).includes(judgementId));
    const { proposal, hardRule } = proposeOne(framework, scale, judgementId, rules, grades);
    proposals[judgementId] = applyCaps(framework, scale, proposal, rules, grades, hardRule);
  }
  return proposals;
}

/**
 * Why a triggered rule proposes this grade, in words of its own: a rule's description is written as a
 * finding ("…, but Overall effectiveness is not"), which reads wrongly as the reason for a proposal.
 */
function triggeredReason(
  framework: Framework,
  judgementId: string,
  because: string[],
  level: ScaleLevel,
  severity: Rule['severity'],
): string {
  const target = titleOf(framework, judgementId);
  const cause = because.join('; ');
  return severity === 'hard'
    ? `${cause}, so ${target} must be ${level.label}: a firm rule of ${framework.shortTitle}.`
    : `${cause}; in published reports ${target} was then usually ${level.label}.`;
}

function derivedJudgementIds(rules: Rule[]): string[] {
  return [...new Set(rules.flatMap(targetsOf))];
}

function targetsOf(rule: Rule): string[] {
  return rule.type === 'if-any-then' ? rule.then.judgementIds : [rule.judgementId];
}

interface BaseProposal {
  proposal: JudgementProposal;
  /** The triggered hard rule the proposal comes from, if any: a soft cap must not break it. */
  hardRule?: IfAnyThenRule;
}

function proposeOne(
  framework: Framework,
  scale: Scale,
  judgementId: string,
  rules: Rule[],
  grades: JudgementGrades,
): BaseProposal {
  for (const severity of ['hard', 'soft'] as const) {
    for (const rule of rules) {
      if (rule.type !== 'if-any-then' || rule.severity !== severity) continue;
      const triggers = rule.if.judgementIds.filter((id) => rule.if.levelIds.includes(grades[id] ?? ''));
      const level = bestOf(scale, rule.then.levelIds);
      if (triggers.length && level) {
        const because = triggers.map(
          (id) => `${titleOf(framework, id)} is ${gradeOf(framework, grades, id)?.label}`,
        );
        const proposal = {
          judgementId,
          levelId: level.id,
          reasons: [triggeredReason(framework, judgementId, because, level, severity)],
        };
        return severity === 'hard' ? { proposal, hardRule: rule } : { proposal };
      }
    }
  }
  const range = rules.find((r) => r.type === 'within-range');
  const bounds = range ? rangeOf(framework, range.ofJudgementIds, grades) : undefined;
  const equals = rules.find((r) => r.type === 'usually-equals');
  const equalLevel = equals ? gradeOf(framework, grades, equals.equalsJudgementId) : undefined;
  if (equals && equalLevel) {
    const level = bounds ? clamp(equalLevel, bounds.lowest, bounds.highest) : equalLevel;
    const reasons = [
      `${titleOf(framework, judgementId)} usually has the same grade as ${titleOf(framework, equals.equalsJudgementId)}, which is ${equalLevel.label}.`,
    ];
    if (level.id !== equalLevel.id && bounds) {
      reasons.push(
        `Kept within the range of the other judgements (${bounds.lowest.label} to ${bounds.highest.label}).`,
      );
    }
    return { proposal: { judgementId, levelId: level.id, reasons } };
  }
  if (range && bounds) {
    const level = middleOf(framework, scale, range.ofJudgementIds, grades);
    return {
      proposal: {
        judgementId,
        levelId: level?.id ?? null,
        reasons: [
          `The middle of the other judgements’ grades, which range from ${bounds.lowest.label} to ${bounds.highest.label}.`,
        ],
      },
    };
  }
  const waitingFor = rules.flatMap((r) => (r.type === 'if-any-then' ? [] : sourcesOf(r)));
  const missing = [...new Set(waitingFor)].filter(
    (id) => grades[id] === undefined && !findJudgement(framework, id)?.optional,
  );
  return {
    proposal: {
      judgementId,
      levelId: null,
      reasons: missing.length
        ? [`Grade ${missing.map((id) => titleOf(framework, id)).join(', ')} first.`]
        : ['No rule gives a proposal for this judgement yet.'],
    },
  };
}

/**
 * Keeps a proposal at or below every graded cap of its "not better than" rules, saying why. A cap
 * only ever lowers a proposal; it proposes nothing on its own.
 */
function applyCaps(
  framework: Framework,
  scale: Scale,
  proposal: JudgementProposal,
  rules: Rule[],
  grades: JudgementGrades,
  hardRule: IfAnyThenRule | undefined,
): JudgementProposal {
  let result = proposal;
  for (const rule of rules) {
    if (rule.type !== 'not-better-than') continue;
    const current = findLevel(scale, result.levelId ?? undefined);
    const cap = gradeOf(framework, grades, rule.thanJudgementId);
    if (!current || !cap || current.rank <= cap.rank) continue;
    const capped = scale.levels.find((l) => l.rank === cap.rank);
    if (!capped) continue;
    if (hardRule && rule.severity === 'soft' && !hardRule.then.levelIds.includes(capped.id)) continue;
    result = {
      ...result,
      levelId: capped.id,
      reasons: [...result.reasons, cappedReason(framework, result.judgementId, rule, cap)],
    };
  }
  return result;
}

function cappedReason(
  framework: Framework,
  judgementId: string,
  rule: NotBetterThanRule,
  cap: ScaleLevel,
): string {
  const target = titleOf(framework, judgementId);
  const than = titleOf(framework, rule.thanJudgementId);
  const why =
    rule.severity === 'hard'
      ? `a firm rule of ${framework.shortTitle}`
      : `in published reports ${target} was not graded above ${than}`;
  return `Kept no better than ${than}, which is ${cap.label}: ${why}.`;
}

function sourcesOf(rule: Rule): string[] {
  if (rule.type === 'within-range') return rule.ofJudgementIds;
  if (rule.type === 'usually-equals') return [rule.equalsJudgementId];
  if (rule.type === 'not-better-than') return [rule.thanJudgementId];
  return rule.if.judgementIds;
}

function bestOf(scale: Scale, levelIds: string[]): ScaleLevel | undefined {
  return levelIds
    .map((id) => findLevel(scale, id))
    .filter((l): l is ScaleLevel => l !== undefined)
    .sort((a, b) => b.rank - a.rank)[0];
}

function clamp(level: ScaleLevel, lowest: ScaleLevel, highest: ScaleLevel): ScaleLevel {
  if (level.rank < lowest.rank) return lowest;
  if (level.rank > highest.rank) return highest;
  return level;
}

/** The lower median of the graded judgements: cautious, as a self-evaluation should be. */
function middleOf(framework: Framework, scale: Scale, judgementIds: string[], grades: JudgementGrades) {
  const ranks = judgementIds
    .map((id) => gradeOf(framework, grades, id)?.rank)
    .filter((r): r is number => r !== undefined)
    .sort((a, b) => a - b);
  const rank = ranks[Math.floor((ranks.length - 1) / 2)];
  return scale.levels.find((l) => l.rank === rank);
}
