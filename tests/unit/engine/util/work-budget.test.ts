/** lib/engine/util/work-budget.ts: one JSON-LD time budget per verification (SECURITY.md row 49). */
import { describe, expect, it } from 'vitest';
import { createWorkBudget } from '../../../../lib/engine/util/work-budget';

/** A clock the test moves by hand. */
function manualClock() {
  let now = 1_000;
  return { read: () => now, advance: (ms: number) => void (now += ms) };
}

/** A step that spends `ms` on the manual clock, then resolves when released. */
function step(clock: ReturnType<typeof manualClock>, ms: number) {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return {
    run: async () => {
      clock.advance(ms);
      await done;
    },
    release: () => release(),
  };
}

describe('createWorkBudget', () => {
  it('charges the running time of a step', async () => {
    const clock = manualClock();
    const budget = createWorkBudget(100, clock.read);
    await budget.track(async () => clock.advance(30));
    expect(budget.remainingMs()).toBe(70);
  });

  it('steps running side by side are charged once, by the time at least one of them runs', async () => {
    const clock = manualClock();
    const budget = createWorkBudget(100, clock.read);
    const a = step(clock, 20);
    const b = step(clock, 20);
    const both = Promise.all([budget.track(a.run), budget.track(b.run)]);
    expect(budget.remainingMs()).toBe(60); // 40 ms of clock passed while both run
    a.release();
    clock.advance(10);
    b.release();
    await both;
    expect(budget.remainingMs()).toBe(50);
  });

  it('time between steps (waiting for the network) is not charged', async () => {
    const clock = manualClock();
    const budget = createWorkBudget(100, clock.read);
    await budget.track(async () => clock.advance(10));
    clock.advance(5_000);
    await budget.track(async () => clock.advance(10));
    expect(budget.remainingMs()).toBe(80);
  });

  it('a step that throws is still charged', async () => {
    const clock = manualClock();
    const budget = createWorkBudget(100, clock.read);
    await expect(budget.track(async () => {
      clock.advance(120);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    expect(budget.remainingMs()).toBeLessThanOrEqual(0);
  });
});
