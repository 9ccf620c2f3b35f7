/**
 * The engine, run in Node against the demo world's own routes, gives each
 * demo credential the verdict the world was built to produce. This pins the
 * world's expectations to the engine before the browser is involved.
 */
import { expect, test } from '@playwright/test';
import { startWorld, type World } from '../world';
import { createContext } from '../../lib/engine/context';
import { verify } from '../../lib/engine/pipeline';
import { profileFor } from '../../lib/qa';

let world: World;
test.beforeAll(async () => {
  world = await startWorld({ port: 0 });
});
test.afterAll(async () => world.stop());

const ctx = () => createContext({ transport: (url, init) => world.transport(url, init), recipient: { email: 'grace.hopper@example.com' } });

const DIRECT: readonly [string, string][] = [
  ['https://issuer.credlens-demo.org/credentials/cloud-architecture.json', 'verified'],
  ['https://issuer.credlens-demo.org/credentials/data-ethics.jwt', 'verified'],
  ['https://issuer.credlens-demo.org/credentials/secure-coding.json', 'revoked'],
  ['https://issuer.credlens-demo.org/credentials/networking-2022.json', 'expired'],
  ['https://issuer.credlens-demo.org/credentials/machine-learning.json', 'failed'],
  ['https://issuer.credlens-demo.org/credentials/applied-algorithms.json', 'verified'],
  ['https://api.credly.com/v1/obi/v2/badge_assertions/6a1c8f0e-4b7d-4c52-9e0a-3f2d1b5c7e91', 'verified'],
  ['https://api.accredible.com/v1/obi/badge_assertions/10000005', 'verified'],
  ['https://issuer.credlens-demo.org/badges/open-source-contributor.png', 'verified'],
  ['https://issuer.credlens-demo.org/badges/agile-facilitation.svg', 'verified'],
];

for (const [url, verdict] of DIRECT) {
  test(`engine: ${new URL(url).pathname.split('/').pop()} is ${verdict}`, async () => {
    const report = await verify({ url }, ctx());
    const problems = report.checks.filter((c) => c.status === 'fail' || c.status === 'error').map((c) => `${c.id}:${c.code}`);
    expect(report.verdict, problems.join(', ')).toBe(verdict);
    if (verdict === 'verified') expect(report.recipient.outcome).toBe('match');
  });
}

test('engine: the CV page JSON-LD credential and VC-JWT text are verified', async () => {
  const res = await world.transport(world.pages.cv);
  const html = await res.text();
  const jsonLd = /<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(html)?.[1];
  const jws = /<pre[^>]*>([\w.-]+)<\/pre>/.exec(html)?.[1];
  expect(jsonLd && jws).toBeTruthy();
  for (const text of [jsonLd!.replace(/\\u003c/g, '<'), jws!]) {
    const report = await verify({ text }, ctx());
    expect(report.verdict).toBe('verified');
    expect(report.summary.issuer?.name).toBe('Credlens Demo University');
  }
});

test('engine: world.revoke re-signs the status list, so a credential verified before is revoked after', async () => {
  // a world of its own: revoking changes the status list for every later reader
  const own = await startWorld({ port: 0 });
  try {
    const url = 'https://issuer.credlens-demo.org/credentials/cloud-architecture.json';
    const context = () => createContext({ transport: (u, init) => own.transport(u, init) });
    expect((await verify({ url }, context())).verdict).toBe('verified');
    await own.revoke('Cloud Architecture Foundations');
    const after = await verify({ url }, context());
    expect(after.verdict).toBe('revoked');
    expect(after.checks.find((c) => c.id === 'status')?.code).toBe('CRED_REVOKED');
    await expect(own.revoke('Networking Fundamentals')).rejects.toThrow(/no status entry/);
  } finally {
    await own.stop();
  }
});

test('engine: the fully described micro-credential carries all eleven EU elements in dedicated fields', async () => {
  const report = await verify({ url: 'https://issuer.credlens-demo.org/credentials/applied-algorithms.json' }, ctx());
  const profile = profileFor(report);
  expect(profile?.elements.filter((e) => e.presence !== 'present').map((e) => e.element)).toEqual([]);
  expect(profile?.presentCount).toBe(11);
  expect(profile?.eqfLevel).toBe(6);
  expect(profile?.escoSkills.map((s) => s.label)).toEqual(['algorithms', 'computer programming']);
});
