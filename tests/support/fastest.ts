/**
 * Fastest of a few timings of `work`, in ms: the one least disturbed by
 * garbage collection and other processes. Only for comparing two inputs
 * measured side by side in one test (linear vs quadratic), never against a
 * fixed number of milliseconds: speed goals belong to `npm run bench`.
 */
export function fastestMs(work: () => void, runs = 5): number {
  work(); // warm up the JIT
  let fastest = Infinity;
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    work();
    fastest = Math.min(fastest, performance.now() - started);
  }
  return fastest;
}
