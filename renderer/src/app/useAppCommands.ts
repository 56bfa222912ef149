import { useEffect, useRef } from 'react';
import type { AppCommand } from '../../../electron/contract';
import { api } from '../api/client';
import { commandForKey } from './shortcuts';

/**
 * Runs the app's commands: from their shortcuts anywhere in the window, and in the desktop app
 * from the menu. `run` may change on every render; the latest one is used.
 */
export function useAppCommands(run: (command: AppCommand) => void): void {
  const latest = useRef(run);
  useEffect(() => {
    latest.current = run;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const name = commandForKey(event);
      if (!name) return;
      event.preventDefault();
      latest.current({ name });
    };
    window.addEventListener('keydown', onKey);
    const stopCommands = api.onCommand((command) => latest.current(command));
    return () => {
      window.removeEventListener('keydown', onKey);
      stopCommands();
    };
  }, []);
}
