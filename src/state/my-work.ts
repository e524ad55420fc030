/*
 * My work for the person using the app (the name typed in Settings) over the working cycle and the
 * workspace's lists. Loaded lazily: the navigation's count waits for it.
 */
import { buildMyWork, type MyWork } from '../domain/my-work/my-work';
import { audits, cycles, frameworkLibrary, registers, settings, today } from './services';

/** Who "my" is: '' when no name has been given (then nothing is anyone's). */
export function whoAmI(): string {
  return settings.settings.userName.trim();
}

export function currentMyWork(): MyWork {
  const bundle = cycles.open;
  const framework = bundle
    ? frameworkLibrary.find(bundle.cycle.frameworkId, bundle.cycle.frameworkVersion)?.framework
    : undefined;
  return buildMyWork({
    person: whoAmI(),
    ...(bundle && framework ? { cycle: { bundle, framework } } : {}),
    rounds: audits.rounds,
    audits: audits.audits,
    moderations: audits.moderations,
    actions: registers.actions,
    today: today(),
  });
}
