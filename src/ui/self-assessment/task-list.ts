/*
 * The statuses a GOV.UK task list shows, and one task as the TaskList component draws it. Completed is
 * plain text; the others are tags, except "Cannot start yet", which is grey text with no link.
 */

export const TASK_STATUSES = {
  completed: 'Completed',
  'in-progress': 'In progress',
  'not-started': 'Not yet started',
  'cannot-start': 'Cannot start yet',
} as const;

export type TaskStatus = keyof typeof TASK_STATUSES;

export interface Task {
  /** Unique in its list: it names the hint and the status for screen readers. */
  id: string;
  title: string;
  /** An address (#/…), or a section of this page (#export). None while it cannot start. */
  href?: string;
  hint?: string;
  status: TaskStatus;
}

/** Of these statuses, which are done: "You have completed 3 of 14 tasks." */
export function countCompleted(tasks: readonly Pick<Task, 'status'>[]): number {
  return tasks.filter((t) => t.status === 'completed').length;
}

/** Not started, in progress or completed, from how much of something is done. */
export function statusOfProgress(done: number, total: number, started = done > 0): TaskStatus {
  if (total > 0 && done >= total) return 'completed';
  return started ? 'in-progress' : 'not-started';
}
