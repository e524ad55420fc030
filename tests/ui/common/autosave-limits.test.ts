/*
 * The text fields hold no more than a backup can: a line up to the line limit, a long text up to the
 * long-text limit, with a GOV.UK-style character count once three quarters of it is used.
 */
import { fireEvent, render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../../../src/domain/workspace/limits';
import AutosaveField from '../../../src/ui/common/AutosaveField.svelte';
import AutosaveTextarea from '../../../src/ui/common/AutosaveTextarea.svelte';

const onsave = () => undefined;

describe('text fields and their limits', () => {
  it('limits a one-line field to a line, and a text area to a long text', () => {
    render(AutosaveField, { id: 'ref', label: 'Case reference', value: '', onsave });
    render(AutosaveField, { id: 'notes', label: 'Notes', value: '', multiline: true, onsave });
    render(AutosaveTextarea, { id: 'strengths', label: 'Strengths', value: '', onsave });
    expect(screen.getByLabelText('Case reference')).toHaveAttribute('maxlength', String(TEXT_LIMITS.line));
    expect(screen.getByLabelText('Notes')).toHaveAttribute('maxlength', String(TEXT_LIMITS.longText));
    expect(screen.getByLabelText('Strengths')).toHaveAttribute('maxlength', String(TEXT_LIMITS.longText));
    expect(screen.getByLabelText('Strengths')).toHaveAccessibleDescription(
      'You can enter up to 100,000 characters',
    );
  });

  it('counts what is left once three quarters of the limit is used', async () => {
    render(AutosaveTextarea, { id: 'why', label: 'Why', value: 'x'.repeat(70), maxlength: 100, onsave });
    const area = screen.getByLabelText('Why');
    expect(screen.queryByText(/characters remaining/)).toBeNull();
    await fireEvent.input(area, { target: { value: 'x'.repeat(80) } });
    expect(screen.getByText('You have 20 characters remaining')).toBeInTheDocument();
    await fireEvent.input(area, { target: { value: 'x'.repeat(100) } });
    expect(screen.getByText(/You have reached the limit of 100 characters/)).toBeInTheDocument();
  });

  it('shows a text that is already too long as an error, without cutting it', () => {
    render(AutosaveField, {
      id: 'long',
      label: 'Long',
      value: 'y'.repeat(12),
      multiline: true,
      maxlength: 10,
      onsave,
    });
    expect(screen.getByLabelText('Long')).toHaveValue('y'.repeat(12));
    expect(screen.getByText('You have 2 characters too many')).toHaveClass('govuk-error-message');
  });

  it('puts in no snippet that would not fit, and says so', async () => {
    const { component } = render(AutosaveTextarea, {
      id: 'answer',
      label: 'Answer',
      value: 'z'.repeat(95),
      maxlength: 100,
      onsave,
    });
    (component as unknown as { insertAtCursor(s: string): void }).insertAtCursor('[Evidence: a long title]');
    await Promise.resolve();
    expect(screen.getByLabelText('Answer')).toHaveValue('z'.repeat(95));
    expect(await screen.findByText(/There is no room for that here/)).toBeInTheDocument();
  });
});
