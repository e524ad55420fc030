/*
 * The comments panel as a person uses it: add a comment that mentions a colleague, reply, resolve and
 * reopen the thread, edit and delete only their own, undo a delete; an empty comment is refused in a
 * GOV.UK error summary; a draft survives leaving the page. Stored through the real repository.
 */
import { render, screen, waitFor, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { CommentTarget } from '../../../src/domain/comments/records';
import { comments, registers, settings } from '../../../src/state/services';
import { workbookDatabase } from '../../../src/storage/db';
import { commentsRepository } from '../../../src/storage/repositories/comments-repository';
import CommentsPanel from '../../../src/ui/comments/CommentsPanel.svelte';
import { AUTHOR, makeAction, makeComment } from '../../helpers/builders';

vi.setConfig({ testTimeout: 30_000 });
const target: CommentTarget = { kind: 'criterion', id: 'ca-1', cycleId: 'cycle-1' };

beforeEach(async () => {
  const db = workbookDatabase();
  await db.delete();
  await db.open();
  await db.actions.add(makeAction({ owner: 'Priya Shah' }));
  await settings.load();
  await settings.save({ userName: 'Sam Lee' });
  await Promise.all([registers.load(), comments.load()]);
});

const stored = () => commentsRepository(workbookDatabase()).listComments();

describe('the comments panel', () => {
  it('adds a comment with a mention, replies, resolves and reopens the thread', async () => {
    const user = userEvent.setup();
    render(CommentsPanel, { props: { target } });
    const panel = screen.getByRole('region', { name: 'Comments' });
    expect(panel).toHaveTextContent('No open comments.');
    await user.type(within(panel).getByLabelText('Add a comment'), 'Can @priya shah add the audit figures?');
    await user.click(within(panel).getByRole('button', { name: 'Add comment' }));

    expect(await within(panel).findByText('@priya shah', { selector: 'strong' })).toBeInTheDocument();
    expect(panel).toHaveTextContent('1 open comment');
    expect(within(panel).getByText('Sam Lee')).toBeInTheDocument();
    const [saved] = await stored();
    expect(saved).toMatchObject({ target, by: 'Sam Lee', mentions: ['Priya Shah'] });

    await user.click(within(panel).getByRole('button', { name: 'Reply to Sam Lee' }));
    await user.type(within(panel).getByLabelText('Your reply'), 'Done.');
    await user.click(within(panel).getByRole('button', { name: 'Send reply' }));
    expect(await within(panel).findByText('Done.')).toBeInTheDocument();
    expect((await stored()).find((c) => c.body === 'Done.')?.parentId).toBe(saved!.id);

    await user.click(within(panel).getByRole('button', { name: /^Resolve/ }));
    expect(await within(panel).findByText(/^Resolved by Sam Lee on \d\d\/\d\d\/\d{4}/)).toBeInTheDocument();
    expect(panel).toHaveTextContent('No open comments.');
    expect((await stored()).find((c) => c.id === saved!.id)?.resolvedBy).toBe('Sam Lee');

    await user.click(within(panel).getByText(/^Resolved by/));
    await user.click(within(panel).getByRole('button', { name: /^Reopen/ }));
    expect(await within(panel).findByText('1 open comment', { exact: false })).toBeInTheDocument();
    expect((await stored()).find((c) => c.id === saved!.id)?.resolvedBy).toBeUndefined();
  });

  it('refuses an empty comment in an error summary that links to the box, and saves nothing', async () => {
    const user = userEvent.setup();
    render(CommentsPanel, { props: { target } });
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    const link = screen.getByRole('link', { name: 'Enter a comment' });
    expect(link).toHaveAttribute('href', '#comment-new-ca-1');
    expect(screen.getByLabelText('Add a comment')).toHaveAccessibleDescription(/Error: Enter a comment/);
    expect(await stored()).toEqual([]);
  });

  it('offers Edit and Delete on one’s own comments only, and undoes a delete', async () => {
    const user = userEvent.setup();
    await commentsRepository(workbookDatabase()).saveComment(
      makeComment({ id: 'theirs', target, by: 'Priya Shah', body: 'Theirs', at: '2026-01-01T09:00:00.000Z' }),
      AUTHOR,
    );
    await comments.load();
    render(CommentsPanel, { props: { target } });
    await user.type(screen.getByLabelText('Add a comment'), 'Mine');
    await user.click(screen.getByRole('button', { name: 'Add comment' }));
    await screen.findByText('Mine');
    expect(screen.getAllByRole('button', { name: /^Edit/ })).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Edit comment by Priya Shah' })).toBeNull();

    await user.click(screen.getByRole('button', { name: 'Edit comment by Sam Lee' }));
    const box = screen.getByLabelText('Change your comment');
    await user.clear(box);
    await user.type(box, 'Mine, changed');
    await user.click(screen.getByRole('button', { name: 'Save comment' }));
    expect(await screen.findByText('Mine, changed')).toBeInTheDocument();
    expect(screen.getByText(/\(edited /)).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Delete comment by Sam Lee' }));
    await waitFor(() => expect(screen.queryByText('Mine, changed')).toBeNull());
    expect((await stored()).map((c) => c.body)).toEqual(['Theirs']);
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Mine, changed')).toBeInTheDocument();
  });

  it('keeps what was typed when the page is left and opened again', async () => {
    const user = userEvent.setup();
    const first = render(CommentsPanel, { props: { target } });
    await user.type(screen.getByLabelText('Add a comment'), 'Half a thought');
    first.unmount();
    render(CommentsPanel, { props: { target } });
    expect(screen.getByLabelText('Add a comment')).toHaveValue('Half a thought');
  });
});
