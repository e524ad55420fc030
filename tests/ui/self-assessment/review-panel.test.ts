import { render, screen, within } from '@testing-library/svelte';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import ReviewPanel from '../../../src/ui/self-assessment/ReviewPanel.svelte';
import { asReviewable } from '../../../src/domain/self-assessment/narrative-review';
import { makeCriterionAssessment, makeNarrative } from '../../helpers/builders';

const EDIT_HINT = 'Changing the grade, confidence or text sends it back to in progress.';
const requested = { requestedBy: 'Sam Okafor', requestedAt: '2026-05-01T09:00:00.000Z' };

describe('the review and sign-off panel', () => {
  it('sends a criterion in progress for review', async () => {
    const onreview = vi.fn().mockResolvedValue({ ok: true });
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'in-progress' }),
      locked: false,
      onreview,
    });
    expect(screen.getByRole('region', { name: 'Review and sign-off' })).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Send for review' }));
    expect(onreview).toHaveBeenCalledWith('send', undefined);
    expect(screen.queryByRole('button', { name: 'Agree' })).toBeNull();
  });

  it('agrees a criterion ready for review', async () => {
    const onreview = vi.fn().mockResolvedValue({ ok: true });
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'ready-for-review', review: requested }),
      locked: false,
      onreview,
    });
    expect(screen.getByText('Sent for review by Sam Okafor on 01/05/2026.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Agree' }));
    expect(onreview).toHaveBeenCalledWith('agree', undefined);
  });

  it('refuses to send back without a comment, with a GOV.UK error summary linked to the field', async () => {
    const onreview = vi.fn().mockResolvedValue({ ok: true });
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'ready-for-review', review: requested }),
      locked: false,
      onreview,
    });
    await userEvent.click(screen.getByRole('button', { name: 'Send back' }));
    expect(onreview).not.toHaveBeenCalled();
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('There is a problem');
    const link = screen.getByRole('link', { name: 'Enter what needs to change before it can be agreed' });
    expect(link).toHaveAttribute('href', '#review-comment');
    const field = screen.getByLabelText('What needs to change?');
    expect(field).toHaveAccessibleDescription(/Error: Enter what needs to change/);

    await userEvent.type(field, 'Add the audit findings.');
    await userEvent.click(screen.getByRole('button', { name: 'Send back' }));
    expect(onreview).toHaveBeenCalledWith('send-back', 'Add the audit findings.');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('shows the sent-back comment until it is sent again', () => {
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({
        status: 'in-progress',
        review: {
          ...requested,
          sentBack: { by: 'Priya Shah', at: '2026-05-02T10:00:00.000Z', comment: 'Add the audit findings.' },
        },
      }),
      locked: false,
      onreview: vi.fn(),
    });
    expect(screen.getByText('Sent back by Priya Shah on 02/05/2026:')).toBeInTheDocument();
    expect(screen.getByText('Add the audit findings.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send for review' })).toBeInTheDocument();
  });

  it('shows who signed off and when, and offers no steps in a final cycle', () => {
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({
        status: 'agreed',
        review: { ...requested, signedOffBy: 'Priya Shah', signedOffAt: '2026-05-02T10:00:00.000Z' },
      }),
      locked: true,
      onreview: vi.fn(),
    });
    expect(screen.getByText('Signed off by Priya Shah on 02/05/2026.')).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('says so when a criterion was agreed before sign-off was recorded', () => {
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'agreed' }),
      locked: false,
      onreview: vi.fn(),
    });
    expect(screen.getByText('Agreed before sign-off was recorded.')).toBeInTheDocument();
  });

  it('offers Agree and Send back for a criterion ready for review before review was recorded', () => {
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'ready-for-review' }),
      locked: false,
      onreview: vi.fn(),
    });
    expect(screen.getByText('Sent for review before review was recorded.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Agree' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Send back' })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Send for review' })).toBeNull();
  });

  it('reviews a judgement’s self-evaluation under its own heading and ids, beside a criterion’s', async () => {
    const onreview = vi.fn().mockResolvedValue({ ok: true });
    render(ReviewPanel, {
      editHint: 'Changing an answer sends it back to in progress.',
      record: asReviewable(makeNarrative({ status: 'ready-for-review', review: requested })),
      locked: false,
      idPrefix: 'self-evaluation-review',
      heading: 'Review of the self-evaluation',
      onreview,
    });
    const region = screen.getByRole('region', { name: 'Review of the self-evaluation' });
    await userEvent.click(within(region).getByRole('button', { name: 'Send back' }));
    expect(onreview).not.toHaveBeenCalled();
    expect(screen.getByRole('link', { name: /Enter what needs to change/ })).toHaveAttribute(
      'href',
      '#self-evaluation-review-comment',
    );
    await userEvent.type(screen.getByLabelText('What needs to change?'), 'Say how you know.');
    await userEvent.click(within(region).getByRole('button', { name: 'Send back' }));
    expect(onreview).toHaveBeenCalledWith('send-back', 'Say how you know.');
  });

  it('leaves the decision to an administrator in a team, for anyone else', () => {
    render(ReviewPanel, {
      editHint: EDIT_HINT,
      record: makeCriterionAssessment({ status: 'ready-for-review', review: requested }),
      locked: false,
      mayDecide: false,
      onreview: vi.fn(),
    });
    expect(
      screen.getByText('A workspace administrator will agree it or send it back with a comment.'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button')).toBeNull();
  });
});
