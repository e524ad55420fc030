import { afterEach, describe, expect, it, vi } from 'vitest';
import { TeamManager } from '../../src/state/team.svelte';
import { memoryStorage } from '../helpers/memory-storage';

const typed = { by: 'Typed Name', now: '2026-12-02T10:00:00.000Z' };
const joinedAs = (name: string) =>
  memoryStorage({ 'readiness-workbook-team': JSON.stringify({ id: 'u1', name, workspace: 'w' }) });

afterEach(() => vi.unstubAllGlobals());

describe('the author stamped on a change', () => {
  it('is the typed name in local mode', () => {
    const manager = new TeamManager(() => memoryStorage());
    expect(manager.stamp(typed)).toEqual(typed);
  });

  it('is the name this browser joined the team workspace as, before the server has answered', () => {
    const manager = new TeamManager(() => joinedAs('Priya Shah'));
    expect(manager.stamp(typed)).toEqual({ by: 'Priya Shah', now: typed.now });
  });

  it('is the signed-in person the server names, once team mode has started', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        Response.json({ id: 'u1', name: 'Priya Shah (Children’s services)', workspace: 'w' }),
      ),
    );
    vi.stubGlobal('location', { hash: '#/settings' });
    const manager = new TeamManager(() => joinedAs('Priya Shah'));
    vi.doMock('../../src/team/team-mode', async () => ({
      startTeamSync: async () => ({ setRoute: () => undefined }),
      accessRules: await import('../../src/team/change-access'),
    }));
    await manager.startIfJoined(async () => undefined);
    expect(manager.phase).toBe('joined');
    expect(manager.stamp(typed).by).toBe('Priya Shah (Children’s services)');
  });
});
