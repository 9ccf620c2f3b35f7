/**
 * A time budget shared by concurrent steps (SECURITY.md row 49: one budget
 * for the JSON-LD work of one verification, however many proofs and status
 * lists it checks). Only the wall time during which at least one step runs is
 * charged, so two canonicalisations running side by side are not counted
 * twice, and time spent waiting for the network between steps is not counted
 * at all (SECURITY.md budgets: network excluded).
 */
export interface WorkBudget {
  /** milliseconds left; zero or less once spent */
  remainingMs(): number;
  /** runs one step, charging its running time to the budget */
  track<T>(step: () => Promise<T>): Promise<T>;
}

/** @param clock a monotonic clock in ms (tests pass their own) */
export function createWorkBudget(totalMs: number, clock: () => number = () => performance.now()): WorkBudget {
  let spent = 0;
  let running = 0;
  let busySince = 0;
  return {
    remainingMs: () => totalMs - spent - (running > 0 ? clock() - busySince : 0),
    async track(step) {
      if (running++ === 0) busySince = clock();
      try {
        return await step();
      } finally {
        if (--running === 0) spent += clock() - busySince;
      }
    },
  };
}
