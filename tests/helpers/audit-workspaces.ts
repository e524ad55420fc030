/*
 * Audit data for the "one figure, one function" tests: the example council's round of 30 completed
 * audits (each answering every criterion its tool maps to, as recorded audits do), with moderations,
 * and a seeded random workspace builder for property tests. Synthetic: "EX-" references, roles only.
 */
import { criterionIdsOfTool } from '../../src/domain/case-audit/audit-record';
import type { CaseAudit, Moderation } from '../../src/domain/case-audit/records';
import type { Framework } from '../../src/domain/framework/types';
import { startCycle } from '../../src/domain/self-assessment/new-cycle';
import type { ReadinessInput } from '../../src/domain/rehearsal/readiness';
import { makeCaseAudit, makeEvidence } from './builders';

/** mulberry32: a small, well-known 32-bit generator, so every failing seed can be replayed. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const GRADES = ['outstanding', 'good', 'requires-improvement', 'inadequate'];
const PATTERN = ['good', 'good', 'requires-improvement', 'good', 'inadequate', 'requires-improvement'];

export function moderationOf(auditId: string, overrides: Partial<Moderation> = {}): Moderation {
  return {
    id: `mod-${auditId}`,
    createdAt: '2026-11-01T09:00:00.000Z',
    updatedAt: '2026-11-01T09:00:00.000Z',
    updatedBy: 'Moderation lead',
    auditId,
    moderator: 'Moderation lead',
    blind: true,
    domainGrades: {},
    reason: '',
    submittedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  };
}

/** 30 completed audits across the four single-agency tools, as the example council's round has. */
export function exampleCouncilAudits(framework: Framework): {
  audits: CaseAudit[];
  moderations: Moderation[];
} {
  const tools = ['cin-cp-audit', 'eh-audit', 'cic-audit', 'cl-audit'].map((id) =>
    framework.auditTools.find((t) => t.id === id)!,
  );
  const audits = Array.from({ length: 30 }, (_, i) => {
    const tool = tools[i % tools.length]!;
    const grade = PATTERN[i % PATTERN.length]!;
    const domains = tool.domains.filter((d) => d.graded);
    // One domain a grade weaker than the case, so mapped and overall grades differ as they do in life.
    const weaker = GRADES[Math.min(GRADES.length - 1, GRADES.indexOf(grade) + 1)]!;
    return makeCaseAudit({
      id: `ex-audit-${i + 1}`,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      caseReference: `EX-${String(i + 1).padStart(4, '0')}`,
      toolId: tool.id,
      caseType: tool.caseType,
      auditDate: `2026-${String(7 + (i % 4)).padStart(2, '0')}-15`,
      overallGrade: grade,
      domainGrades: Object.fromEntries(
        domains.map((d, k) => [d.id, k === i % domains.length ? weaker : grade]),
      ),
      criterionIds: criterionIdsOfTool(tool),
      status: i % 5 === 0 ? 'moderated' : 'complete',
    });
  });
  const moderations = audits
    .filter((a) => a.status === 'moderated')
    .map((a, k) =>
      moderationOf(a.id, {
        overallGrade: k % 2 ? a.overallGrade : 'requires-improvement',
        moderatedOverallGrade: k % 2 ? a.overallGrade : 'requires-improvement',
        domainGrades: { ...a.domainGrades },
        reason: k % 2 ? '' : 'Impact for the child was not evidenced.',
      }),
    );
  return { audits, moderations };
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

/** A workspace of random audits, mappings, moderations, drafts and self-grades, from one seed. */
export function randomWorkspace(
  framework: Framework,
  seed: number,
): ReadinessInput & { moderations: Moderation[] } {
  const random = mulberry32(seed);
  let n = 0;
  const bundle = startCycle({
    framework,
    startYear: 2026,
    author: { by: 'T', now: '2026-04-02T09:00:00Z' },
    makeId: () => `s${seed}-${++n}`,
  });
  const evidence = Array.from({ length: Math.floor(random() * 6) }, (_, k) =>
    makeEvidence({ id: `ev-${seed}-${k}`, date: random() < 0.5 ? '2026-09-01' : '2024-01-01' }),
  );
  for (const a of bundle.criterionAssessments) {
    a.grade = pick(random, [...GRADES, 'not-yet-graded', 'not-applicable']);
    a.evidenceIds = evidence.filter(() => random() < 0.4).map((e) => e.id);
  }
  for (const j of bundle.judgementAssessments) if (random() < 0.7) j.agreedGrade = pick(random, GRADES);
  const audits = randomAudits(framework, seed, random);
  const moderations = audits
    .filter(() => random() < 0.4)
    .flatMap((a, k) =>
      Array.from({ length: 1 + Math.floor(random() * 2) }, (_, m) =>
        moderationOf(random() < 0.1 ? 'no-such-audit' : a.id, {
          id: `mod-${seed}-${k}-${m}`,
          overallGrade: pick(random, GRADES),
          moderatedOverallGrade: random() < 0.7 ? pick(random, GRADES) : undefined,
          domainGrades: {
            ...a.domainGrades,
            [pick(random, Object.keys(a.domainGrades).concat('x'))]: pick(random, GRADES),
          },
          submittedAt: random() < 0.8 ? `2026-10-0${1 + m}T10:00:00Z` : undefined,
          deletedAt: random() < 0.1 ? '2026-10-05T00:00:00Z' : undefined,
        }),
      ),
    );
  return {
    framework,
    bundle,
    evidence,
    actions: [],
    recommendations: [],
    audits,
    moderations,
    indicators: [],
    today: '2026-11-24',
  };
}

function randomAudits(framework: Framework, seed: number, random: () => number): CaseAudit[] {
  const criterionIds = framework.criteria.map((c) => c.id);
  return Array.from({ length: Math.floor(random() * 40) }, (_, k) => {
    const tool = pick(random, framework.auditTools);
    const mapped = criterionIdsOfTool(tool);
    // Grades on the tool's own scale (a 0 to 10 tool's audits are scaled 0 to 10).
    const grades = framework.scales.find((s) => s.id === tool.scaleId)?.levels.map((l) => l.id) ?? GRADES;
    // Stored mappings vary: the tool's own, a subset, duplicates, or criteria the tool never asks about.
    const ids = [
      ...mapped.filter(() => random() < 0.7),
      ...(random() < 0.3 ? mapped.slice(0, 2) : []),
      ...(random() < 0.2 ? [pick(random, criterionIds), 'no-such-criterion'] : []),
    ];
    return makeCaseAudit({
      id: `a-${seed}-${k}`,
      frameworkId: random() < 0.1 ? 'another-framework' : framework.id,
      toolId: random() < 0.05 ? 'no-such-tool' : tool.id,
      caseReference: `EX-${Math.floor(random() * 20)}`,
      status: pick(random, ['draft', 'complete', 'complete', 'moderated'] as const),
      deletedAt: random() < 0.1 ? '2026-10-01T00:00:00Z' : undefined,
      overallGrade: random() < 0.9 ? pick(random, [...grades, 'not-applicable']) : undefined,
      domainGrades: Object.fromEntries(
        tool.domains
          .filter((d) => d.graded && random() < 0.9)
          .map((d) => [d.id, pick(random, [...grades, 'not-applicable'])]),
      ),
      criterionIds: ids,
    });
  });
}
