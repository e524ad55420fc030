/*
 * Judgement grades against the framework's rules. Rules are data (hard: never broken in published
 * reports, so an error; soft: what is usual, so a warning). Grades are judgement id → level id;
 * a missing grade is "not graded yet" and never breaks a rule on its own.
 */
import { findJudgement } from '../framework/lookup';
import type {
  Framework,
  IfAnyThenRule,
  NotBetterThanRule,
  Rule,
  UsuallyEqualsRule,
  WithinRangeRule,
} from '../framework/types';
import { gradeOf, rangeOf, titleOf, type JudgementGrades } from './grades';
import { proposeDerivedJudgements, type JudgementProposal } from './propose-derived';

export interface RuleFinding {
  severity: 'error' | 'warning';
  ruleId: string;
  judgementIds: string[];
  message: string;
}

export interface JudgementEvaluation {
  proposals: Record<string, JudgementProposal>;
  findings: RuleFinding[];
}

export type { JudgementGrades, JudgementProposal };

export function evaluateJudgements(framework: Framework, grades: JudgementGrades): JudgementEvaluation {
  const findings = [...checkGradesAreOnScale(framework, grades)];
  for (const rule of framework.rules) {
    const finding = checkRule(framework, rule, grades);
    if (finding) findings.push(finding);
  }
  return { proposals: proposeDerivedJudgements(framework, grades), findings };
}

function checkGradesAreOnScale(framework: Framework, grades: JudgementGrades): RuleFinding[] {
  const findings: RuleFinding[] = [];
  for (const [judgementId, levelId] of Object.entries(grades)) {
    if (levelId === undefined) continue;
    const judgement = findJudgement(framework, judgementId);
    if (!judgement) {
      findings.push({
        severity: 'error',
        ruleId: 'unknown-judgement',
        judgementIds: [judgementId],
        message: `“${judgementId}” is not a judgement in ${framework.shortTitle}.`,
      });
    } else if (!gradeOf(framework, grades, judgementId)) {
      findings.push({
        severity: 'error',
        ruleId: 'grade-not-on-scale',
        judgementIds: [judgementId],
        message: `${judgement.title}: “${levelId}” is not a grade on its scale.`,
      });
    }
  }
  return findings;
}

function checkRule(framework: Framework, rule: Rule, grades: JudgementGrades): RuleFinding | undefined {
  switch (rule.type) {
    case 'if-any-then':
      return checkIfAnyThen(framework, rule, grades);
    case 'within-range':
      return checkWithinRange(framework, rule, grades);
    case 'usually-equals':
      return checkUsuallyEquals(framework, rule, grades);
    case 'not-better-than':
      return checkNotBetterThan(framework, rule, grades);
  }
}

function severityOf(rule: Rule): RuleFinding['severity'] {
  return rule.severity === 'hard' ? 'error' : 'warning';
}

function labelOf(framework: Framework, grades: JudgementGrades, judgementId: string): string {
  return gradeOf(framework, grades, judgementId)?.label ?? 'not graded';
}

function checkIfAnyThen(framework: Framework, rule: IfAnyThenRule, grades: JudgementGrades) {
  const triggers = rule.if.judgementIds.filter((id) => rule.if.levelIds.includes(grades[id] ?? ''));
  if (triggers.length === 0) return undefined;
  const broken = rule.then.judgementIds.filter((id) => {
    const level = gradeOf(framework, grades, id);
    return level !== undefined && !rule.then.levelIds.includes(level.id);
  });
  if (broken.length === 0) return undefined;
  const because = triggers.map((id) => `${titleOf(framework, id)} is ${labelOf(framework, grades, id)}`);
  const found = broken.map((id) => `${titleOf(framework, id)} is ${labelOf(framework, grades, id)}`);
  return {
    severity: severityOf(rule),
    ruleId: rule.id,
    judgementIds: [...triggers, ...broken],
    message: `${rule.description} ${because.join('; ')}, but ${found.join('; ')}.`,
  };
}

function checkWithinRange(framework: Framework, rule: WithinRangeRule, grades: JudgementGrades) {
  const target = gradeOf(framework, grades, rule.judgementId);
  if (!target) return undefined;
  const bounds = rangeOf(framework, rule.ofJudgementIds, grades);
  if (!bounds) return undefined;
  if (target.rank >= bounds.lowest.rank && target.rank <= bounds.highest.rank) return undefined;
  const side =
    target.rank < bounds.lowest.rank
      ? `below the lowest, ${bounds.lowest.label}`
      : `above the highest, ${bounds.highest.label}`;
  return {
    severity: severityOf(rule),
    ruleId: rule.id,
    judgementIds: [rule.judgementId, ...rule.ofJudgementIds],
    message: `${rule.description} ${titleOf(framework, rule.judgementId)} is ${target.label}, ${side}.`,
  };
}

function checkUsuallyEquals(framework: Framework, rule: UsuallyEqualsRule, grades: JudgementGrades) {
  const target = gradeOf(framework, grades, rule.judgementId);
  const other = gradeOf(framework, grades, rule.equalsJudgementId);
  if (!target || !other || target.id === other.id) return undefined;
  return {
    severity: severityOf(rule),
    ruleId: rule.id,
    judgementIds: [rule.judgementId, rule.equalsJudgementId],
    message: `${rule.description} ${titleOf(framework, rule.judgementId)} is ${target.label}; ${titleOf(framework, rule.equalsJudgementId)} is ${other.label}.`,
  };
}

/** Broken only when both are graded and the capped judgement ranks above its cap. */
function checkNotBetterThan(framework: Framework, rule: NotBetterThanRule, grades: JudgementGrades) {
  const target = gradeOf(framework, grades, rule.judgementId);
  const cap = gradeOf(framework, grades, rule.thanJudgementId);
  if (!target || !cap || target.rank <= cap.rank) return undefined;
  return {
    severity: severityOf(rule),
    ruleId: rule.id,
    judgementIds: [rule.judgementId, rule.thanJudgementId],
    message: `${rule.description} ${titleOf(framework, rule.judgementId)} is ${target.label}, better than ${titleOf(framework, rule.thanJudgementId)}, which is ${cap.label}.`,
  };
}
