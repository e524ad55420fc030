import { render, screen, waitFor } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { parseRoute, router } from '../../../src/state/router.svelte';
import { workbookDatabase } from '../../../src/storage/db';
import { cyclesRepository } from '../../../src/storage/repositories/cycles-repository';
import { registerRepository } from '../../../src/storage/repositories/register-repository';
import { cycles, frameworkLibrary, registers, saveStatus, settings } from '../../../src/state/services';
import EvidenceItemPage from '../../../src/ui/registers/evidence/EvidenceItemPage.svelte';
import CriterionPage from '../../../src/ui/self-assessment/CriterionPage.svelte';
import { completeOpenCycle } from '../../helpers/complete-cycle';
import { shippedFramework } from '../../helpers/frameworks';

const ilacs = shippedFramework('ilacs-2023');
const frontDoor = ilacs.criteria.find((c) => c.id === 'hp-front-door')!;
const BACK = `Back to ${frontDoor.ref} ${frontDoor.title}`;
let cycleId: string;

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await settings.save({ userName: 'Evie Evidence' });
  Object.assign(frameworkLibrary, {
    find: (id: string) => (id === 'ilacs-2023' ? { framework: ilacs } : undefined),
  });
  await cycles.reload();
  await registers.load();
  const outcome = await cycles.create(ilacs, 2025);
  if (!outcome.ok) throw new Error(outcome.message);
  cycleId = outcome.cycleId;
  await cycles.openCycle(cycleId);
});

async function storedLinks() {
  await saveStatus.idle();
  const bundle = await cyclesRepository(workbookDatabase()).loadCycle(cycleId);
  return bundle!.criterionAssessments.find((a) => a.criterionId === 'hp-front-door')!.evidenceIds;
}

describe('adding a new evidence item from a criterion', () => {
  it('carries the criterion and its cycle in the address of the new item', () => {
    router.replace({ name: 'criterion', cycleId, criterionId: 'hp-front-door' });
    render(CriterionPage, { bundle: cycles.open!, framework: ilacs, criterionId: 'hp-front-door' });
    const href = screen
      .getByRole('link', { name: 'Add a new evidence item to the register' })
      .getAttribute('href')!;
    expect(parseRoute(href)).toEqual({
      name: 'evidence-item',
      id: 'new',
      forCriterion: { cycleId, criterionId: 'hp-front-door' },
    });
  });

  it('links it to that criterion on its first save and offers the way back there', async () => {
    const user = userEvent.setup();
    render(EvidenceItemPage, { id: 'new', forCriterion: { cycleId, criterionId: 'hp-front-door' } });
    expect(
      screen.getByText(/Once it has a title, this item is added to the register and linked to HP2/),
    ).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: BACK })).not.toBeInTheDocument();

    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Front door dip sample, spring');
    await user.tab();

    const [saved] = await registerRepository(workbookDatabase()).listEvidence();
    expect(saved!.title).toBe('Front door dip sample, spring');
    expect(await storedLinks()).toEqual([saved!.id]);
    expect(await screen.findByText(/Added to the register and linked to HP2/)).toBeInTheDocument();
    const back = screen.getAllByRole('link', { name: BACK });
    expect(back).toHaveLength(2);
    for (const link of back)
      expect(link).toHaveAttribute('href', `#/self-assessment/cycles/${cycleId}/criteria/hp-front-door`);
    // The saved item keeps where it came from in its address, so a reload still offers the way back.
    expect(parseRoute(location.hash)).toMatchObject({
      name: 'evidence-item',
      id: saved!.id,
      forCriterion: { cycleId, criterionId: 'hp-front-door' },
    });

    // Later changes do not link it again.
    await user.type(screen.getByRole('textbox', { name: 'Owner' }), 'QA team');
    await user.tab();
    expect(await storedLinks()).toEqual([saved!.id]);
  });

  it('does not link a saved item again when its address is opened again', async () => {
    const user = userEvent.setup();
    const first = render(EvidenceItemPage, {
      id: 'new',
      forCriterion: { cycleId, criterionId: 'hp-front-door' },
    });
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Survey');
    await user.tab();
    const [saved] = await registerRepository(workbookDatabase()).listEvidence();
    await waitFor(async () => expect(await storedLinks()).toEqual([saved!.id]));
    await cycles.linkEvidence(saved!.id, []);
    expect(await storedLinks()).toEqual([]);
    first.unmount();

    render(EvidenceItemPage, { id: saved!.id, forCriterion: { cycleId, criterionId: 'hp-front-door' } });
    await user.type(screen.getByRole('textbox', { name: 'Owner' }), 'QA');
    await user.tab();
    expect(await storedLinks()).toEqual([]);
  });

  it('says a final cycle cannot take the link, and still adds the item', async () => {
    await completeOpenCycle(cycles, ilacs);
    expect(await cycles.finalise(ilacs)).toEqual({ ok: true });
    const user = userEvent.setup();
    render(EvidenceItemPage, { id: 'new', forCriterion: { cycleId, criterionId: 'hp-front-door' } });
    expect(
      screen.getByText(/final and locked, so this item will be added to the register but not linked/),
    ).toBeInTheDocument();
    await user.type(screen.getByRole('textbox', { name: 'Title' }), 'Late evidence');
    await user.tab();
    expect(await registerRepository(workbookDatabase()).listEvidence()).toHaveLength(1);
    expect(await storedLinks()).toEqual([]);
    expect(await screen.findByText('Added to the register.', { exact: false })).toBeInTheDocument();
  });
});
