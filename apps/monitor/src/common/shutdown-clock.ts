/**
 * The time a stopping process has left. Its signal handler starts the clock with the whole deadline; Nest then
 * runs the steps that stop the monitor one module after another, so each step ends by its own budget or earlier,
 * keeping for the steps after it the time they need. Not started (a test closing its app), each step has its own.
 */
export class ShutdownClock {
  private deadline = Infinity;

  /** The process must be gone `totalMs` from now. */
  start(totalMs: number): void {
    this.deadline = Math.min(this.deadline, Date.now() + totalMs);
  }

  /** When a step that wants `wantMs` must end to leave `keepMs` to the steps after it (Date.now() time). */
  endOf(wantMs: number, keepMs: number): number {
    return Math.min(Date.now() + wantMs, this.deadline - keepMs);
  }
}

/** The process's one clock: a signal stops the whole process, whichever module's step is running. */
export const shutdownClock = new ShutdownClock();

/** What is left after the last results are written: closing the pools, the embedded database's stop, the exit. */
export const KEEP_FOR_EXIT_MS = 1500;

/**
 * What the steps that stop the work (the scheduler's and the deliveries' grace periods) leave to the steps that
 * keep its results (the writer's and the alert evaluator's last batches) and to the exit.
 */
export const KEEP_FOR_RESULTS_MS = 6000 + KEEP_FOR_EXIT_MS;
