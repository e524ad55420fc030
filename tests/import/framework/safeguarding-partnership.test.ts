// @vitest-environment node
/*
 * The shipped framework for a safeguarding partnership's own self-assessment (Working Together 2023):
 * what it covers, that its audit tools roll up into its criteria on the right scale, and that the
 * self-assessment and case-audit code can run a cycle and audits on it as they do on ILACS.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { newCaseAudit } from '../../../src/domain/case-audit/audit-record';
import {
  auditsBehind,
  collectAuditEvidence,
  computeCriterionAuditFindings,
} from '../../../src/domain/case-audit/criterion-evidence';
import type { CaseAudit } from '../../../src/domain/case-audit/records';
import { scaleOfJudgement } from '../../../src/domain/framework/lookup';
import type { AuditTool } from '../../../src/domain/framework/types';
import { evaluateJudgements } from '../../../src/domain/judgements/evaluate';
import { buildCycleOverview } from '../../../src/domain/self-assessment/cycle-overview';
import { computeMissingForFinal } from '../../../src/domain/self-assessment/finalise-check';
import { startCycle } from '../../../src/domain/self-assessment/new-cycle';
import { describeTopic } from '../../../src/domain/workspace/labels';
import { readFrameworkFile } from '../../../src/import/framework/import-framework';
import { completeRecords } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ID = 'safeguarding-partnership-2023';
const framework = shippedFramework(ID);
const criterion = (id: string) => framework.criteria.find((c) => c.id === id);
const tool = (id: string) => framework.auditTools.find((t) => t.id === id)!;
const criteriaOf = (judgementId: string) => framework.criteria.filter((c) => c.judgementId === judgementId);

/** The section 11 standards as Working Together 2023 lists them, grouped into eight (domain.md §8). */
const SECTION_11_STANDARDS = [
  'Senior accountable lead and clear lines of accountability',
  'A culture of listening to children',
  'Whistleblowing and escalation procedures',
  'Information sharing',
  'Designated safeguarding practitioners',
  'Safe recruitment and managing allegations',
  'Supervision, support and training',
  'A culture of safety, equality and protection',
];

describe('the safeguarding partnership framework (Working Together 2023)', () => {
  it('comes through the import door with no warnings, listed in index.json as it is', () => {
    const read = readFrameworkFile(readFileSync(`public/frameworks/${ID}.json`));
    expect(read.ok && read.warnings).toEqual([]);
    const index = JSON.parse(readFileSync('public/frameworks/index.json', 'utf8')) as {
      frameworks: Record<string, unknown>[];
    };
    expect(index.frameworks.find((e) => e.id === ID)).toEqual({
      file: `${ID}.json`,
      id: ID,
      version: framework.version,
      shortTitle: framework.shortTitle,
      effectiveFrom: '2023-12-15',
    });
  });

  it('has the areas a partnership assesses itself on, with no overall grade and no rules', () => {
    expect(framework.judgements.map((j) => [j.id, j.kind, j.scaleId])).toEqual([
      ['partners-leadership', 'leadership', 'ofsted-4'],
      ['scrutiny-and-assurance', 'leadership', 'ofsted-4'],
      ['multi-agency-practice', 'practice', 'ofsted-4'],
      ['learning-and-improvement', 'leadership', 'ofsted-4'],
      ['voice-of-children-and-families', 'practice', 'ofsted-4'],
      ['agency-safeguarding-standards', 'review', 'met-partly-not-met'],
    ]);
    expect(framework.judgements.find((j) => j.id === 'agency-safeguarding-standards')?.optional).toBe(true);
    expect(framework.rules).toEqual([]);
    expect(evaluateJudgements(framework, { 'partners-leadership': 'inadequate' })).toEqual({
      proposals: {},
      findings: [],
    });
  });

  it('offers the four-point scale and an ordinal met / partly met / not met scale', () => {
    expect(
      framework.scales.map((s) => [s.id, s.kind, s.levels.map((l) => l.label), s.goodOrBetterMinRank]),
    ).toEqual([
      ['ofsted-4', 'ordinal', ['Outstanding', 'Good', 'Requires improvement to be good', 'Inadequate'], 3],
      ['met-partly-not-met', 'ordinal', ['Met', 'Partly met', 'Not met'], 3],
    ]);
  });

  it('covers every part of the arrangements Working Together 2023 sets out', () => {
    const covered: Record<string, string> = {
      'the three statutory partners': 'pl-shared-duty',
      'lead safeguarding partners': 'pl-lead-partners',
      'delegated safeguarding partners': 'pl-delegated-partners',
      'the partnership chair': 'pl-chair-leadership',
      'relevant agencies': 'pl-relevant-agencies',
      education: 'pl-education',
      'independent scrutiny': 'sa-independent-scrutiny',
      'the yearly report': 'sa-yearly-report',
      'shared data': 'sa-shared-data',
      'multi-agency audit': 'sa-multi-agency-audit',
      'section 11 and schools’ assurance': 'sa-agency-assurance',
      'the threshold document': 'mp-threshold-early-help',
      'the front door': 'mp-front-door',
      'rapid reviews': 'li-rapid-reviews',
      'local child safeguarding practice reviews': 'li-practice-reviews',
      'multi-agency training': 'li-training',
      'the learning culture': 'li-learning-culture',
      'learning and its impact': 'li-impact',
      'the voice of children': 'vc-children-shape-work',
      'the experience of families': 'vc-families-experience',
    };
    for (const [topic, id] of Object.entries(covered)) expect(criterion(id), topic).toBeDefined();
  });

  it('grades the eight section 11 standards as the criteria of area 6, met / partly met / not met', () => {
    const standards = criteriaOf('agency-safeguarding-standards');
    expect(standards.map((c) => c.title)).toEqual(SECTION_11_STANDARDS);
    for (const c of standards)
      expect(Object.keys(c.gradeDescriptors ?? {})).toEqual(['met', 'partly-met', 'not-met']);
  });

  it('describes every criterion fully, with a descriptor for every grade of its own scale', () => {
    for (const c of framework.criteria) {
      const levels = scaleOfJudgement(framework, c.judgementId)!.levels.map((l) => l.id);
      expect(Object.keys(c.gradeDescriptors ?? {}), c.ref).toEqual(levels);
      expect(c.descriptor.length, c.ref).toBeGreaterThan(80);
      expect(c.evidencePrompts.length, c.ref).toBeGreaterThanOrEqual(3);
      expect(c.linesOfEnquiry.length, c.ref).toBeGreaterThanOrEqual(3);
      for (const tag of c.tags) expect(describeTopic(tag), `${c.ref} ${tag}`).not.toMatch(/-/);
    }
    for (const j of framework.judgements) expect(criteriaOf(j.id).length, j.id).toBeGreaterThanOrEqual(4);
  });

  it('uses the JTAI themes as a readiness lens, in criteria tags and the checklist', () => {
    const tags = new Set(framework.criteria.flatMap((c) => c.tags));
    for (const theme of [
      'jtai-front-door',
      'jtai-domestic-abuse',
      'jtai-criminal-exploitation',
      'jtai-serious-youth-violence',
      'jtai-neglect',
      'jtai-child-sexual-abuse',
      'jtai-mental-health',
      'jtai-sexual-exploitation-and-missing',
    ])
      expect(tags.has(theme), theme).toBe(true);
    const checklist = framework.readinessChecklist.map((c) => c.id);
    expect(checklist.filter((id) => id.startsWith('jtai-'))).toHaveLength(8);
    expect(framework.readinessChecklist.some((c) => c.category === 'annex-a')).toBe(false);
    for (const id of ['doc-published-arrangements', 'doc-yearly-report', 'doc-threshold-document'])
      expect(checklist).toContain(id);
  });

  it('asks the partnership its own self-assessment questions, not social work practice', () => {
    const questions = framework.selfEvaluation.map((s) => s.question);
    expect(questions).toHaveLength(3);
    expect(questions[0]).toContain('multi-agency arrangements');
    expect(questions.join(' ')).not.toContain('social work practice');
  });

  it('credits its sources under the Open Government Licence', () => {
    expect(framework.source.licence).toBe('Open Government Licence v3.0');
    expect(framework.source.attribution).toMatch(/Working Together to Safeguard Children 2023/);
    for (const source of ['section 11', 'sections 157 and 175', 'joint targeted area inspection'])
      expect(`${framework.source.attribution} ${framework.source.notes}`.toLowerCase()).toContain(source);
    expect(framework.source.notes).toMatch(/15 December 2023/);
  });
});

describe('its audit tools', () => {
  it('has a multi-agency case audit, a section 11 tool and a schools’ section 157/175 tool', () => {
    expect(framework.auditTools.map((t) => [t.id, t.caseType, t.scaleId])).toEqual([
      ['partnership-multi-agency-audit', 'multi-agency', 'ofsted-4'],
      ['section-11-audit', 'multi-agency', 'met-partly-not-met'],
      ['schools-safeguarding-audit', 'multi-agency', 'met-partly-not-met'],
    ]);
  });

  it('maps every graded domain only to criteria graded on the tool’s own scale, so results roll up', () => {
    for (const t of framework.auditTools)
      for (const d of t.domains.filter((x) => x.graded)) {
        const ids = d.questions.flatMap((q) => q.criterionIds ?? []);
        expect(ids.length, `${t.id} ${d.id}`).toBeGreaterThan(0);
        for (const id of ids) {
          const owner = criterion(id)!.judgementId;
          expect(framework.judgements.find((j) => j.id === owner)!.scaleId, `${t.id} ${d.id} ${id}`).toBe(
            t.scaleId,
          );
        }
      }
  });

  it.each(['section-11-audit', 'schools-safeguarding-audit'])(
    '%s grades every section 11 standard in a domain of its own',
    (toolId) => {
      const graded = tool(toolId).domains.filter((d) => d.graded);
      const standardOf = (d: AuditTool['domains'][number]) => [
        ...new Set(d.questions.flatMap((q) => q.criterionIds ?? [])),
      ];
      for (const d of graded) expect(standardOf(d), d.id).toHaveLength(1);
      expect(graded.map((d) => standardOf(d)[0]).sort()).toEqual(
        criteriaOf('agency-safeguarding-standards')
          .map((c) => c.id)
          .sort(),
      );
    },
  );
});

describe('a cycle and audits on it, as the app runs them', () => {
  const author = { by: 'Partnership business manager', now: '2026-04-02T09:00:00.000Z' };
  let n = 0;
  const makeId = () => `id-${++n}`;

  it('starts a cycle with a record for every criterion and area, and lists what is left to do', () => {
    const bundle = startCycle({ framework, startYear: 2026, author, makeId });
    expect(bundle.criterionAssessments).toHaveLength(framework.criteria.length);
    expect(bundle.judgementAssessments.map((a) => a.judgementId)).toEqual(
      framework.judgements.map((j) => j.id),
    );
    const missing = computeMissingForFinal(framework, bundle);
    // The optional section 11 area is left out until it is started, as the SIF LSCB review is.
    const required = framework.judgements.filter((j) => !j.optional);
    const criteria = framework.criteria.filter((c) => required.some((j) => j.id === c.judgementId));
    expect(missing).toHaveLength(criteria.length + required.length * (1 + framework.selfEvaluation.length));
  });

  it('can be completed, including the met / partly met / not met area, with no rule findings', () => {
    const records = completeRecords(framework, 'cycle-1');
    expect(computeMissingForFinal(framework, records)).toEqual([]);
    const overview = buildCycleOverview(framework, records);
    expect(overview.findings).toEqual([]);
    expect(overview.rows.map((r) => r.agreedLevelId)).toEqual([
      'good',
      'good',
      'good',
      'good',
      'good',
      'met',
    ]);
  });

  function audit(toolId: string, grades: Record<string, string>, overall: string): CaseAudit {
    const t = tool(toolId);
    const meta = { id: makeId(), createdAt: author.now, updatedAt: author.now, updatedBy: author.by };
    return {
      ...newCaseAudit({
        framework,
        tool: t,
        meta,
        caseReference: `${toolId}-${meta.id}`,
        caseType: t.caseType,
        team: '',
        worker: '',
        auditor: author.by,
        auditDate: '2026-05-01',
      }),
      domainGrades: grades,
      overallGrade: overall,
      status: 'complete',
    };
  }

  it('rolls section 11 and schools’ returns up into the same standards, weakest domain first', () => {
    const s11 = audit('section-11-audit', { 'standard-1': 'met', 'standard-6': 'partly-met' }, 'partly-met');
    const school = audit(
      'schools-safeguarding-audit',
      { 'leadership-governance': 'not-met', 'safer-recruitment': 'met' },
      'partly-met',
    );
    const findings = computeCriterionAuditFindings(framework, [s11, school]);
    expect(findings.get('as-senior-lead')).toMatchObject({
      n: 2,
      goodOrBetter: 1,
      counts: { met: 1, 'not-met': 1 },
    });
    expect(findings.get('as-safe-recruitment-allegations')).toMatchObject({ n: 2, goodOrBetter: 1 });
    const area = auditsBehind(collectAuditEvidence(framework, [s11, school]), {
      judgementId: 'agency-safeguarding-standards',
    });
    expect(area).toMatchObject({ n: 2, notCounted: 0, goodOrBetter: 0 });
  });

  it('rolls a multi-agency case audit up into the practice criteria on the four-point scale', () => {
    const multi = audit(
      'partnership-multi-agency-audit',
      { 'identification-response': 'requires-improvement', 'impact-learning': 'good' },
      'requires-improvement',
    );
    const findings = computeCriterionAuditFindings(framework, [multi]);
    expect(findings.get('mp-front-door')).toMatchObject({ n: 1, counts: { 'requires-improvement': 1 } });
    expect(findings.get('li-impact')).toMatchObject({ n: 1, counts: { good: 1 } });
  });
});
