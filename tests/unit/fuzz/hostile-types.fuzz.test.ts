/**
 * Short budget of the hostile-types property inside `npm test` (the long run is
 * `npm run fuzz`, tests/fuzz/run.ts): any field of a signed credential of every
 * format replaced by a value of another type never makes verify() throw
 * (SECURITY.md row 50).
 */
import { describe, expect, it } from 'vitest';
import { verify } from '../../../lib/engine/pipeline';
import { fixturesPresent } from '../../support/fixture-transport';
import { HOSTILE_VALUES, hostileTypesProperty, loadHostileSources, pathsOf, replaceAt, type HostileStats } from '../../fuzz/hostile-types';

const RUNS = 50;
const sources = await loadHostileSources();

describe('fuzz: a field of any type never breaks verification (short budget)', () => {
  it('has sources in every format (fixture-based ones need ../shared/fixtures)', () => {
    const names = sources.map((s) => s.name).join(' | ');
    for (const format of ['eddsa-rdfc-2022', 'eddsa-jcs-2022', 'ecdsa-rdfc-2019', 'VC-JWT', 'status list', 'signed again']) expect(names).toContain(format);
    if (fixturesPresent) for (const format of ['Ed25519Signature2020', 'OB 2.0 signed JWS', 'OB 2.0 hosted', 'BadgeClass', 'European Digital Credential']) expect(names).toContain(format);
  });

  it('control: every intact source reaches its baseline, so a hostile change is measured against a working verification', async () => {
    for (const source of sources) {
      const { text, ctx } = await source.prepare(source.text);
      const report = await verify({ text }, ctx);
      if (source.baseline === 'verified') expect(report.verdict, source.name).toBe('verified');
      else expect(report.checks.find((c) => c.id === 'proof' || c.id === 'seal')?.status, source.name).toBe('pass');
    }
  });

  it('replaceAt keeps __proto__ and toString as plain members, the way JSON.parse makes them', () => {
    const proto = HOSTILE_VALUES.find((v) => v !== null && typeof v === 'object' && Object.keys(v).includes('__proto__'))!;
    const doc = replaceAt({ issuer: 'did:example:a' }, ['issuer'], proto);
    expect(JSON.stringify(doc)).toContain('"__proto__"');
    expect(Object.getPrototypeOf((doc as Record<string, unknown>).issuer)).toBe(Object.prototype);
    expect(pathsOf({ a: [1, { b: 2 }] })).toEqual([['a'], ['a', 0], ['a', 1], ['a', 1, 'b']]);
  });

  it.each(sources.map((s) => [s.name, s] as const))('%s', async (_name, source) => {
    const stats = (await hostileTypesProperty(source).run({ numRuns: RUNS, seed: 20261123, perInputMs: 5_000 })) as HostileStats;
    expect(stats.runs).toBeGreaterThan(RUNS / 2);
    // the changes reach the verification: some inputs are no longer verified
    expect(stats.notVerified).toBeGreaterThan(0);
  });
});

describe('regressions found by the hostile-types property', () => {
  const source = (part: string) => sources.find((s) => s.name.includes(part))!;
  /** The report for `source` with the value at `path` replaced by `value` (signed or served again where the source does that). */
  async function reportWith(part: string, path: (string | number)[], value: unknown, recipient = false) {
    const s = source(part);
    const { text, ctx } = await s.prepare(JSON.stringify(replaceAt(JSON.parse(s.text), path, value as never)));
    const report = await verify({ text }, recipient ? { ...ctx, recipient: { email: 'grace@example.org' } } : ctx);
    expect(report.checks.filter((c) => c.code === 'INTERNAL')).toEqual([]);
    return report;
  }
  const statusOf = (r: Awaited<ReturnType<typeof reportWith>>) => r.checks.find((c) => c.id === 'status');
  const toStringData = JSON.parse('{"toString": "not a function"}');

  it.skipIf(!fixturesPresent)('an OB 2.0 signed JWS whose header alg is an object with a toString member is refused, not an internal error', async () => {
    const s = source('OB 2.0 signed JWS');
    const [header, payload, signature] = s.text.split('.') as [string, string, string];
    const hostile = { ...JSON.parse(Buffer.from(header, 'base64url').toString()), alg: toStringData };
    const { text, ctx } = await s.prepare(`${Buffer.from(JSON.stringify(hostile)).toString('base64url')}.${payload}.${signature}`);
    const report = await verify({ text }, ctx);
    expect(report.checks.filter((c) => c.code === 'INTERNAL')).toEqual([]);
    expect(report.checks.find((c) => c.id === 'proof')).toMatchObject({ status: 'fail', code: 'JWS_ALG_NOT_ALLOWED' });
    expect(report.verdict).toBe('failed');
  });

  it('a signed recipient identityType with a toString member no longer makes verify() throw', async () => {
    const report = await reportWith('OB 3.0 credential with', ['credentialSubject', 'identifier', 0, 'identityType'], toStringData, true);
    expect(report.verdict).toBe('verified');
    // an identifier of no known type cannot be compared with an email
    expect(report.recipient).toMatchObject({ outcome: 'no-identifier', identifierTypes: expect.arrayContaining(['other']) });
  });

  it('a signed recipient identityType "constructor" or "__proto__" names no kind of identifier', async () => {
    for (const type of ['constructor', '__proto__', 'toString']) {
      const report = await reportWith('OB 3.0 credential with', ['credentialSubject', 'identifier', 0, 'identityType'], type, true);
      expect(report.recipient.identifierTypes, type).toEqual(['other', 'did']);
      expect(report.recipient.outcome, type).toBe('no-identifier');
    }
  });

  it('a signed statusPurpose with a toString member is STATUS_UNSUPPORTED (could not be checked), not an internal error', async () => {
    const report = await reportWith('OB 3.0 credential with', ['credentialStatus', 'statusPurpose'], toStringData);
    expect(statusOf(report)).toMatchObject({ status: 'error', code: 'STATUS_UNSUPPORTED' });
    expect(report.verdict).toBe('unverifiable');
  });

  it('a status entry of type "constructor" is not taken for a status list entry', async () => {
    const report = await reportWith('OB 3.0 credential with', ['credentialStatus', 'type'], 'constructor');
    expect(statusOf(report)).toMatchObject({ status: 'error', code: 'STATUS_UNSUPPORTED', detail: { type: 'constructor' } });
  });

  it('a status list whose purpose is a 1 MB string is not copied into the report', async () => {
    const report = await reportWith('status list', ['credentialSubject', 'statusPurpose'], 'x'.repeat(1024 * 1024));
    expect(statusOf(report)).toMatchObject({ status: 'error', code: 'STATUS_VERIFICATION_ERROR' });
    expect(JSON.stringify(report).length).toBeLessThan(64 * 1024);
  });
});
