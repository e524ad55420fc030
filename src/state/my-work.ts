/*
 * My work for the person using the app over the working cycle and the workspace's lists: in a team the
 * person signed in, otherwise the name typed in Settings. Loaded lazily: the navigation's count waits for
 * it. The page and the count share one result until a list, the person or the day changes.
 */
import { buildMyWork, type MyWork, type MyWorkInput } from '../domain/my-work/my-work';
import type { Route } from './router.svelte';
import { audits, cycles, frameworkLibrary, registers, settings, today } from './services';
import { team } from './team.svelte';

/** Who "my" is: '' when no name has been given (then nothing is anyone's). */
export function whoAmI(): string {
  return team.stamp({ by: settings.settings.userName.trim() }).by.trim();
}

/**
 * The count is of the working cycle, so it is open wherever the app starts, as the registers' pages open
 * it; a page of one cycle (its address names it) opens that cycle itself and is left to do so.
 */
export async function openWorkingCycleFor(route: Route): Promise<void> {
  if ('cycleId' in route || 'forCriterion' in route) return;
  await cycles.openWorkingCycle().catch(() => undefined);
}

let last: { input: MyWorkInput; access: string; work: MyWork } | undefined;

/** In a team, what is sent for review is listed for those whose role lets them agree it. */
const mayReview: NonNullable<MyWorkInput['mayReview']> = ({ table, cycleId, assignee }) =>
  team.refusal(table, { cycleId, assignee }) === undefined;

export function currentMyWork(): MyWork {
  const bundle = cycles.open;
  const framework = bundle
    ? frameworkLibrary.find(bundle.cycle.frameworkId, bundle.cycle.frameworkVersion)?.framework
    : undefined;
  const input: MyWorkInput = {
    person: whoAmI(),
    ...(bundle && framework ? { cycle: { bundle, framework } } : {}),
    rounds: audits.rounds,
    audits: audits.audits,
    moderations: audits.moderations,
    actions: registers.actions,
    today: today(),
    mayReview,
  };
  // What the person's team role allows changes without any list changing: it is part of the key.
  const access = team.refusal('narratives', { cycleId: bundle?.cycle.id ?? '', assignee: '' }) ?? '';
  if (!last || last.access !== access || !sameInput(last.input, input))
    last = { input, access, work: buildMyWork(input) };
  return last.work;
}

/** The managers replace a list whole when it changes, so the same lists mean the same work. */
function sameInput(a: MyWorkInput, b: MyWorkInput): boolean {
  return (
    a.person === b.person &&
    a.today === b.today &&
    a.cycle?.bundle === b.cycle?.bundle &&
    a.cycle?.framework === b.cycle?.framework &&
    a.rounds === b.rounds &&
    a.audits === b.audits &&
    a.moderations === b.moderations &&
    a.actions === b.actions
  );
}
