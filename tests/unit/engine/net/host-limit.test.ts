/** At most a few requests in flight per host, shared by every verification (lib/engine/net/host-limit.ts). */
import { describe, expect, it } from 'vitest';
import { createHostLimiter } from '../../../../lib/engine/net/host-limit';
import { createFetcher } from '../../../../lib/engine/net/safe-fetch';

/** A task that runs until released, recording how many of its host ran at once. */
function gate() {
  let running = 0;
  let peak = 0;
  const releases: Array<() => void> = [];
  const task = () => {
    running++;
    peak = Math.max(peak, running);
    return new Promise<void>((resolve) => releases.push(() => (running--, resolve())));
  };
  return { task, releaseAll: () => releases.splice(0).forEach((r) => r()), peak: () => peak, started: () => releases.length };
}

const tick = () => new Promise((r) => setTimeout(r, 0));

describe('host limiter', () => {
  it('runs at most the limit per host, the rest in turn, and other hosts are not held up', async () => {
    const limiter = createHostLimiter(2);
    const a = gate();
    const b = gate();
    const done = [...Array.from({ length: 5 }, () => limiter.run('a.example', a.task)), limiter.run('b.example', b.task)];
    await tick();
    expect(a.started()).toBe(2);
    expect(b.started()).toBe(1);
    for (let i = 0; i < 5; i++) {
      a.releaseAll();
      b.releaseAll();
      await tick();
    }
    await Promise.all(done);
    expect(a.peak()).toBe(2);
    expect(limiter.active('a.example')).toBe(0);
  });

  it('a task still waiting when its signal aborts never starts, and its turn goes to the next', async () => {
    const limiter = createHostLimiter(1);
    const g = gate();
    const first = limiter.run('a.example', g.task);
    const controller = new AbortController();
    let abortedRan = false;
    const aborted = limiter.run('a.example', async () => void (abortedRan = true), controller.signal);
    const third = limiter.run('a.example', g.task);
    controller.abort(new Error('deadline'));
    await expect(aborted).rejects.toThrow('deadline');
    g.releaseAll();
    await tick();
    expect(g.started()).toBe(1); // the third task has its turn
    g.releaseAll();
    await Promise.all([first, third]);
    expect(abortedRan).toBe(false);
  });
});

describe('safe fetch with a host limiter', () => {
  it('a host that hangs: the requests queued behind it give up at their deadline (FETCH_TIMEOUT) and are never sent', async () => {
    const sent: string[] = [];
    // a server that accepts the connection and never answers, holding its slot
    const hanging = async (url: string) => {
      sent.push(url);
      return new Promise<Response>(() => {});
    };
    const hostLimiter = createHostLimiter(1);
    const fetcher = createFetcher({ allowHosts: new Set(), transport: hanging, timeoutMs: 40, hostLimiter });
    void fetcher('https://slow.example/did.json', 'did-document');
    const queued = await Promise.allSettled([fetcher('https://slow.example/status/1', 'status-list'), fetcher('https://slow.example/status/2', 'status-list')]);
    expect(queued.map((r) => (r.status === 'rejected' ? (r.reason as { code: string }).code : 'answered'))).toEqual(['FETCH_TIMEOUT', 'FETCH_TIMEOUT']);
    expect(queued.map((r) => (r as PromiseRejectedResult).reason.detail.url)).toEqual(['https://slow.example/status/1', 'https://slow.example/status/2']);
    expect(sent).toEqual(['https://slow.example/did.json']);
  });
});
