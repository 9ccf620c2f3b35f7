/**
 * Engine benchmarks, all measured in one process run so ratios are fair:
 * verify latency per format (cold: empty key/status cache; warm: reused),
 * the reference @digitalbazaar/vc on the same Data Integrity credentials (on
 * jsonld.js as published and on the engine's patched copy), raw jose
 * jwtVerify as the floor for VC-JWT, each measured interleaved with ours (one
 * of each in turn, so load on the machine touches both alike); where a Data
 * Integrity and a VC-JWT verification spend their time; a page of 50
 * credentials from five did:web issuers with status lists on a local HTTPS
 * server, and a poison-graph canonicalisation input.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as jose from 'jose';
import jsonld from '@credlens/jsonld';
import { checkCredentialStatus } from '../../lib/engine/status';
import { signedMismatch } from '../../lib/engine/checks/signed-meaning';
import { createContext, type VerifyContext } from '../../lib/engine/context';
import { verifyEd25519 } from '../../lib/engine/crypto/signatures';
import { readPayload } from '../../lib/engine/formats';
import { checkVcStructure } from '../../lib/engine/formats/vc/structure';
import { summarizeVc } from '../../lib/engine/formats/vc/summary';
import { canonizeRdfc, clearCanonicalCache } from '../../lib/engine/jsonld/canonize';
import { assertPlainJsonLd } from '../../lib/engine/jsonld/plain';
import { readSignedCredential } from '../../lib/engine/jsonld/signed-reading';
import { staticDocumentLoader } from '../../lib/engine/jsonld/static-loader';
import { chooseJwtKeys } from '../../lib/engine/keys/jwt-key';
import { resolveVerificationMethod } from '../../lib/engine/keys/resolve';
import { verify, type VerifyInput } from '../../lib/engine/pipeline';
import { fromBase58, sha256Hex, toBase58, toBase64Url, utf8 } from '../../lib/engine/util/bytes';
import { createFixtureTransport, fixturesPresent, FIXTURES } from '../support/fixture-transport';
import { createTestIssuer, signJcs } from '../support/sign-jcs';
import { startHttpsServer } from '../support/https-server';
import { tlsTransport } from './tls-transport';
import { loadReferenceStacks, type ReferenceStacks } from './reference-stacks';
import { sdIssuer } from '../unit/engine/proofs/data-integrity/ecdsa-sd-signer';
import { stats, type Stats } from './stats';

const WARM_RUNS = Number(process.env.BENCH_WARM_RUNS ?? 200);
const COLD_RUNS = Number(process.env.BENCH_COLD_RUNS ?? 40);
const NOW = Date.parse('2026-11-22T00:00:00Z');

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function time(fn: () => Promise<unknown>, runs: number): Promise<Stats> {
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) samples.push(await once(fn));
  return stats(samples);
}

async function once(fn: () => unknown): Promise<number> {
  const t = performance.now();
  await fn();
  return performance.now() - t;
}

/**
 * Runs the functions in turn, in blocks: `ROUNDS` rounds, each giving every function a block of
 * runs ÷ ROUNDS calls. Load on the machine touches every function alike, and a block's garbage is
 * mostly collected within it (one call each in strict alternation put the reference's garbage
 * collection into our timings and ours into jose's).
 */
const ROUNDS = 5;

async function interleaved(fns: Record<string, () => unknown>, runs: number): Promise<Record<string, Stats>> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((k) => [k, []]));
  const block = Math.max(1, Math.ceil(runs / ROUNDS));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(fns)) for (let i = 0; i < block; i++) samples[name]!.push(await once(fn));
  }
  return Object.fromEntries(Object.entries(samples).map(([k, v]) => [k, stats(v)]));
}

interface Case {
  name: string;
  input: VerifyInput;
  context: () => VerifyContext;
  /** the same credential for the reference verifier, when it supports it */
  reference?: Record<string, unknown>;
  /** raw jose verification of the same token: the floor for VC-JWT */
  joseFloor?: () => Promise<unknown>;
}

const fixture = (rel: string) => readFileSync(path.join(FIXTURES, rel), 'utf8');
const offline = () => createContext({ now: () => NOW, transport: async (u) => { throw new Error(`offline: ${u}`); } });

async function jwtCase(alg: 'EdDSA' | 'ES256' | 'RS256'): Promise<Case> {
  const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true, ...(alg === 'EdDSA' ? { crv: 'Ed25519' } : {}) });
  const jwk = await jose.exportJWK(publicKey);
  const did = `did:jwk:${toBase64Url(new TextEncoder().encode(JSON.stringify({ ...jwk, alg })))}`;
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
    id: 'urn:uuid:2a0a1b5e-9d7d-4c55-9b3a-7c1c8f1e0a11',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: did, type: ['Profile'], name: 'Bench Issuer' },
    validFrom: '2026-01-01T00:00:00Z',
    credentialSubject: {
      type: ['AchievementSubject'],
      achievement: { id: 'https://bench.example/a/1', type: ['Achievement'], name: 'Benchmarking', criteria: { narrative: 'Ran it.' }, description: 'A bench credential.' },
    },
  };
  const jwt = await new jose.SignJWT(credential as unknown as jose.JWTPayload)
    .setProtectedHeader({ alg, kid: `${did}#0`, typ: 'vc+jwt' })
    .setIssuer(did)
    .setJti(credential.id)
    .setNotBefore(Date.parse(credential.validFrom) / 1000)
    .sign(privateKey);
  return {
    name: `VC-JWT ${alg}`,
    input: { text: jwt },
    context: offline,
    joseFloor: () => jose.jwtVerify(jwt, publicKey, { algorithms: [alg], currentDate: new Date(NOW) }),
  };
}

async function cases(): Promise<Case[]> {
  const rdfc = 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json';
  const ed2020 = 'dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry.json';
  const issuer = createTestIssuer();
  const jcsCredential = await signJcs(
    {
      '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
      id: 'urn:uuid:8c3b6a52-1111-4c55-9b3a-7c1c8f1e0a11',
      type: ['VerifiableCredential', 'OpenBadgeCredential'],
      issuer: { id: issuer.did, type: ['Profile'], name: 'Bench Issuer' },
      validFrom: '2026-01-01T00:00:00Z',
      credentialSubject: { type: ['AchievementSubject'], achievement: { id: 'https://bench.example/a/2', type: ['Achievement'], name: 'JCS', criteria: { narrative: 'x' } } },
    },
    issuer,
  );
  const ob2 = () => createContext({ now: () => NOW, transport: createFixtureTransport().transport });
  // issued and derived by the reference ecdsa-sd-2023 implementation: the holder discloses the achievement name
  const sd = await sdIssuer('P-256');
  const sdDerived = await sd.derive(
    await sd.issue(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
        id: 'urn:uuid:4b1d2c3e-5f60-4718-a9b0-c1d2e3f4a5b6',
        type: ['VerifiableCredential', 'OpenBadgeCredential'],
        issuer: { id: sd.did, type: ['Profile'], name: 'Bench Issuer' },
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:bench', type: ['AchievementSubject'], achievement: { id: 'https://bench.example/a/3', type: ['Achievement'], name: 'Disclosed', description: 'Withheld', criteria: { narrative: 'Withheld' } } },
      },
      ['/issuer', '/validFrom'],
    ),
    ['/credentialSubject/achievement/name'],
  );
  return [
    { name: 'DI eddsa-rdfc-2022 (DCC OB 3.0)', input: { text: fixture(rdfc) }, context: offline, reference: JSON.parse(fixture(rdfc)) },
    { name: 'DI Ed25519Signature2020 (DCC OB 3.0)', input: { text: fixture(ed2020) }, context: offline, reference: JSON.parse(fixture(ed2020)) },
    { name: 'DI eddsa-jcs-2022', input: { text: JSON.stringify(jcsCredential) }, context: offline },
    { name: 'DI ecdsa-sd-2023 (derived, P-256)', input: { text: JSON.stringify(sdDerived) }, context: offline, reference: sdDerived },
    await jwtCase('EdDSA'),
    await jwtCase('ES256'),
    await jwtCase('RS256'),
    { name: 'OB 2.0 signed (RS256, 1EdTech)', input: { text: fixture('1edtech-validator/ob20/simple.jwt').trim() }, context: ob2 },
  ];
}

export interface EngineResults {
  latency: Array<{
    name: string;
    verdict: string;
    /** empty key/status cache, nothing seen before */
    cold: Stats;
    /** keys and status cached, canonical forms not (a credential seen for the first time) */
    firstSight: Stats;
    /** keys, status and canonical forms cached (the same credential again) */
    warm: Stats;
    /** @digitalbazaar/vc on jsonld.js as published, contexts untagged: the reference as this benchmark first measured it */
    referenceUntagged?: Stats;
    /** @digitalbazaar/vc on jsonld.js as published */
    reference?: Stats;
    /** @digitalbazaar/vc on the engine's patched jsonld.js */
    referencePatched?: Stats;
    referenceVerdict?: boolean;
    joseFloor?: Stats;
    /** reference median ÷ our first-sight median (DI), or our warm median ÷ jose (JWT) */
    ratio?: number;
    /** reference on the patched jsonld.js ÷ our first-sight median (DI) */
    ratioPatched?: number;
    /** the untagged reference ÷ our first-sight median (DI) */
    ratioUntagged?: number;
    /** reference median ÷ our warm median (DI) */
    ratioWarm?: number;
  }>;
  /** where one Data Integrity verification at first sight spends its time (ms, each step timed alone) */
  diBreakdown: Record<string, Stats>;
  /** the fixed work of one VC-JWT verification (ms, each step timed alone) */
  jwtBreakdown: Record<string, Stats>;
  page50: { credentials: number; issuers: number; totalMs: number; fetches: number; distinctUrls: number; verdicts: Record<string, number> };
  poisonGraph: { ms: number; verdict: string; code: string };
}

async function latency(refs: ReferenceStacks): Promise<EngineResults['latency']> {
  const out: EngineResults['latency'] = [];
  for (const c of await cases()) {
    const first = await verify(c.input, c.context());
    const cold = await time(async () => {
      clearCanonicalCache();
      await verify(c.input, c.context());
    }, COLD_RUNS);
    const ctx = c.context();
    await verify(c.input, ctx);
    const fns: Record<string, () => unknown> = {
      firstSight: async () => {
        clearCanonicalCache();
        await verify(c.input, ctx);
      },
      warm: () => verify(c.input, ctx),
    };
    const row: EngineResults['latency'][number] = { name: c.name, verdict: first.verdict, cold, firstSight: cold, warm: cold };
    if (c.reference) {
      const credential = c.reference;
      row.referenceVerdict = (await refs.published(credential)) && (await refs.patched(credential)) && (await refs.untagged(credential));
      fns.referenceUntagged = () => refs.untagged(credential);
      fns.reference = () => refs.published(credential);
      fns.referencePatched = () => refs.patched(credential);
    }
    if (c.joseFloor) {
      await c.joseFloor();
      fns.jose = c.joseFloor;
    }
    const measured = await interleaved(fns, WARM_RUNS);
    row.firstSight = measured.firstSight!;
    row.warm = measured.warm!;
    if (measured.reference && measured.referencePatched) {
      row.reference = measured.reference;
      row.referencePatched = measured.referencePatched;
      row.ratio = row.reference.median / row.firstSight.median;
      row.ratioPatched = row.referencePatched.median / row.firstSight.median;
      row.ratioWarm = row.reference.median / row.warm.median;
      row.referenceUntagged = measured.referenceUntagged!;
      row.ratioUntagged = row.referenceUntagged.median / row.firstSight.median;
    }
    if (measured.jose) {
      row.joseFloor = measured.jose;
      row.ratio = row.warm.median / row.joseFloor.median;
    }
    out.push(row);
  }
  return out;
}

const RDFC_FIXTURE = 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json';

/**
 * One eddsa-rdfc-2022 verification at first sight, step by step, each step
 * timed alone on the same credential: the JSON-LD work (context processing
 * and expansion, conversion to RDF, RDFC-1.0), the engine's own reading of
 * it, the hashing and the signature.
 */
async function diBreakdown(): Promise<EngineResults['diBreakdown']> {
  const text = fixture(RDFC_FIXTURE);
  const credential = JSON.parse(text) as Record<string, unknown>;
  const { proof, ...unsecured } = credential as { proof: Record<string, unknown> } & Record<string, unknown>;
  const { proofValue, ...proofConfig } = proof;
  const config = { ...proofConfig, '@context': unsecured['@context'] };
  const ctx = offline();
  const options = { documentLoader: staticDocumentLoader, safe: true, base: null } as never;
  const canonical = await canonizeRdfc(unsecured);
  const summary = summarizeVc(credential);
  const key = await resolveVerificationMethod(String(proof.verificationMethod), ctx);
  const signature = fromBase58(String(proofValue).slice(1))!;
  const hashData = new Uint8Array(64);
  const steps: Record<string, () => unknown> = {
    'whole verification (first sight)': async () => {
      clearCanonicalCache();
      await verify({ text }, ctx);
    },
    'JSON-LD expansion of the credential': () => jsonld.expand(structuredClone(unsecured) as never, options),
    'canonicalisation of the credential (expansion, RDF, RDFC-1.0)': () => (clearCanonicalCache(), canonizeRdfc(unsecured)),
    'canonicalisation of the proof configuration': () => (clearCanonicalCache(), canonizeRdfc(config)),
    'plain-JSON-LD walk (jsonld/plain.ts)': () => assertPlainJsonLd(credential),
    'signed reading of the N-Quads (jsonld/signed-reading.ts)': () => readSignedCredential(canonical, String(credential.id)),
    'JSON held against the signed reading (checks/signed-meaning.ts)': () => signedMismatch(credential, summary, readSignedCredential(canonical, String(credential.id))),
    'two SHA-256 hashes (proof configuration, document)': () => Promise.all([sha256Hex(canonical), sha256Hex(canonical)]),
    'Ed25519 signature check': () => verifyEd25519(key.publicKeyJwk, hashData, signature),
    'input hash (SHA-256 of the input)': () => sha256Hex(utf8(text)),
    'summary': () => summarizeVc(credential),
  };
  const out: Record<string, Stats> = {};
  for (const [name, fn] of Object.entries(steps)) {
    for (let i = 0; i < 20; i++) await fn();
    out[name] = await time(async () => fn(), WARM_RUNS);
  }
  return out;
}

/** The fixed work of one VC-JWT verification, step by step, each timed alone (the ES256 token of the latency rows). */
async function jwtBreakdown(): Promise<EngineResults['jwtBreakdown']> {
  const c = await jwtCase('ES256');
  const jwt = (c.input as { text: string }).text;
  const ctx = c.context();
  const credential = (readPayload(jwt) as { claims: Record<string, unknown> }).claims;
  const issuer = String((credential.issuer as { id: string }).id);
  const header = JSON.parse(new TextDecoder().decode(Uint8Array.from(atob(jwt.split('.')[0]!.replace(/-/g, '+').replace(/_/g, '/')), (ch) => ch.charCodeAt(0)))) as { kid: string };
  const steps: Record<string, () => unknown> = {
    'whole verification': () => verify(c.input, ctx),
    'raw jose jwtVerify (the floor)': c.joseFloor!,
    'input hash (SHA-256 of the token)': () => sha256Hex(utf8(jwt)),
    'payload read for dispatch (base64url, JSON scan and parse)': () => readPayload(jwt),
    'key choice and did:jwk resolution': () => chooseJwtKeys({ kid: header.kid }, issuer, ctx),
    'structure check': () => checkVcStructure(credential),
    'summary': () => summarizeVc(credential),
    'status (none listed)': () => checkCredentialStatus(credential, ctx),
  };
  const out: Record<string, Stats> = {};
  for (const [name, fn] of Object.entries(steps)) {
    for (let i = 0; i < 50; i++) await fn();
    out[name] = await time(async () => fn(), WARM_RUNS);
  }
  return out;
}

/** 50 credentials, 5 did:web issuers, each with a signed Bitstring status list, over real TLS. */
async function page50(): Promise<EngineResults['page50']> {
  const server = await startHttpsServer();
  const host = encodeURIComponent(server.hostPort);
  const inputs: VerifyInput[] = [];
  for (let i = 0; i < 5; i++) {
    const key = createTestIssuer();
    const did = `did:web:${host}:issuers:${i}`;
    const vm = `${did}#key-1`;
    const multikey = key.verificationMethod.split('#')[1]!;
    server.routes.set(`/issuers/${i}/did.json`, {
      body: JSON.stringify({
        '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
        id: did,
        verificationMethod: [{ id: vm, type: 'Multikey', controller: did, publicKeyMultibase: multikey }],
        assertionMethod: [vm],
      }),
    });
    const signer = { ...key, did, verificationMethod: vm };
    const listUrl = `${server.origin}/issuers/${i}/status`;
    const list = await signJcs(
      {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        id: listUrl,
        type: ['VerifiableCredential', 'BitstringStatusListCredential'],
        issuer: did,
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: `${listUrl}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await emptyList() },
      },
      signer,
    );
    server.routes.set(`/issuers/${i}/status`, { body: JSON.stringify(list) });
    for (let j = 0; j < 10; j++) {
      const credential = await signJcs(
        {
          '@context': ['https://www.w3.org/ns/credentials/v2', 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json'],
          id: `urn:uuid:00000000-0000-4000-8000-0000000${i}00${j}`,
          type: ['VerifiableCredential', 'OpenBadgeCredential'],
          issuer: { id: did, type: ['Profile'], name: `Issuer ${i}` },
          validFrom: '2026-01-01T00:00:00Z',
          credentialStatus: { id: `${listUrl}#${j}`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: String(j), statusListCredential: listUrl },
          credentialSubject: { type: ['AchievementSubject'], achievement: { id: `https://bench.example/a/${i}/${j}`, type: ['Achievement'], name: `Badge ${j}`, criteria: { narrative: 'x' } } },
        },
        signer,
      );
      inputs.push({ text: JSON.stringify(credential) });
    }
  }
  const ctx = createContext({ now: () => NOW, allowHosts: [server.hostPort], transport: tlsTransport(readFileSync(server.certFile, 'utf8')) });
  const t = performance.now();
  const reports = await Promise.all(inputs.map((input) => verify(input, ctx)));
  const totalMs = performance.now() - t;
  await server.close();
  const verdicts: Record<string, number> = {};
  for (const r of reports) verdicts[r.verdict] = (verdicts[r.verdict] ?? 0) + 1;
  return { credentials: inputs.length, issuers: 5, totalMs, fetches: server.requested.length, distinctUrls: new Set(server.requested).size, verdicts };
}

async function emptyList(): Promise<string> {
  const gz = new Blob([new Uint8Array(16 * 1024)]).stream().pipeThrough(new CompressionStream('gzip'));
  return 'u' + toBase64Url(new Uint8Array(await new Response(gz).arrayBuffer()));
}

/** A fully connected graph of blank nodes (w3c/rdf-canon#120), signed-looking so it reaches canonicalisation. */
async function poisonGraph(): Promise<EngineResults['poisonGraph']> {
  const n = 10;
  const nodes = Array.from({ length: n }, (_, i) => ({ '@id': `_:b${i}`, 'https://www.w3.org/ns/credentials/examples#knows': [] as Array<{ '@id': string }> }));
  for (const a of nodes) for (const b of nodes) if (a !== b) a['https://www.w3.org/ns/credentials/examples#knows'].push({ '@id': b['@id'] });
  const issuer = createTestIssuer();
  const credential = {
    '@context': ['https://www.w3.org/ns/credentials/v2', 'https://www.w3.org/ns/credentials/examples/v2'],
    type: ['VerifiableCredential'],
    issuer: issuer.did,
    credentialSubject: { id: 'did:example:subject', knows: nodes.map((x) => ({ id: x['@id'], knows: x['https://www.w3.org/ns/credentials/examples#knows'].map((k) => ({ id: k['@id'] })) })) },
    proof: {
      type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2024-01-01T00:00:00Z', verificationMethod: issuer.verificationMethod,
      proofPurpose: 'assertionMethod', proofValue: 'z' + toBase58(new Uint8Array(64).fill(7)),
    },
  };
  const t = performance.now();
  const report = await verify({ text: JSON.stringify(credential) }, offline());
  const proof = report.checks.find((c) => c.id === 'proof');
  return { ms: performance.now() - t, verdict: report.verdict, code: proof?.code ?? '' };
}

export async function runEngineBench(): Promise<EngineResults> {
  if (!fixturesPresent) throw new Error('../shared/fixtures is needed for the engine benchmark');
  const refs = await loadReferenceStacks(path.join(root, 'bench-output'));
  return { latency: await latency(refs), diBreakdown: await diBreakdown(), jwtBreakdown: await jwtBreakdown(), page50: await page50(), poisonGraph: await poisonGraph() };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  runEngineBench().then((r) => console.log(JSON.stringify(r, null, 2)));
}
