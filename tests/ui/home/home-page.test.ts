import { render, screen } from '@testing-library/svelte';
import { beforeEach, describe, expect, it } from 'vitest';
import { cycleLabel, cycleStartYear } from '../../../src/domain/format/dates';
import { workbookDatabase } from '../../../src/storage/db';
import { cycles, registers, settings, today } from '../../../src/state/services';
import HomePage from '../../../src/ui/home/HomePage.svelte';
import { shippedFramework } from '../../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const thisYear = cycleLabel(cycleStartYear(today()));

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await settings.load();
  await registers.load();
  await cycles.reload();
});

function task(name: string | RegExp) {
  const link = screen.getByRole('link', { name });
  const item = link.closest('li')!;
  return { link, status: item.querySelector('.govuk-task-list__status')!.textContent!.trim() };
}

describe('the start page', () => {
  it('says what to do first, in order, on an empty workspace, and offers the example', async () => {
    render(HomePage);
    const you = task('Your name and council');
    expect(you.status).toBe('Not yet started');
    expect(you.link).toHaveAttribute('href', '#/settings');
    const start = task(`Start the ${thisYear} self-assessment`);
    expect(start.status).toBe('Not yet started');
    expect(start.link).toHaveAttribute('href', '#/self-assessment');
    expect((you.link.compareDocumentPosition(start.link) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0).toBe(
      true,
    );
    expect(await screen.findByRole('button', { name: 'Load example' })).toBeInTheDocument();
  });

  it('ticks off your name and council, and continues the cycle once one is started', async () => {
    await settings.save({ userName: 'Sam Example', councilName: 'Northtown Borough Council' });
    const outcome = await cycles.create(framework, 2025);
    if (!outcome.ok) throw new Error(outcome.message);
    render(HomePage);
    expect(task('Your name and council').status).toBe('Completed');
    expect(screen.getByText('Sam Example, Northtown Borough Council')).toBeInTheDocument();
    const going = task('Continue the 2025–26 self-assessment');
    expect(going.status).toBe('In progress');
    expect(going.link).toHaveAttribute('href', `#/self-assessment/cycles/${outcome.cycleId}`);
    expect(await screen.findByText(/this one has records in it/)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load example' })).not.toBeInTheDocument();
  });

  it('shows half-done settings as in progress, saying what is missing', async () => {
    await settings.save({ userName: 'Sam Example' });
    render(HomePage);
    expect(task('Your name and council').status).toBe('In progress');
    expect(task('Your name and council').link).toHaveAccessibleDescription(
      /Add your council’s name: it is printed on every export\. In progress/,
    );
  });
});
