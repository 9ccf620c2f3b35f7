/**
 * At most a few requests in flight to one host. The extension verifies every
 * credential of a page at once (the verifications mostly wait on the network),
 * so without a bound a profile of 200 Credly links would open 200 requests to
 * Credly together; browsers keep six connections per host (HTTP/1.1), and so
 * does this. One limiter is shared by every verification that should take turns.
 */

export interface HostLimiter {
  /**
   * Runs `task` once fewer than the limit of tasks for `host` run. A task still
   * waiting when `signal` aborts never starts: the promise rejects with the
   * signal's reason, and the slot goes to the next one.
   */
  run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T>;
  /** tasks running for `host` now */
  active(host: string): number;
}

interface HostQueue {
  running: number;
  waiting: Array<() => void>;
}

export function createHostLimiter(maxPerHost: number): HostLimiter {
  const hosts = new Map<string, HostQueue>();
  // A finished task hands its slot straight to the next waiting one, so no newcomer slips in between.
  const release = (host: string): void => {
    const queue = hosts.get(host)!;
    const next = queue.waiting.shift();
    if (next) next();
    else if (--queue.running === 0) hosts.delete(host);
  };
  return {
    active: (host) => hosts.get(host)?.running ?? 0,
    async run<T>(host: string, task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
      if (signal?.aborted) throw signal.reason;
      let queue = hosts.get(host);
      if (!queue) hosts.set(host, (queue = { running: 0, waiting: [] }));
      if (queue.running < maxPerHost) queue.running++;
      else {
        const q = queue;
        await new Promise<void>((resolve, reject) => {
          const start = () => {
            signal?.removeEventListener('abort', abort);
            resolve();
          };
          const abort = () => {
            q.waiting.splice(q.waiting.indexOf(start), 1);
            reject(signal!.reason);
          };
          q.waiting.push(start);
          signal?.addEventListener('abort', abort, { once: true });
        });
        // its deadline passed in the same moment as the turn came: the slot goes on, nothing is sent
        if (signal?.aborted) {
          release(host);
          throw signal.reason;
        }
      }
      try {
        return await task();
      } finally {
        release(host);
      }
    },
  };
}
