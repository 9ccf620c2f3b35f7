/**
 * "Any field may be of any type" (SECURITY.md row 50): one property per
 * source. The signed sources of tests/fuzz/sources.ts are changed and not
 * signed again, so the value meets everything read before the proof fails;
 * an OB 3.0 credential with status, recipient and alignment parts, its status
 * list, a VC-JWT payload and the OB 2.0 hosted documents are signed or served
 * again after the change, so the value also meets everything read after a
 * valid proof; a sealed European Digital Credential is changed as it is.
 * Each input replaces the value at one random path (of the JWS header or
 * payload for a compact JWS) with a hostile value: another type, a
 * number-like string, a 1 MB string, an object whose `toString` or
 * `__proto__` is data, or null.
 *
 * Whatever the change, verify() resolves within the deadline with one of the
 * five verdicts, no check carries INTERNAL (the code of an unexpected throw),
 * the summary has the types the report declares, and what the pages do with
 * a report next (the quality profile, the CLI's text) does not throw either.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { formatReport } from '../../lib/cli/verify';
import { createContext, type VerifyContext } from '../../lib/engine/context';
import { profileFor } from '../../lib/qa';
import type { Report } from '../../lib/engine/report';
import { encodeStatusList } from '../../lib/engine/status/bitstring';
import { createFixtureTransport, fixturePath, fixturesPresent, hostedCopyOf } from '../support/fixture-transport';
import { createTestIssuer, signJcs } from '../support/sign-jcs';
import { credentialV2, didKeyOf, makeSigner } from '../unit/engine/keys/jwt-signer';
import { assertProperty, stopwatch, verifyChecked, type FuzzProperty, type FuzzStats } from './common';
import { loadSources, type SignedSource } from './sources';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Parsed from JSON text, so `__proto__` and `toString` are plain own members, as an attacker's JSON would have them. */
const fromJson = (text: string): Json => JSON.parse(text) as Json;

/** The hostile values, one of each kind a reader may not expect. */
export const HOSTILE_VALUES: readonly Json[] = [
  null,
  {},
  [],
  [[[]]],
  [null, 1, 'a', {}],
  0,
  -1,
  3.5,
  1e308,
  -0,
  true,
  false,
  '',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '0x10',
  ' ',
  '\u0000',
  'x'.repeat(1024 * 1024),
  fromJson('{"toString": "not a function"}'),
  fromJson('{"toString": {}, "valueOf": 1}'),
  fromJson('{"__proto__": {"id": "https://evil.example/", "type": "Profile"}}'),
  fromJson('{"constructor": {"prototype": {"polluted": true}}}'),
  fromJson('{"hasOwnProperty": 1, "length": 4294967295}'),
  fromJson('{"id": {}, "type": 1, "name": [], "@value": {}, "@id": 5}'),
  fromJson('{"then": "not a function"}'),
  Array.from({ length: 1_000 }, () => ({})),
];

function walk(value: Json, path: Path, visit: (path: Path) => void): void {
  visit(path);
  if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i], visit));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key], visit);
}

/** Every path below the root (members of objects, items of arrays, at any depth). */
export function pathsOf(doc: Json): Path[] {
  const paths: Path[] = [];
  walk(doc, [], (path) => void (path.length > 0 && paths.push(path)));
  return paths;
}

/** A copy of `doc` with the value at `path` replaced; defineProperty keeps `__proto__` an own member. */
export function replaceAt(doc: Json, path: Path, value: Json): Json {
  const out = structuredClone(doc);
  let parent = out as Record<string | number, Json>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, Json>;
  Object.defineProperty(parent, path[path.length - 1]!, { value: structuredClone(value), enumerable: true, writable: true, configurable: true });
  return out;
}

const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64url');
const unb64 = (s: string) => Buffer.from(s, 'base64url').toString('utf8');

/** The mutated input text, or undefined when the pick changes nothing. */
function mutate(source: HostileSource, segmentPick: number, pathPick: number, value: Json): { text: string; where: string } | undefined {
  if (source.kind === 'json') {
    const doc = fromJson(source.text);
    const paths = pathsOf(doc);
    const path = paths[pathPick % paths.length]!;
    const text = JSON.stringify(replaceAt(doc, path, value));
    return text === source.text ? undefined : { text, where: path.join('.') };
  }
  const parts = source.text.split('.');
  const segment = segmentPick % 2; // header or payload
  const doc = fromJson(unb64(parts[segment]!));
  const paths = pathsOf(doc);
  if (paths.length === 0) return undefined;
  const path = paths[pathPick % paths.length]!;
  parts[segment] = b64(JSON.stringify(replaceAt(doc, path, value)));
  const text = parts.join('.');
  return text === source.text ? undefined : { text, where: `${segment === 0 ? 'header' : 'payload'}.${path.join('.')}` };
}

/** A recipient hint of every kind, so the recipient readers see the hostile values too. */
const EVERY_HINT = { email: 'grace@example.org', url: 'https://grace.example/', telephone: '+15550100', did: 'did:example:grace' };

const STRING_FIELDS = ['title', 'description', 'validFrom', 'validUntil', 'image', 'credentialId'] as const;
const NESTED_STRING_FIELDS = { issuer: ['id', 'name', 'url', 'image', 'email'], subject: ['id', 'name'], achievement: ['id', 'name', 'type', 'description', 'criteria', 'image'] } as const;

/** The summary fields are strings (types: an array of strings), as CredentialSummary declares: the pages call string methods on them. */
export function summaryTypeProblems(report: Report): string[] {
  const s = report.summary as Record<string, unknown>;
  const problems: string[] = [];
  const expectString = (value: unknown, name: string) => {
    if (value !== undefined && typeof value !== 'string') problems.push(`summary.${name} is ${Array.isArray(value) ? 'an array' : typeof value}`);
  };
  for (const field of STRING_FIELDS) expectString(s[field], field);
  for (const [group, fields] of Object.entries(NESTED_STRING_FIELDS)) {
    const value = s[group];
    if (value === undefined) continue;
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      problems.push(`summary.${group} is not an object`);
      continue;
    }
    for (const field of fields) expectString((value as Record<string, unknown>)[field], `${group}.${field}`);
  }
  if (s.types !== undefined && !(Array.isArray(s.types) && s.types.every((t) => typeof t === 'string'))) problems.push('summary.types is not an array of strings');
  return problems;
}

/**
 * A document to put hostile values into, and how verify() gets it afterwards:
 * as is (its signature then fails, so only what is read before the proof sees
 * the value), or signed or served again, so the readers after the proof see it
 * too, as they would from an issuer who signs whatever it likes.
 */
export interface HostileSource {
  name: string;
  /** 'json': a JSON document; 'jws': a compact JWS whose header and payload are changed */
  kind: 'json' | 'jws';
  text: string;
  /** the input and context for the changed document */
  prepare(changed: string): Promise<{ text: string; ctx: VerifyContext }>;
  /** what the intact document gives: verified, or (the W3C vectors, a sealed EDC) only its proof or seal passes */
  baseline: 'verified' | 'proof';
}

const asIs = (source: SignedSource): HostileSource => ({
  name: source.name,
  kind: source.kind,
  text: source.text,
  baseline: source.baseline,
  prepare: async (changed) => ({ text: changed, ctx: source.context() }),
});

const OWN_NOW = Date.parse('2026-06-01T00:00:00Z');
const FIXTURE_NOW = Date.parse('2026-11-22T00:00:00Z');
const LIST_URL = 'https://status.example/lists/3';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';

/** An OB 3.0 credential with every part the readers after the proof look at: status, recipient, alignment, results, evidence. */
function richCredential(issuer: string): Record<string, unknown> {
  return {
    '@context': [V2, OB3],
    id: 'urn:uuid:3c7d2a8e-0b4f-4e4e-8f1a-5d2c6b7a9e10',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer, type: ['Profile'], name: 'Example Academy', url: 'https://academy.example/', email: 'office@academy.example', image: { id: 'https://academy.example/logo.png', type: 'Image' } },
    validFrom: '2025-01-01T00:00:00Z',
    validUntil: '2030-01-01T00:00:00Z',
    name: 'Data Literacy',
    description: 'Reads charts and tables',
    image: { id: 'https://academy.example/badge.png', type: 'Image' },
    credentialSubject: {
      id: 'did:example:grace',
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: false, identityHash: 'grace@example.org', salt: 'pepper' }],
      result: [{ type: ['Result'], resultDescription: 'urn:uuid:0b1c', value: 'A', status: 'Completed' }],
      achievement: {
        id: 'https://academy.example/achievements/data-literacy',
        type: ['Achievement'],
        achievementType: 'Certificate',
        name: 'Data Literacy',
        description: 'Reads charts and tables',
        criteria: { narrative: 'Passed the exam' },
        alignment: [{ type: ['Alignment'], targetName: 'Data literacy', targetUrl: 'https://esco.example/skill/1', targetFramework: 'ESCO', targetType: 'ext:ESCO' }],
        resultDescription: [{ id: 'urn:uuid:0b1c', type: ['ResultDescription'], name: 'Grade', resultType: 'LetterGrade', allowedValue: ['A', 'B'] }],
        creditsAvailable: 5,
        inLanguage: 'en',
        tag: ['data', 'charts'],
        creator: { id: 'https://academy.example/', type: ['Profile'], name: 'Example Academy' },
      },
    },
    evidence: [{ id: 'https://academy.example/evidence/1', type: ['Evidence'], name: 'Exam' }],
    credentialSchema: [{ id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json', type: '1EdTechJsonSchemaValidator2019' }],
    termsOfUse: [{ type: 'TrustFrameworkPolicy', id: 'https://academy.example/terms' }],
    endorsement: [{
      '@context': [V2, OB3],
      id: 'urn:uuid:1f0e2d3c-4b5a-4968-8776-a5b4c3d2e1f0',
      type: ['VerifiableCredential', 'EndorsementCredential'],
      issuer: { id: 'https://quality.example/', type: ['Profile'], name: 'Quality Agency' },
      validFrom: '2025-01-01T00:00:00Z',
      credentialSubject: { id: 'https://academy.example/achievements/data-literacy', type: ['EndorsementSubject'], endorsementComment: 'Meets the standard' },
    }],
    credentialStatus: { id: `${LIST_URL}#42`, type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '42', statusListCredential: LIST_URL },
  };
}

function statusListFor(issuer: string, encodedList: string): Record<string, unknown> {
  return {
    '@context': [V2],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2024-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList },
  };
}

const serving = (documents: Record<string, string>): VerifyContext =>
  createContext({
    now: () => OWN_NOW,
    transport: async (url) => (documents[url] === undefined ? new Response('not found', { status: 404 }) : new Response(documents[url], { headers: { 'content-type': 'application/json' } })),
  });

/** Sources whose changed document is signed (or served) again. */
async function reissuedSources(): Promise<HostileSource[]> {
  const issuer = createTestIssuer();
  const credential = richCredential(issuer.did);
  const list = statusListFor(issuer.did, await encodeStatusList([7]));
  const signedList = JSON.stringify(await signJcs(list, issuer));
  const signedCredential = JSON.stringify(await signJcs(credential, issuer));
  const jwtSigner = await makeSigner('EdDSA');
  const jwtKey = didKeyOf(jwtSigner);
  const sources: HostileSource[] = [
    {
      name: 'OB 3.0 credential with status, recipient, alignment, results and evidence, signed again (eddsa-jcs-2022)',
      kind: 'json',
      text: JSON.stringify(credential),
      baseline: 'verified',
      prepare: async (changed) => ({ text: JSON.stringify(await signJcs(JSON.parse(changed) as Record<string, unknown>, issuer)), ctx: serving({ [LIST_URL]: signedList }) }),
    },
    {
      name: 'its Bitstring status list, signed again (eddsa-jcs-2022)',
      kind: 'json',
      text: JSON.stringify(list),
      baseline: 'verified',
      prepare: async (changed) => ({ text: signedCredential, ctx: serving({ [LIST_URL]: JSON.stringify(await signJcs(JSON.parse(changed) as Record<string, unknown>, issuer)) }) }),
    },
    {
      name: 'VC-JWT payload, signed again (EdDSA, did:key)',
      kind: 'json',
      text: JSON.stringify(credentialV2(jwtKey.did)),
      baseline: 'verified',
      prepare: async (changed) => ({ text: await jwtSigner.sign(JSON.parse(changed), { kid: jwtKey.vm }), ctx: serving({}) }),
    },
  ];
  if (!fixturesPresent) return sources;
  // OB 2.0 hosted: the issuer's server is the signature, so each changed document is served as the issuer would.
  const hosted = '1edtech-validator/ob20/basic-assertion.json';
  const assertion = readFileSync(fixturePath(hosted), 'utf8');
  const assertionId = (JSON.parse(assertion) as { id: string }).id;
  const hostedContext = (extra: Record<string, string>) => createContext({ now: () => FIXTURE_NOW, transport: createFixtureTransport(extra).transport });
  sources.push({
    name: 'OB 2.0 hosted assertion, served again (1EdTech basic-assertion.json)',
    kind: 'json',
    text: JSON.stringify(JSON.parse(assertion)),
    baseline: 'verified',
    prepare: async (changed) => ({ text: changed, ctx: hostedContext({ [assertionId]: changed }) }),
  });
  for (const [what, url, file] of [
    ['BadgeClass', 'https://example.org/robotics-badge.json', '1edtech-validator/ob20/assets/robotics-badge.json'],
    ['Issuer profile', 'https://example.org/organization.json', '1edtech-validator/ob20/assets/organization.json'],
  ] as const) {
    sources.push({
      name: `OB 2.0 ${what} of that assertion, served again`,
      kind: 'json',
      text: JSON.stringify(JSON.parse(readFileSync(fixturePath(file), 'utf8'))),
      baseline: 'verified',
      prepare: async (changed) => ({ text: assertion, ctx: hostedContext({ ...hostedCopyOf(hosted), [url]: changed }) }),
    });
  }
  const edc = 'edc-mynextid/degree-certificate/edc-dc-signed.jsonld';
  sources.push(asIs({
    name: 'European Digital Credential, JAdES-sealed JSON-LD (MyNextID degree certificate)',
    kind: 'json',
    text: JSON.stringify(JSON.parse(readFileSync(fixturePath(edc), 'utf8'))),
    context: () => createContext({ now: () => FIXTURE_NOW, transport: async () => new Response('', { status: 404 }) }),
    baseline: 'proof',
  }));
  return sources;
}

/** Every source the hostile-types property runs on: the signed sources as they are, and the re-issued ones. */
export async function loadHostileSources(): Promise<HostileSource[]> {
  return [...(await loadSources()).map(asIs), ...(await reissuedSources())];
}

export interface HostileStats extends FuzzStats {
  /** inputs whose report was not `verified` */
  notVerified: number;
}

/** The hostile-types property for one source. */
export function hostileTypesProperty(source: HostileSource): FuzzProperty {
  const name = `hostile types: ${source.name}`;
  return {
    name,
    async run(options): Promise<HostileStats> {
      const sw = stopwatch(name, options);
      let notVerified = 0;
      const arb = fc.tuple(fc.nat(), fc.nat(), fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...HOSTILE_VALUES) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json> }), fc.boolean());
      await assertProperty(arb, async ([segmentPick, pathPick, value, withHint]) => {
        const mutant = mutate(source, segmentPick, pathPick, value);
        if (!mutant) return;
        const prepared = await source.prepare(mutant.text);
        const ctx = withHint ? { ...prepared.ctx, recipient: EVERY_HINT } : prepared.ctx;
        const report = await sw.time(() => verifyChecked({ text: prepared.text }, ctx));
        const at = `${source.name}, ${mutant.where} = ${JSON.stringify(value).slice(0, 80)}`;
        const internal = report.checks.find((c) => c.code === 'INTERNAL');
        if (internal) throw new Error(`INTERNAL (an unexpected throw) in check ${internal.id} at ${at}: ${JSON.stringify(internal.detail)}`);
        const problems = summaryTypeProblems(report);
        if (problems.length > 0) throw new Error(`${problems.join('; ')} at ${at}`);
        profileFor(report);
        formatReport(report);
        if (report.verdict !== 'verified') notVerified++;
      }, options);
      return { ...sw.stats, notVerified };
    },
  };
}
