/*
 * The judgement table: each row's name and grade in the framework's words. A name may wrap over two or
 * three lines with the grade beside any of them, so names are built up line by line until they are a
 * whole judgement name. Names are matched against every framework of the family, so a judgement the
 * chosen framework does not have (overall effectiveness after April 2026) is shown, not lost.
 */
import type { Framework, Judgement, ScaleLevel } from '../framework/types';
import { joinLines } from './joined-text';
import { normalise, refOf } from './report-lines';
import type { LineRef, ReadJudgement, ReportLine } from './types';

/** Other names reports print for a judgement, by the judgement's id (our words, not a report's). */
const ALSO_PRINTED_AS: Record<string, string[]> = {
  lscb: [
    'the effectiveness of the lscb',
    'the effectiveness of the local safeguarding children board (lscb)',
    'local safeguarding children board',
    'the local safeguarding children board',
  ],
};

interface Name {
  text: string;
  judgement: Judgement;
  framework: Framework;
}

export function readJudgements(
  lines: readonly ReportLine[],
  chosen: Framework | undefined,
  family: readonly Framework[],
): { judgements: ReadJudgement[]; warnings: string[] } {
  const names = knownNames(chosen, family);
  const grades = gradeWords([chosen, ...family].filter((f): f is Framework => f !== undefined));
  const found: ReadJudgement[] = [];
  const warnings: string[] = [];
  let pending: { name: string; grade?: string; from: LineRef[] } | undefined;

  const finish = () => {
    const complete = pending && names.find((n) => n.text === pending!.name);
    if (complete && pending?.grade) add(complete, pending.grade, pending.from);
    pending = undefined;
  };
  const add = (name: Name, grade: string, from: LineRef[]) => {
    const judgement = chosen?.judgements.find((j) => j.id === name.judgement.id && sameName(name, j));
    const label = judgement?.title ?? name.judgement.title;
    const already = found.find((j) => normalise(j.name) === normalise(label));
    if (already) {
      if (normalise(already.grade) !== grade)
        warnings.push(
          `“${label}” is graded “${already.grade}” on page ${already.from[0]?.page} and “${grade}” on page ${from[0]?.page}; the first is used.`,
        );
      return;
    }
    const level = judgement && chosen ? levelFor(chosen, judgement, grade) : undefined;
    found.push({
      name: label,
      grade: level?.label ?? capitalise(grade),
      ...(judgement && level ? { judgementId: judgement.id, levelId: level.id } : {}),
      from,
    });
    if (!judgement)
      warnings.push(
        chosen
          ? `“${label}” is not a judgement of ${chosen.shortTitle}, so its grade is shown but not recorded.`
          : `No framework was in force on the fieldwork dates, so “${label}” is shown but not recorded.`,
      );
  };

  for (const line of lines) {
    const { name, grade } = splitGrade(normalise(line.text), grades);
    const isPrefix = (text: string) => names.some((n) => n.text.startsWith(`${text} `));
    const isName = (text: string) => names.some((n) => n.text === text);
    if (pending && !name && grade && !pending.grade) {
      pending = { ...pending, grade, from: [...pending.from, refOf(line)] };
    } else if (
      pending &&
      name &&
      (isName(`${pending.name} ${name}`) || isPrefix(`${pending.name} ${name}`))
    ) {
      pending = {
        name: `${pending.name} ${name}`,
        grade: pending.grade ?? grade,
        from: [...pending.from, refOf(line)],
      };
    } else {
      finish();
      if (name && (isName(name) || isPrefix(name))) pending = { name, grade, from: [refOf(line)] };
    }
    // A whole name with its grade is finished unless a longer name could still continue it.
    if (pending?.grade && isName(pending.name) && !isPrefix(pending.name)) finish();
  }
  finish();
  for (const sentence of gradeSentences(lines, chosen, grades))
    if (!found.some((j) => j.judgementId === sentence.judgement.id))
      add(
        { text: normalise(sentence.judgement.title), judgement: sentence.judgement, framework: chosen! },
        sentence.grade,
        sentence.from,
      );
  return { judgements: found, warnings };
}

/** SIF reports also state some grades in sentences ("The LSCB is inadequate."): used when no table row gives them. */
const GRADE_SENTENCES: [string, RegExp][] = [
  ['lscb', /\bthe (?:local safeguarding children board|lscb)(?: \(lscb\))? (?:is |was judged (?:to be )?)?/g],
  ['overall-effectiveness', /\bchildren's services in [^.]{1,80}? (?:are|is) (?:judged(?: to be)? )?/g],
];

function gradeSentences(
  lines: readonly ReportLine[],
  chosen: Framework | undefined,
  grades: readonly string[],
): { judgement: Judgement; grade: string; from: LineRef[] }[] {
  if (!chosen?.id.startsWith('sif')) return [];
  const joined = joinLines(lines.filter((l) => l.page <= 3));
  const text = joined.text.toLowerCase();
  return GRADE_SENTENCES.flatMap(([id, pattern]) => {
    const judgement = chosen.judgements.find((j) => j.id === id);
    for (const found of judgement ? text.matchAll(pattern) : []) {
      const after = text.slice(found.index + found[0].length);
      const grade = grades.find(
        (g) => after.startsWith(g) || after.startsWith(g.replace('requires', 'require')),
      );
      if (grade && judgement)
        return [
          { judgement, grade, from: joined.refs(found.index, found.index + found[0].length + grade.length) },
        ];
    }
    return [];
  });
}

function sameName(name: Name, judgement: Judgement): boolean {
  return namesOf(judgement).includes(name.text);
}

function namesOf(judgement: Judgement): string[] {
  return [normalise(judgement.title), ...(ALSO_PRINTED_AS[judgement.id] ?? [])];
}

function knownNames(chosen: Framework | undefined, family: readonly Framework[]): Name[] {
  const frameworks = chosen ? [chosen, ...family.filter((f) => f !== chosen)] : [...family];
  return frameworks.flatMap((framework) =>
    framework.judgements.flatMap((judgement) =>
      namesOf(judgement).map((text) => ({ text, judgement, framework })),
    ),
  );
}

/** Grade words longest first, so "requires improvement to be good" wins over "requires improvement". */
function gradeWords(frameworks: readonly Framework[]): string[] {
  const words = new Set<string>();
  for (const framework of frameworks)
    for (const scale of framework.scales)
      for (const level of scale.levels) {
        const label = normalise(level.label);
        words.add(label);
        if (label.startsWith('requires improvement')) words.add('requires improvement');
      }
  return [...words].sort((a, b) => b.length - a.length);
}

/** "… help and protection: requires improvement to be good" → the name, and the grade at its end. */
export function splitGrade(text: string, grades: readonly string[]): { name: string; grade?: string } {
  for (const grade of grades) {
    if (text === grade) return { name: '', grade };
    if (text.endsWith(grade) && /[\s:\-–]$/.test(text.slice(0, -grade.length)))
      return { name: stripNumbering(text.slice(0, -grade.length)), grade };
  }
  return { name: stripNumbering(text) };
}

function stripNumbering(text: string): string {
  return text
    .replace(/[\s:\-–|]+$/, '')
    .replace(/^\d+(\.\d+)*\.?\s+/, '')
    .trim();
}

function levelFor(framework: Framework, judgement: Judgement, grade: string): ScaleLevel | undefined {
  const scale = framework.scales.find((s) => s.id === judgement.scaleId);
  const levels = scale?.levels ?? [];
  return (
    levels.find((l) => normalise(l.label) === grade) ??
    levels.find((l) => normalise(l.label).startsWith(grade) || grade.startsWith(normalise(l.label)))
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
