/*
 * Saving typed text as the user types: a short pause after the last keystroke, at once when the
 * field loses focus, and before the tab is hidden or the field goes away. Nothing typed is dropped.
 */
import { saveStatus } from './save-status.svelte';

export interface Autosave {
  /** Call on every keystroke. */
  schedule(): void;
  /** Writes now if the text changed since the last write. */
  flush(): void;
  /** Flushes and stops listening for the tab closing. */
  dispose(): void;
  /** True when nothing typed is waiting to be saved: the field may then show a newer stored text. */
  isClean(): boolean;
  /** The field now shows `text`, stored elsewhere (another tab, a team member): nothing to save. */
  reset(text: string): void;
}

export function createAutosave(
  initial: string,
  currentText: () => string,
  onsave: (text: string) => void,
  delayMs = 400,
): Autosave {
  let lastSaved = initial;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function flush() {
    clearTimeout(timer);
    timer = undefined;
    const text = currentText();
    if (text === lastSaved) return;
    lastSaved = text;
    onsave(text);
  }

  const unregister = saveStatus.registerFlusher(flush);
  return {
    schedule() {
      clearTimeout(timer);
      timer = setTimeout(flush, delayMs);
    },
    flush,
    dispose() {
      flush();
      unregister();
    },
    isClean: () => timer === undefined && currentText() === lastSaved,
    reset(text) {
      lastSaved = text;
    },
  };
}
