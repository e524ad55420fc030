/*
 * Keeps the Findings page's first view worked out before anyone asks: once the audits are read, and
 * again after each change to the audits or the moderations, while the browser has nothing else to do.
 * Working 10,000 audits out takes longer than a page may take to appear; done ahead, a visit draws
 * figures already there. The findings code loads then too, not with the first screen.
 */
import { untrack } from 'svelte';
import type { AuditsManager, FrameworkFinder } from './audits-manager.svelte';

/** Runs `job` when the browser is idle, after `delay` ms; returns how to cancel it. */
export type IdleScheduler = (job: () => void, delay: number) => () => void;

/** After a change, a burst of saves (an auditor typing) is worked out once, when it ends. */
const SETTLE_MS = 1000;

export const whenIdle: IdleScheduler = (job, delay) => {
  let cancelRun: () => void = () => undefined;
  const idle = () => {
    // Browsers without idle callbacks (Safari) run the job on the next turn instead.
    if (typeof requestIdleCallback === 'function') {
      const id = requestIdleCallback(job, { timeout: 5000 });
      cancelRun = () => cancelIdleCallback(id);
    } else {
      const soon = setTimeout(job);
      cancelRun = () => clearTimeout(soon);
    }
  };
  const settled = setTimeout(() => {
    // After the next frame, so what the page was just asked to show (the pages redrawn after a
    // restore, the overview on opening) is on the screen before the job takes the thread.
    if (typeof requestAnimationFrame !== 'function') return idle();
    const frame = requestAnimationFrame(idle);
    cancelRun = () => cancelAnimationFrame(frame);
  }, delay);
  return () => {
    clearTimeout(settled);
    cancelRun();
  };
};

const findingsCode = () => import('../domain/case-audit/findings-view');

export function keepFindingsReady(
  audits: AuditsManager,
  library: FrameworkFinder,
  schedule: IdleScheduler = whenIdle,
): () => void {
  let opened = false;
  return $effect.root(() => {
    $effect(() => {
      // Read to be told of each change: the kept views stand until one of these lists is replaced.
      void audits.moderations;
      const framework = audits.findingsFramework(library);
      if (!framework) return;
      const delay = opened ? SETTLE_MS : 0;
      opened = true;
      return schedule(() => {
        void findingsCode().then(({ computeFindingsView, FIRST_CHOICES }) =>
          untrack(() => audits.findingsView(framework, FIRST_CHOICES, computeFindingsView)),
        );
      }, delay);
    });
  });
}
