/*
 * Proposals for judgements that the framework's rules derive from other judgements (overall
 * effectiveness). A proposal is advice with its reasons, never stored as the agreed grade.
 * Order of precedence: a triggered hard rule, a triggered soft rule, "usually equals" kept within
 * range, then the middle of the range.
 */
import { findJudgement, findLevel, scaleOfJudgement } from '../framework/lookup';
import type { Framework, Rule, Scale, ScaleLevel } from '../framework/types';
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
    proposals[judgementId] = proposeOne(framework, scale, judgementId, rules, grades);
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

function proposeOne(
  framework: Framework,
  scale: Scale,
  judgementId: string,
  rules: Rule[],
  grades: JudgementGrades,
): JudgementProposal {
  for (const severity of ['hard', 'soft'] as const) {
    for (const rule of rules) {
      if (rule.type !== 'if-any-then' || rule.severity !== severity) continue;
      const triggers = rule.if.judgementIds.filter((id) => rule.if.levelIds.includes(grades[id] ?? ''));
      const level = bestOf(scale, rule.then.levelIds);
      if (triggers.length && level) {
        const because = triggers.map(
          (id) => `${titleOf(framework, id)} is ${gradeOf(framework, grades, id)?.label}`,
        );
        return {
          judgementId,
          levelId: level.id,
          reasons: [triggeredReason(framework, judgementId, because, level, severity)],
        };
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
    return { judgementId, levelId: level.id, reasons };
  }
  if (range && bounds) {
    const level = middleOf(framework, scale, range.ofJudgementIds, grades);
    return {
      judgementId,
      levelId: level?.id ?? null,
      reasons: [
        `The middle of the other judgements’ grades, which range from ${bounds.lowest.label} to ${bounds.highest.label}.`,
      ],
    };
  }
  const waitingFor = rules.flatMap((r) => (r.type === 'if-any-then' ? [] : sourcesOf(r)));
  const missing = [...new Set(waitingFor)].filter(
    (id) => grades[id] === undefined && !findJudgement(framework, id)?.optional,
  );
  return {
    judgementId,
    levelId: null,
    reasons: missing.length
      ? [`Grade ${missing.map((id) => titleOf(framework, id)).join(', ')} first.`]
      : ['No rule gives a proposal for this judgement yet.'],
  };
}

function sourcesOf(rule: Rule): string[] {
  if (rule.type === 'within-range') return rule.ofJudgementIds;
  if (rule.type === 'usually-equals') return [rule.equalsJudgementId];
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
