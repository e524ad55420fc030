import { render, screen } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import CycleArchive from '../../../src/ui/self-assessment/CycleArchive.svelte';
import { shippedFramework } from '../../helpers/frameworks';

describe('what was kept from last year', () => {
  it('shows grades and self-evaluation questions in the framework’s words, never their codes', () => {
    const ilacs2023 = shippedFramework('ilacs-2023');
    const question = ilacs2023.selfEvaluation[0]!;
    render(CycleArchive, {
      framework: ilacs2023,
      archive: [
        {
          kind: 'judgement-assessment',
          oldId: 'j-1',
          title: 'Overall effectiveness',
          record: { agreedGrade: 'requires-improvement', rationale: 'Leaders know where practice is weak.' },
        },
        {
          kind: 'narrative',
          oldId: 'n-1',
          title: 'Overall effectiveness',
          record: { answers: { [question.id]: 'We audit monthly.' } },
        },
      ],
    });
    expect(screen.getByText('Requires improvement to be good')).toBeInTheDocument();
    expect(screen.getByText(question.question)).toBeInTheDocument();
    expect(screen.queryByText('requires-improvement')).toBeNull();
    expect(screen.queryByText(question.id)).toBeNull();
  });
});
