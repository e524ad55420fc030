import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { buildReport } from '../../../src/domain/report/build-report';
import { buildCycleOverview } from '../../../src/domain/self-assessment/cycle-overview';
import { computeMissingForFinal } from '../../../src/domain/self-assessment/finalise-check';
import { workbookDatabase } from '../../../src/storage/db';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { cycles, registers, saveStatus, settings } from '../../../src/state/services';
import CycleOverviewPage from '../../../src/ui/self-assessment/CycleOverviewPage.svelte';
import { completeOpenCycle } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const REASON = 'The lead member asked for the care leavers narrative to be strengthened.';

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

async function storedCycle(cycleId: string) {
  await saveStatus.idle();
  return (await cyclesRepository(workbookDatabase()).loadCycle(cycleId))!.cycle;
}

const missingList = () =>
  within(screen.getByText('This cycle cannot be marked final yet').parentElement!).getByRole('list');

function reportStatus() {
  return buildReport({
    settings: settings.settings,
    framework,
    bundle: cycles.open!,
    evidence: [],
    actions: [],
    recommendations: [],
    audits: [],
    moderations: [],
    today: '2026-04-02',
  }).cover.status;
}

/** The "Check your answers" step: every judgement with its grade and a Change link, the totals, who and when. */
async function checkYourAnswers(cycleId: string) {
  const heading = screen.getByRole('heading', { name: 'Check your answers before marking the cycle final' });
  expect(heading).toHaveFocus();
  const overview = buildCycleOverview(framework, cycles.open!);
  const [judgements, totals, finalising] = screen
    .getAllByRole('term')
    .reduce<HTMLElement[]>((lists, term) => {
      const list = term.closest('dl') as HTMLElement;
      return lists.includes(list) ? lists : [...lists, list];
    }, []);
  const rows = within(judgements!).getAllByRole('term');
  expect(rows.map((r) => r.textContent)).toEqual(framework.judgements.map((j) => j.title));
  const careLeavers = rows.find(
    (r) => r.textContent === 'The experiences and progress of care leavers',
  )!.parentElement!;
  const agreed = overview.rows.find((r) => r.judgementId === 'care-leavers')!;
  const level = framework.scales.flatMap((scale) => scale.levels).find((l) => l.id === agreed.agreedLevelId)!;
  expect(careLeavers).toHaveTextContent(level.label);
  expect(careLeavers).toHaveTextContent(
    `${agreed.criteriaGraded} of ${agreed.criteriaTotal} criteria graded`,
  );
  expect(
    within(careLeavers).getByRole('link', {
      name: /^Change\s*The experiences and progress of care leavers$/,
    }),
  ).toHaveAttribute('href', `#/self-assessment/cycles/${cycleId}/judgements/care-leavers`);
  const graded = overview.rows.reduce((n, r) => n + r.criteriaGraded, 0);
  const total = overview.rows.reduce((n, r) => n + r.criteriaTotal, 0);
  expect(within(totals!).getByText('Criteria graded').nextElementSibling).toHaveTextContent(
    `${graded} of ${total}`,
  );
  expect(within(totals!).getByText('Judgements with an agreed grade').nextElementSibling).toHaveTextContent(
    `${framework.judgements.length} of ${framework.judgements.length}`,
  );
  expect(within(finalising!).getByText('Marked final by').nextElementSibling).toHaveTextContent(
    'Tess Tester',
  );
  expect(within(finalising!).getByRole('link', { name: /^Change\s*your name$/ })).toHaveAttribute(
    'href',
    '#/settings',
  );
  expect((await storedCycle(cycleId)).status).toBe('draft');
}

/**
 * The overview of the open cycle, and a step that hands it the cycle's new bundle, as the app's
 * CycleGate does (the cycles manager replaces the bundle on each change rather than changing it).
 */
function renderOverview() {
  const view = render(CycleOverviewPage, { bundle: cycles.open!, framework });
  return () => view.rerender({ bundle: cycles.open!, framework });
}

const finalised = async () => waitFor(() => expect(cycles.open!.cycle.status).toBe('final'));

describe('marking a cycle final', () => {
  let cycleId: string;
  beforeEach(async () => {
    cycleId = await freshCycle();
  });

  it('lists everything a blank cycle is missing, each a link to where it is done, and offers no way to finalise', () => {
    renderOverview();
    const links = within(missingList()).getAllByRole('link');
    expect(links).toHaveLength(computeMissingForFinal(framework, cycles.open!).length);
    expect(
      screen.getByRole('link', {
        name: /^Grade HP2 The front door: contacts, .*, or mark it not applicable\.$/,
      }),
    ).toHaveAttribute('href', `#/self-assessment/cycles/${cycleId}/criteria/hp-front-door`);
    expect(
      screen.getByRole('link', { name: 'Answer “How do you know it?” for Overall effectiveness.' }),
    ).toHaveAttribute('href', `#/self-assessment/cycles/${cycleId}/judgements/overall-effectiveness`);
    expect(screen.queryByRole('button', { name: /Mark as final/ })).not.toBeInTheDocument();
  });

  it('is refused by the manager too, and the cycle stays a draft', async () => {
    const outcome = await cycles.finalise(framework);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.missing.length).toBeGreaterThan(50);
    expect((await storedCycle(cycleId)).status).toBe('draft');
  });

  it('lists exactly the one answer left, then finalises once it is written', async () => {
    const user = userEvent.setup();
    await completeOpenCycle(cycles, framework);
    await cycles.editNarrative('care-leavers', 'plans', '');
    const refresh = renderOverview();

    const links = within(missingList()).getAllByRole('link');
    expect(links.map((l) => l.textContent)).toEqual([
      'Answer “What are your plans for the next 12 months to maintain or improve practice?” for The experiences and progress of care leavers.',
    ]);
    expect(links[0]).toHaveAttribute('href', `#/self-assessment/cycles/${cycleId}/judgements/care-leavers`);

    await cycles.editNarrative('care-leavers', 'plans', 'Recruit two personal advisers.');
    await refresh();
    expect(await screen.findByRole('button', { name: 'Mark as final…' })).toBeInTheDocument();
    expect(screen.queryByText('This cycle cannot be marked final yet')).not.toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Mark as final…' }));
    await checkYourAnswers(cycleId);
    await user.click(screen.getByRole('button', { name: 'Confirm and mark as final' }));
    await finalised();
    await refresh();

    expect(await screen.findByRole('heading', { name: 'Reopen this cycle' })).toBeInTheDocument();
    expect((await storedCycle(cycleId)).status).toBe('final');
    const history = screen.getByRole('table', { name: /marked final or reopened/ });
    expect(within(history).getByRole('cell', { name: 'Marked final' })).toBeInTheDocument();
    expect(within(history).getByRole('cell', { name: 'Tess Tester' })).toBeInTheDocument();
  });
});

describe('reopening a final cycle', () => {
  let cycleId: string;
  beforeEach(async () => {
    cycleId = await freshCycle();
    await completeOpenCycle(cycles, framework);
    const outcome = await cycles.finalise(framework);
    if (!outcome.ok) throw new Error('the complete cycle was not finalised');
  });

  it('asks for a reason, GOV.UK style, and changes nothing without one', async () => {
    const user = userEvent.setup();
    renderOverview();
    await user.click(screen.getByRole('button', { name: 'Reopen cycle…' }));
    await user.click(screen.getByRole('button', { name: 'Reopen cycle' }));

    expect(
      within(screen.getByRole('alert')).getByText('Enter why you are reopening the cycle'),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Why are you reopening it?')).toHaveAccessibleDescription(
      /Error: Enter why you are reopening the cycle/,
    );
    expect((await storedCycle(cycleId)).status).toBe('final');
    expect(await cycles.reopen('   ')).toEqual({ ok: false, problem: 'reason-required' });
  });

  it('makes it an editable draft again, marked DRAFT in exports, with who, when and why in its history', async () => {
    const user = userEvent.setup();
    expect(reportStatus()).toBe('Final');
    const refresh = renderOverview();
    await user.click(screen.getByRole('button', { name: 'Reopen cycle…' }));
    await user.type(screen.getByLabelText('Why are you reopening it?'), REASON);
    await user.click(screen.getByRole('button', { name: 'Reopen cycle' }));
    await waitFor(() => expect(cycles.isLocked).toBe(false));
    await refresh();

    expect(await screen.findByRole('heading', { name: 'Mark as final' })).toBeInTheDocument();
    expect(cycles.isLocked).toBe(false);
    expect(reportStatus()).toBe('Draft');
    const stored = await storedCycle(cycleId);
    expect(stored.status).toBe('draft');
    expect(stored.statusHistory!.map((h) => [h.change, h.by, h.reason])).toEqual([
      ['finalised', 'Tess Tester', undefined],
      ['reopened', 'Tess Tester', REASON],
    ]);
    expect(
      within(screen.getByRole('table', { name: /marked final or reopened/ })).getByText(REASON),
    ).toBeInTheDocument();

    await cycles.editCriterion('hp-front-door', { strengths: 'Changed after reopening.' });
    expect(
      (await cyclesRepository(workbookDatabase()).loadCycle(cycleId))!.criterionAssessments.find(
        (a) => a.criterionId === 'hp-front-door',
      )!.strengths,
    ).toBe('Changed after reopening.');
    // The edit withdrew the criterion's sign-off: it is reviewed and signed off again first.
    expect(cycles.criterionAssessment('hp-front-door')!.status).toBe('in-progress');
    expect(await cycles.reviewCriterion('hp-front-door', 'send')).toEqual({ ok: true });
    expect(await cycles.reviewCriterion('hp-front-door', 'agree')).toEqual({ ok: true });

    await user.click(screen.getByRole('button', { name: 'Mark as final…' }));
    await user.click(screen.getByRole('button', { name: 'Confirm and mark as final' }));
    await finalised();
    await refresh();
    expect(await screen.findByRole('heading', { name: 'Reopen this cycle' })).toBeInTheDocument();
    expect((await storedCycle(cycleId)).statusHistory!.map((h) => h.change)).toEqual([
      'finalised',
      'reopened',
      'finalised',
    ]);
  });
});
