import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../../lib/extension/background/rate-limit';
import { createLimiter } from '../../../../lib/extension/background/limiter';

describe('per-tab rate limit', () => {
  it('allows a burst, refuses a flood, refills with time, and keeps tabs apart', () => {
    let t = 0;
    const limiter = createRateLimiter({ capacity: 20, refillPerSecond: 5, now: () => t });
    const results = Array.from({ length: 10_000 }, () => limiter.take(7));
    expect(results.filter(Boolean)).toHaveLength(20);
    expect(limiter.take(8)).toBe(true);
    t += 1000;
    expect(Array.from({ length: 10 }, () => limiter.take(7)).filter(Boolean)).toHaveLength(5);
  });
});

describe('concurrency limiter', () => {
  it('never runs more than max tasks at once', async () => {
    const limiter = createLimiter(4);
    let active = 0;
    let peak = 0;
    const task = async () => {
      active++;
      peak = Math.max(peak, active);
      await new Promise((r) => setTimeout(r, 5));
      active--;
    };
    await Promise.all(Array.from({ length: 12 }, () => limiter.run(task)));
    expect(peak).toBe(4);
    expect(limiter.active).toBe(0);
  });
});
