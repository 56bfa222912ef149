/**
 * Wraps a reload so it never runs twice at once: calls made while it runs are folded into one
 * more run after it ends. A burst of change events thus costs two reloads, not one per event.
 */
export function coalesce(task: () => Promise<unknown>): () => void {
  let running = false;
  let again = false;
  const run = (): void => {
    if (running) {
      again = true;
      return;
    }
    running = true;
    void task()
      .catch(() => undefined)
      .finally(() => {
        running = false;
        if (again) {
          again = false;
          run();
        }
      });
  };
  return run;
}
