import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { workbookDatabase } from '../../../src/storage/db';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { cycles, registers, saveStatus, settings } from '../../../src/state/services';
import OpenCyclePage from './OpenCyclePage.svelte';
import CriterionPage from '../../../src/ui/self-assessment/CriterionPage.svelte';
import JudgementPage from '../../../src/ui/self-assessment/JudgementPage.svelte';
import { completeOpenCycle } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');

async function freshCycle() {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Tess Tester' });
  await registers.load();
  await cycles.reload();
  const outcome = await cycles.create(framework, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  await cycles.openCycle(outcome.cycleId);
  return outcome.cycleId;
}

async function stored(cycleId: string) {
  await saveStatus.idle();
  const bundle = await cyclesRepository(workbookDatabase()).loadCycle(cycleId);
  if (!bundle) throw new Error('cycle not stored');
  return bundle;
}

describe('grading a criterion', () => {
  let cycleId: string;
  beforeEach(async () => {
    cycleId = await freshCycle();
  });

  it('saves the grade, confidence and text as they are entered, with who changed what', async () => {
    const user = userEvent.setup();
    render(OpenCyclePage, { page: CriterionPage, framework, criterionId: 'hp-front-door' });

    expect(screen.getByRole('heading', { level: 1 }).textContent).toContain('The front door');
    expect(screen.getByRole('complementary', { name: 'Guidance for this criterion' })).toBeInTheDocument();

    await user.click(screen.getByLabelText('Requires improvement to be good'));
    await user.click(screen.getByLabelText('High'));
    await user.type(screen.getByLabelText('Strengths'), 'Timely screening of contacts.');
    await user.tab();
    await user.click(screen.getByRole('button', { name: 'Send for review' }));

    const saved = (await stored(cycleId)).criterionAssessments.find(
      (a) => a.criterionId === 'hp-front-door',
    )!;
    expect(saved.grade).toBe('requires-improvement');
    expect(saved.confidence).toBe('high');
    expect(saved.strengths).toBe('Timely screening of contacts.');
    expect(saved.status).toBe('ready-for-review');
    expect(saved.updatedBy).toBe('Tess Tester');
    expect(saved.history.map((h) => [h.field, h.from, h.to, h.by])).toEqual([
      ['grade', 'not-yet-graded', 'requires-improvement', 'Tess Tester'],
      ['confidence', '', 'high', 'Tess Tester'],
      ['strengths', '', 'Timely screening of contacts.', 'Tess Tester'],
      ['status', 'to-do', 'ready-for-review', 'Tess Tester'],
    ]);
    await waitFor(() => expect(screen.getByRole('status').textContent).toMatch(/Saved at/));
  });

  it('links evidence from the register to the criterion', async () => {
    const user = userEvent.setup();
    const item = registers.newEvidence();
    await registers.saveEvidence({ ...item, title: 'Front door dip sample, Q1', date: '2025-05-01' });
    render(OpenCyclePage, { page: CriterionPage, framework, criterionId: 'hp-front-door' });

    await user.selectOptions(screen.getByLabelText('Link evidence from the register'), item.id);
    await user.click(screen.getByRole('button', { name: 'Link evidence' }));

    expect(await screen.findByRole('link', { name: 'Front door dip sample, Q1' })).toBeInTheDocument();
    const saved = (await stored(cycleId)).criterionAssessments.find(
      (a) => a.criterionId === 'hp-front-door',
    )!;
    expect(saved.evidenceIds).toEqual([item.id]);
  });

  it('refuses changes once the cycle is final', async () => {
    await completeOpenCycle(cycles, framework);
    expect(await cycles.finalise(framework)).toEqual({ ok: true });
    render(OpenCyclePage, { page: CriterionPage, framework, criterionId: 'hp-front-door' });
    expect(screen.getByText(/final and locked/)).toBeInTheDocument();
    expect(screen.getByLabelText('Good')).toBeDisabled();
    expect(screen.getByLabelText('Strengths')).toBeDisabled();
  });
});

describe('agreeing a judgement', () => {
  let cycleId: string;
  beforeEach(async () => {
    cycleId = await freshCycle();
  });

  it('shows the proposal from the criteria and asks for a rationale when the agreed grade differs', async () => {
    const user = userEvent.setup();
    await cycles.editCriterion('cl-personal-advisers', { grade: 'good' });
    await cycles.editCriterion('cl-pathway-plans', { grade: 'requires-improvement' });
    await cycles.editCriterion('cl-accommodation', { grade: 'requires-improvement' });
    render(OpenCyclePage, { page: JudgementPage, framework, judgementId: 'care-leavers' });

    expect(screen.getByText(/Proposed Requires improvement to be good because/)).toBeInTheDocument();
    await user.click(screen.getByLabelText('Good'));
    expect(
      await screen.findByText(/Write why the agreed grade differs from the proposal/),
    ).toBeInTheDocument();

    await user.type(
      screen.getByLabelText('Rationale'),
      'Care leavers’ feedback and audits show stronger practice.',
    );
    await user.tab();
    await waitFor(() =>
      expect(screen.queryByText(/Write why the agreed grade differs/)).not.toBeInTheDocument(),
    );

    const saved = (await stored(cycleId)).judgementAssessments.find((a) => a.judgementId === 'care-leavers')!;
    expect(saved.agreedGrade).toBe('good');
    expect(saved.rationale).toBe('Care leavers’ feedback and audits show stronger practice.');
  });

  it('shows a broken firm rule on overall effectiveness as an error', async () => {
    await cycles.editJudgement('help-and-protection', { agreedGrade: 'inadequate' });
    await cycles.editJudgement('overall-effectiveness', { agreedGrade: 'good' });
    render(OpenCyclePage, { page: JudgementPage, framework, judgementId: 'overall-effectiveness' });
    expect(screen.getByRole('alert').textContent).toMatch(/breaks a firm rule/);
    expect(screen.getByRole('alert').textContent).toMatch(/cannot be marked final/);
  });

  it('keeps the narrative’s paragraphs and lists as typed', async () => {
    const user = userEvent.setup();
    render(OpenCyclePage, { page: JudgementPage, framework, judgementId: 'leaders' });
    const field = screen.getByLabelText('How do you know it?');
    await user.type(field, 'Moderated audits.{Enter}{Enter}- Practice weeks{Enter}- Feedback');
    await user.tab();
    const saved = (await stored(cycleId)).narratives.find((n) => n.judgementId === 'leaders')!;
    expect(saved.answers['how-we-know']).toBe('Moderated audits.\n\n- Practice weeks\n- Feedback');
  });
});
