import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { VerifierError } from '../../../../lib/engine/errors';
import { canonizeRdfc, classifyCanonizeError } from '../../../../lib/engine/jsonld/canonize';
import { FIXTURES } from '../../../support/fixtures';

const fixtures = FIXTURES;
const present = existsSync(fixtures);
const read = (file: string) => readFileSync(path.join(fixtures, file), 'utf8');
const readJson = (file: string) => JSON.parse(read(file)) as Record<string, unknown>;

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EXAMPLES = 'https://www.w3.org/ns/credentials/examples/v2';

async function codeOf(p: Promise<unknown>): Promise<string> {
  const e = await p.then(() => undefined, (err: unknown) => err);
  expect(e, 'expected a VerifierError').toBeInstanceOf(VerifierError);
  return (e as VerifierError).code;
}

/** n blank nodes, each linked to every other: the RDFC worst case (w3c/rdf-canon#120). */
export function poisonGraph(n: number): Record<string, unknown> {
  const nodes = Array.from({ length: n }, (_, i) => ({
    '@id': `_:b${i}`,
    knows: Array.from({ length: n }, (_, j) => j).filter((j) => j !== i).map((j) => ({ '@id': `_:b${j}` })),
  }));
  return { '@context': [V2, EXAMPLES], '@graph': nodes };
}

describe.skipIf(!present)('RDFC-1.0 against published intermediate values', () => {
  it('W3C vc-di-eddsa eddsa-rdfc-2022: canonical document and proof configuration', async () => {
    const { proof, ...doc } = readJson('w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json');
    const { proofValue: _v, ...options } = proof as Record<string, unknown>;
    expect(await canonizeRdfc(doc)).toBe(read('w3c-vc-di-eddsa/eddsa-rdfc-2022/canonDocDataInt.txt'));
    expect(await canonizeRdfc({ ...options, '@context': doc['@context'] })).toBe(read('w3c-vc-di-eddsa/eddsa-rdfc-2022/proofCanonDataInt.txt'));
  });

  it('W3C vc-di-eddsa Ed25519Signature2020: canonical document', async () => {
    const { proof: _p, ...doc } = readJson('w3c-vc-di-eddsa/Ed25519Signature2020/signedEdSig.json');
    expect(await canonizeRdfc(doc)).toBe(read('w3c-vc-di-eddsa/Ed25519Signature2020/canonDocEdSig.txt'));
  });

  it.each(['obv3p0', 'clrv2p0'])('1EdTech OB 3.0 Implementation Guide vector %s: document and proof', async (name) => {
    const dir = `ob3-spec/test-vectors/${name}`;
    const { proof, ...doc } = readJson(`${dir}/signed-credential.json`);
    const single = (Array.isArray(proof) ? proof[0] : proof) as Record<string, unknown>;
    const { proofValue: _v, ...options } = single;
    expect(await canonizeRdfc(doc)).toBe(read(`${dir}/document-canon.txt`));
    expect(await canonizeRdfc({ ...options, '@context': doc['@context'] })).toBe(read(`${dir}/proof-canon.txt`));
  });
});

describe('canonicalisation refusals', () => {
  const base = { '@context': [V2], type: ['VerifiableCredential'], issuer: 'did:example:issuer', credentialSubject: { id: 'did:example:s' } };

  it('a term no context defines is DI_DATA_LOSS (safe mode), not silently dropped', async () => {
    expect(await codeOf(canonizeRdfc({ ...base, favouriteColour: 'blue' }))).toBe('DI_DATA_LOSS');
    expect(await codeOf(canonizeRdfc({ ...base, credentialSubject: { id: 'did:example:s', nickname: 'x' } }))).toBe('DI_DATA_LOSS');
  });

  it('the same document without the undefined term canonicalises', async () => {
    await expect(canonizeRdfc(base)).resolves.toContain('<did:example:issuer>');
  });

  it('an unbundled context URL is DI_CONTEXT_NOT_ALLOWED naming it', async () => {
    const e = await canonizeRdfc({ ...base, '@context': [V2, 'https://evil.example/ctx.jsonld'] }).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'DI_CONTEXT_NOT_ALLOWED', detail: { url: 'https://evil.example/ctx.jsonld' } });
  });

  it.each([
    ['type', { type: 'https://evil.example/type' }],
    ['id', { id: 'https://evil.example/id' }],
    ['VerifiableCredential', { VerifiableCredential: 'https://evil.example/NotACredential' }],
  ])('an embedded context redefining the protected term %s is DI_CONTEXT_NOT_ALLOWED', async (_term, redefinition) => {
    expect(await codeOf(canonizeRdfc({ ...base, '@context': [V2, redefinition] }))).toBe('DI_CONTEXT_NOT_ALLOWED');
  });

  it('an embedded context that only adds a term is processed (it is covered by the signature)', async () => {
    const doc = { ...base, '@context': [V2, { nickname: 'https://example.org/nickname' }], nickname: 'x' };
    await expect(canonizeRdfc(doc)).resolves.toContain('<https://example.org/nickname> "x"');
  });

  it('a poison graph of 10 mutually linked blank nodes is DI_CANONICALIZATION_LIMIT within 2 s', async () => {
    const started = performance.now();
    expect(await codeOf(canonizeRdfc(poisonGraph(10)))).toBe('DI_CANONICALIZATION_LIMIT');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('the time budget alone stops the work when the work factor would allow it', async () => {
    const started = performance.now();
    expect(await codeOf(canonizeRdfc(poisonGraph(9), { timeoutMs: 200, workFactor: Infinity }))).toBe('DI_CANONICALIZATION_LIMIT');
    expect(performance.now() - started).toBeLessThan(2000);
  });

  it('blank nodes that differ from each other cost no deep iterations and canonicalise', async () => {
    const chain = Array.from({ length: 12 }, (_, i) => ({ '@id': `_:n${i}`, name: `node ${i}`, ...(i > 0 ? { knows: { '@id': `_:n${i - 1}` } } : {}) }));
    await expect(canonizeRdfc({ '@context': [V2, EXAMPLES], '@graph': chain })).resolves.toMatch(/^_:c14n0 /);
  });
});

describe('error classification', () => {
  it('unknown processor errors become DI_CANONICALIZATION_FAILED, never pass through raw', () => {
    expect(classifyCanonizeError(new Error('boom'), false).code).toBe('DI_CANONICALIZATION_FAILED');
    expect(classifyCanonizeError('not even an error', false).code).toBe('DI_CANONICALIZATION_FAILED');
    expect(classifyCanonizeError(Object.assign(new Error('x'), { name: 'jsonld.SyntaxError', details: { code: 'invalid @id value' } }), false))
      .toMatchObject({ code: 'DI_CANONICALIZATION_FAILED', detail: { reason: 'invalid @id value' } });
  });

  it('an abort wins over whatever the processor says', () => {
    expect(classifyCanonizeError(new Error('anything'), true).code).toBe('DI_CANONICALIZATION_LIMIT');
  });

  it('our own VerifierError is found through jsonld.js wrapping (details.cause)', () => {
    const ours = new VerifierError('DI_CONTEXT_NOT_ALLOWED', { url: 'https://x.example/' });
    const wrapped = Object.assign(new Error('wrapped'), { name: 'jsonld.InvalidUrl', details: { code: 'loading remote context failed', cause: ours } });
    expect(classifyCanonizeError(wrapped, false)).toBe(ours);
  });
});

describe('no network from JSON-LD processing', () => {
  it('neither fetch nor XMLHttpRequest is touched, even for an unknown context', async () => {
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const doc = { '@context': [V2, 'https://evil.example/ctx.jsonld', { '@import': 'https://evil.example/import.jsonld' }], id: 'urn:x:1' };
    await canonizeRdfc(doc).catch(() => undefined);
    expect(fetchSpy).not.toHaveBeenCalled();
    expect((globalThis as { XMLHttpRequest?: unknown }).XMLHttpRequest).toBeUndefined();
    fetchSpy.mockRestore();
  });
});

describe('jsonld.js default loader', () => {
  it('is the static loader once canonize.ts is loaded, so a call without a loader cannot fetch either', async () => {
    const jsonld = (await import('@credlens/jsonld')).default as unknown as { expand(doc: object): Promise<unknown> };
    const e = await jsonld.expand({ '@context': 'https://evil.example/ctx.jsonld', name: 'x' }).catch((x: unknown) => x);
    expect((e as { details?: { cause?: unknown } }).details?.cause).toMatchObject({ code: 'DI_CONTEXT_NOT_ALLOWED', detail: { url: 'https://evil.example/ctx.jsonld' } });
  });
});
