import { describe, expect, it } from 'vitest';
import { createContext } from '../../../lib/engine/context';
import { LIMITS } from '../../../lib/engine/limits';
import { verify } from '../../../lib/engine/pipeline';

const noNetwork = () => {
  const calls: string[] = [];
  const ctx = createContext({ transport: async (url) => { calls.push(url); throw new Error('offline'); } });
  return { ctx, calls };
};

// "row N" in the test names below is row N of the attack table in SECURITY.md.
describe('verify (pipeline boundary)', () => {
  it('never throws and reports unreadable input as failed with a clear code', async () => {
    const { ctx } = noNetwork();
    const r = await verify({ bytes: new Uint8Array([0xff, 0xfe, 0x00, 0x81]) }, ctx);
    expect(r.verdict).toBe('failed');
    expect(r.checks[0]).toMatchObject({ id: 'parse', status: 'fail', code: 'INPUT_UNPARSEABLE' });
  });

  it('reports empty input as failed', async () => {
    const r = await verify({ text: '' }, noNetwork().ctx);
    expect(r.verdict).toBe('failed');
    expect(r.checks[0]).toMatchObject({ id: 'parse', status: 'fail', code: 'INPUT_EMPTY' });
  });

  it('refuses oversized input before parsing it', async () => {
    const r = await verify({ bytes: new Uint8Array(LIMITS.inputBytes + 1).fill(0x20) }, noNetwork().ctx);
    expect(r.verdict).toBe('failed');
    expect(r.checks[0]).toMatchObject({ id: 'parse', status: 'fail', code: 'INPUT_TOO_LARGE' });
  });

  it('reports malformed JSON as failed, never a crash', async () => {
    const r = await verify({ text: '{"@context": [' }, noNetwork().ctx);
    expect(r.verdict).toBe('failed');
    expect(r.checks[0]).toMatchObject({ id: 'parse', status: 'fail', code: 'INPUT_UNPARSEABLE' });
  });

  it('reports JSON that is no credential as could-not-be-checked, not verified', async () => {
    const r = await verify({ text: '{"hello":"world"}' }, noNetwork().ctx);
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks[0]!.code).toBe('INPUT_UNKNOWN_FORMAT');
  });

  it('reports a web page given as a credential as could-not-be-checked, not as a malformed XML credential (Credly page link regression)', async () => {
    const page = '<!DOCTYPE html><html><head><title>Badge</title></head><body><h1>Cloud Architecture</h1></body></html>';
    const r = await verify({ text: page }, noNetwork().ctx);
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks[0]).toMatchObject({ code: 'INPUT_UNKNOWN_FORMAT' });
    expect(r.checks[0]!.message).toContain('web page');
  });

  it('reports an unsigned W3C credential as not verified, with PROOF_MISSING', async () => {
    const r = await verify(
      {
        text: JSON.stringify({
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: ['VerifiableCredential'],
          issuer: 'https://issuer.example',
          credentialSubject: { id: 'did:example:1', name: 'Grace' },
        }),
      },
      noNetwork().ctx,
    );
    expect(r.verdict).not.toBe('verified');
    expect(r.checks.find((c) => c.id === 'proof')?.code).toBe('PROOF_MISSING');
  });

  it('keeps the input hash and name, and a check timestamp from the context clock', async () => {
    const ctx = createContext({ now: () => Date.parse('2026-01-02T03:04:05Z') });
    const r = await verify({ text: 'x', name: 'cv.txt' }, ctx);
    expect(r.inputHash).toBe('2d711642b726b04401627ca9fbac32f5c8530fb1903cc4db02258717921a4881');
    expect(r.inputName).toBe('cv.txt');
    expect(r.checkedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('refuses to fetch a private address given as the input URL (row 5)', async () => {
    const { ctx, calls } = noNetwork();
    const r = await verify({ url: 'https://192.168.1.1/badge.json' }, ctx);
    expect(r.verdict).toBe('unverifiable');
    expect(r.checks[0]!.code).toBe('FETCH_PRIVATE_ADDRESS');
    expect(calls).toHaveLength(0);
  });
});
