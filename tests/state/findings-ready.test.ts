import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { flushSync } from 'svelte';
import { criterionIdsOfTool } from '../../src/domain/case-audit/audit-record';
import * as findingsView from '../../src/domain/case-audit/findings-view';
import { AuditsManager } from '../../src/state/audits-manager.svelte';
import { keepFindingsReady, whenIdle, type IdleScheduler } from '../../src/state/findings-ready.svelte';
import { SaveStatusManager } from '../../src/state/save-status.svelte';
import { openWorkbookDatabase, type WorkbookDatabase } from '../../src/storage/db';
import { auditsRepository } from '../../src/storage/repositories/audits-repository';
import { AUTHOR, makeCaseAudit, nextId } from '../helpers/builders';
import { shippedFramework } from '../helpers/frameworks';

const framework = shippedFramework('ilacs-2023');
const tool = framework.auditTools.find((t) => t.caseType !== 'multi-agency')!;
const completed = (id: string) =>
  makeCaseAudit({
    id,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    toolId: tool.id,
    status: 'complete',
    overallGrade: 'good',
    criterionIds: criterionIdsOfTool(tool),
  });
/** The library as the manager asks it: by id and version. */
const library = {
  find: (id: string, version: number) =>
    id === framework.id && version === framework.version ? { framework } : undefined,
};

/** Jobs wait here until the test says the browser is idle; a cancelled job never runs. */
function manualIdle() {
  const jobs: { job: () => void; delay: number; cancelled: boolean }[] = [];
  const schedule: IdleScheduler = (job, delay) => {
    const entry = { job, delay, cancelled: false };
    jobs.push(entry);
    return () => (entry.cancelled = true);
  };
  const runWaiting = async () => {
    for (const entry of jobs.splice(0)) if (!entry.cancelled) entry.job();
    await vi.dynamicImportSettled();
  };
  return { jobs, schedule, runWaiting };
}

let db: WorkbookDatabase;
let manager: AuditsManager;
let stop: (() => void) | undefined;
beforeEach(async () => {
  db = openWorkbookDatabase(`findings-ready-${crypto.randomUUID()}`);
  await db.open();
  manager = new AuditsManager(auditsRepository(db), new SaveStatusManager(), () => AUTHOR, nextId);
});
afterEach(async () => {
  stop?.();
  await db.delete();
});

describe('the Findings page’s first view, kept ready', () => {
  it('is worked out while idle after opening, so the page’s first visit finds it done', async () => {
    await db.caseAudits.bulkAdd([completed('a1'), completed('a2')]);
    await manager.load();
    const idle = manualIdle();
    stop = keepFindingsReady(manager, library, idle.schedule);
    flushSync();
    expect(idle.jobs.map((j) => j.delay)).toEqual([0]);
    const compute = vi.spyOn(findingsView, 'computeFindingsView');
    await idle.runWaiting();
    expect(compute).toHaveBeenCalledTimes(1);

    // The page asks with the choices it starts with: the view is there, nothing is worked out again.
    const never = vi.fn(() => undefined);
    const view = manager.findingsView(framework, { ...findingsView.FIRST_CHOICES }, never);
    expect(never).not.toHaveBeenCalled();
    expect(view?.audits.map((a) => a.id).sort()).toEqual(['a1', 'a2']);
  });

  it('is worked out again once a burst of changes settles, never for each change', async () => {
    await db.caseAudits.bulkAdd([completed('a1')]);
    await manager.load();
    const idle = manualIdle();
    stop = keepFindingsReady(manager, library, idle.schedule);
    flushSync();
    await idle.runWaiting();

    await manager.saveAudit(completed('a2'));
    flushSync();
    await manager.saveAudit(completed('a3'));
    flushSync();
    expect(idle.jobs.map((j) => [j.delay, j.cancelled])).toEqual([
      [1000, true],
      [1000, false],
    ]);
    await idle.runWaiting();
    const never = vi.fn(() => undefined);
    const view = manager.findingsView(framework, findingsView.FIRST_CHOICES, never);
    expect(never).not.toHaveBeenCalled();
    expect(view?.audits.map((a) => a.id).sort()).toEqual(['a1', 'a2', 'a3']);
  });

  it('waits for audits and a framework to compare them on', async () => {
    await manager.load();
    const idle = manualIdle();
    stop = keepFindingsReady(manager, { find: () => undefined }, idle.schedule);
    flushSync();
    expect(idle.jobs).toEqual([]);
  });
});

describe('the idle scheduler', () => {
  it('starts a job only once the next frame is drawn and the browser is then idle', () => {
    vi.useFakeTimers();
    const frames: FrameRequestCallback[] = [];
    const idles: IdleRequestCallback[] = [];
    vi.stubGlobal('requestAnimationFrame', (f: FrameRequestCallback) => frames.push(f));
    vi.stubGlobal('cancelAnimationFrame', (id: number) => frames.splice(id - 1, 1, () => undefined));
    vi.stubGlobal('requestIdleCallback', (f: IdleRequestCallback) => idles.push(f));
    vi.stubGlobal('cancelIdleCallback', (id: number) => idles.splice(id - 1, 1, () => undefined));
    try {
      const [kept, cancelled] = [vi.fn(), vi.fn()];
      whenIdle(kept, 0);
      const cancel = whenIdle(cancelled, 0);
      vi.runAllTimers();
      expect(idles).toHaveLength(0);
      cancel();
      for (const frame of frames) frame(0);
      expect(kept).not.toHaveBeenCalled();
      expect(idles).toHaveLength(1);
      for (const run of idles) run({} as IdleDeadline);
      expect(kept).toHaveBeenCalledTimes(1);
      expect(cancelled).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
      vi.useRealTimers();
    }
  });
});

describe('the idle scheduler, where the browser has no idle callbacks', () => {
  it('runs a job after its delay, and never one cancelled after its delay but before it ran', () => {
    vi.useFakeTimers();
    try {
      expect(typeof globalThis.requestIdleCallback).toBe('undefined');
      const [kept, cancelled] = [vi.fn(), vi.fn()];
      whenIdle(kept, 1000);
      const cancel = whenIdle(cancelled, 1000);
      vi.advanceTimersByTime(1000);
      cancel();
      vi.runAllTimers();
      expect(kept).toHaveBeenCalledTimes(1);
      expect(cancelled).not.toHaveBeenCalled();
    } finally {
      vi.useRealTimers();
    }
  });
});
