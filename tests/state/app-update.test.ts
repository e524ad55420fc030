import { describe, expect, it, vi } from 'vitest';
import { AppUpdateManager } from '../../src/state/app-update.svelte';
import { SaveStatusManager } from '../../src/state/save-status.svelte';

function started() {
  const saves = new SaveStatusManager();
  const manager = new AppUpdateManager(saves);
  const update = vi.fn(async () => undefined);
  let callbacks!: { onNeedRefresh: () => void; onOfflineReady: () => void };
  manager.start((c) => {
    callbacks = c;
    return update;
  });
  return { saves, manager, update, callbacks };
}

describe('updating to a new version', () => {
  it('offers the update when the new version is ready, and says when the app works offline', () => {
    const { manager, callbacks } = started();
    expect(manager.needRefresh).toBe(false);
    callbacks.onOfflineReady();
    expect(manager.offlineReady).toBe(true);
    callbacks.onNeedRefresh();
    expect(manager.needRefresh).toBe(true);
    manager.later();
    expect(manager.needRefresh).toBe(false);
  });

  it('writes what was being typed and waits for every save before reloading', async () => {
    const { saves, manager, update } = started();
    const order: string[] = [];
    saves.registerFlusher(() => {
      order.push('typed text flushed');
      void saves.run(async () => {
        await new Promise((resolve) => setTimeout(resolve, 20));
        order.push('saved');
      });
    });
    update.mockImplementation(async () => {
      order.push('reloaded');
    });
    await manager.apply();
    expect(order).toEqual(['typed text flushed', 'saved', 'reloaded']);
    expect(update).toHaveBeenCalledWith(true);
  });

  it('does not reload while a change could not be saved, and says so', async () => {
    const { saves, manager, update } = started();
    await saves.run(async () => {
      throw new DOMException('Quota exceeded', 'QuotaExceededError');
    });
    await manager.apply();
    expect(update).not.toHaveBeenCalled();
    expect(manager.problem).toMatch(/^Not updated yet: a change could not be saved/);
    expect(manager.updating).toBe(false);
  });
});
