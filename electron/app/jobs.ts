/** Long work under way, by the job id its caller chose, so that the caller can cancel it. */
export class Jobs {
  private readonly running = new Map<string, AbortController>();

  /** A signal for one call; with a job id, the call can be cancelled until `finish`. */
  start(jobId: string | undefined): AbortSignal {
    const controller = new AbortController();
    if (jobId) this.running.set(jobId, controller);
    return controller.signal;
  }

  finish(jobId: string | undefined): void {
    if (jobId) this.running.delete(jobId);
  }

  cancel(jobId: string): boolean {
    const job = this.running.get(jobId);
    job?.abort();
    return job !== undefined;
  }

  cancelAll(): void {
    for (const job of this.running.values()) job.abort();
  }
}
