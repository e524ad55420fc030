/*
 * People and roles as an administrator uses it: everyone who has signed in, by name, with their roles;
 * a partner-agency auditor needs an agency before anything is sent; a saved grant shows in the record.
 * The team server is a stand-in here; tests/server/roles-permissions.test.mjs runs the real one.
 */
import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import PeoplePanel from '../../../src/ui/team/PeoplePanel.svelte';

const rita = {
  userId: 'rita',
  name: 'Rita Novak',
  email: 'rita@council.example',
  roles: ['reader'],
  granted: [] as string[],
  agency: null,
  seenAt: '2026-12-01T09:00:00.000Z',
};
const priya = { ...rita, userId: 'priya', name: 'Priya Shah', email: undefined, roles: ['admin'] };

function server() {
  const posted: unknown[] = [];
  let known = [priya, rita];
  let changes: unknown[] = [
    { kind: 'allocation', at: '2026-12-01T08:00:00.000Z', by: 'priya', subject: 'round:x' },
  ];
  const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
    if (init?.method === 'POST') {
      const body = JSON.parse(String(init.body)) as { id: string; roles: string[] };
      posted.push(body);
      known = known.map((p) =>
        p.userId === body.id ? { ...p, granted: body.roles, roles: [...body.roles, 'reader'].sort() } : p,
      );
      changes = [
        {
          kind: 'grant',
          at: '2026-12-02T10:30:00.000Z',
          by: 'priya',
          subject: body.id,
          before: null,
          after: { roles: body.roles, agency: null },
        },
        ...changes,
      ];
      return Response.json({ person: {} });
    }
    return Response.json({ people: [], known, changes });
  });
  vi.stubGlobal('fetch', fetch);
  return posted;
}

afterEach(() => vi.unstubAllGlobals());

describe('people and roles', () => {
  it('lists everyone who has signed in and saves the roles given here, recording the change', async () => {
    const user = userEvent.setup();
    const posted = server();
    render(PeoplePanel);
    const row = (await screen.findByRole('cell', { name: /^Rita Novak/ })).closest('tr')!;
    expect(row).toHaveTextContent('rita@council.example');
    expect(within(row).getByText('Reader')).toBeInTheDocument();
    expect(screen.getByText('No roles have been given here yet.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Change the roles given to Rita Novak' }));
    await user.click(screen.getByLabelText('Partner-agency auditor'));
    await user.click(screen.getByRole('button', { name: 'Save roles' }));
    expect(screen.getByText('Enter the partner agency, such as police or health')).toBeInTheDocument();
    expect(posted).toEqual([]);

    await user.click(screen.getByLabelText('Partner-agency auditor'));
    await user.click(screen.getByLabelText('Contributor'));
    await user.click(screen.getByRole('button', { name: 'Save roles' }));
    expect(await screen.findByText('Rita Novak’s roles are saved.')).toBeInTheDocument();
    expect(posted).toEqual([{ id: 'rita', roles: ['contributor'] }]);
    expect(screen.getByTestId('role-changes')).toHaveTextContent(
      'Priya Shah set Rita Novak’s roles to Contributor on 02/12/2026, 10:30',
    );
    const updated = screen.getByRole('cell', { name: /^Rita Novak/ }).closest('tr')!;
    expect(updated).toHaveTextContent(/Contributor, Reader\s*Contributor/);
  });

  it('says why when the server refuses', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => Response.json({ error: 'forbidden' }, { status: 403 })),
    );
    render(PeoplePanel);
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Only a workspace administrator can see and change people’s roles.',
    );
  });
});
