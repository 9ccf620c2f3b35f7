/**
 * The signed reading (lib/engine/jsonld/nquads.ts, signed-reading.ts) and the
 * comparisons built on it (lib/engine/checks/signed-meaning.ts, SECURITY.md row 43).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../lib/engine/context';
import { canonizeRdfc } from '../../../../lib/engine/jsonld/canonize';
import { parseNQuads } from '../../../../lib/engine/jsonld/nquads';
import { readSignedCredential, readSignedProof } from '../../../../lib/engine/jsonld/signed-reading';
import { verify } from '../../../../lib/engine/pipeline';
import { disagreements } from '../../../fuzz/semantic';
import { fixturePath, fixturesPresent } from '../../../support/fixture-transport';
import { signedFacts } from '../../../support/signed-facts';

const V1 = 'https://www.w3.org/2018/credentials/v1';
const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/';

describe('parseNQuads', () => {
  it('reads IRIs, blank nodes, typed and language-tagged literals, escapes and graph names', () => {
    const quads = parseNQuads(
      [
        '<urn:a> <https://schema.org/name> "Caf\\u00E9 \\"Noir\\"\\n"@fr-CA .',
        '_:c14n0 <https://www.w3.org/2018/credentials#validUntil> "2025-01-01T00:00:00Z"^^<http://www.w3.org/2001/XMLSchema#dateTime> _:c14n1 .',
        '<urn:a> <urn:p> <urn:\\U0001F600> .',
      ].join('\n'),
    );
    expect(quads[0]).toEqual({ subject: { kind: 'iri', value: 'urn:a' }, predicate: 'https://schema.org/name', object: { kind: 'literal', value: 'Café "Noir"\n', language: 'fr-ca' } });
    expect(quads[1]).toMatchObject({ subject: { kind: 'blank', value: '_:c14n0' }, object: { datatype: 'http://www.w3.org/2001/XMLSchema#dateTime' }, graph: '_:c14n1' });
    expect(quads[2]!.object).toEqual({ kind: 'iri', value: 'urn:😀' });
  });

  it('refuses text that is not N-Quads', () => {
    expect(() => parseNQuads('"literal" <urn:p> <urn:o> .')).toThrow(TypeError);
    expect(() => parseNQuads('<urn:s> <urn:p> "unterminated .')).toThrow(TypeError);
  });
});

/** A probe credential using every member the engine reads, under one context combination. */
function probe(base: string, ob: string): Record<string, unknown> {
  const v1 = base === V1;
  return {
    '@context': [base, ob],
    id: 'urn:uuid:00000000-0000-4000-8000-000000000001',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: 'did:example:issuer', type: ['Profile'], name: 'Issuer name', url: 'https://issuer.example/' },
    ...(v1 ? { issuanceDate: '2025-01-01T00:00:00Z', expirationDate: '2030-01-01T00:00:00Z' } : { validFrom: '2025-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' }),
    name: 'Credential name',
    description: 'Credential description',
    credentialSubject: {
      id: 'did:example:subject',
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: 'sha256$00', salt: 's' }],
      achievement: { id: 'urn:uuid:00000000-0000-4000-8000-000000000002', type: ['Achievement'], name: 'Achievement name', description: 'Achievement description', achievementType: 'Certificate', criteria: { narrative: 'Criteria narrative' } },
    },
    credentialStatus: { id: 'https://status.example/1#5', type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '5', statusListCredential: 'https://status.example/1' },
  };
}

describe('READ_AS names the IRIs every bundled context gives the members the engine reads', () => {
  const combinations: [string, string][] = [
    [V2, `${OB3}context-3.0.3.json`],
    [V2, `${OB3}context-3.0.2.json`],
    [V1, `${OB3}context-3.0.1.json`],
    [V1, `${OB3}context-3.0.0.json`.replace('context-3.0.0.json', 'context.json')],
  ];
  it.each(combinations)('%s + %s', async (base, ob) => {
    let nquads: string;
    try {
      nquads = await canonizeRdfc(probe(base, ob));
    } catch {
      // An older context may not define every probe member (safe mode refuses the rest): probe without status.
      const { credentialStatus: _s, ...rest } = probe(base, ob);
      nquads = await canonizeRdfc(rest);
    }
    const signed = readSignedCredential(nquads, 'urn:uuid:00000000-0000-4000-8000-000000000001')!;
    expect(signed.issuers).toEqual([{ id: 'did:example:issuer', name: ['Issuer name'], url: ['https://issuer.example/'], image: [] }]);
    expect(signed.validFrom).toEqual(['2025-01-01T00:00:00Z']);
    expect(signed.validUntil).toEqual(['2030-01-01T00:00:00Z']);
    expect(signed.name).toEqual(['Credential name']);
    expect(signed.subjects[0]).toMatchObject({ id: 'did:example:subject', achievements: [{ name: ['Achievement name'], description: ['Achievement description'], narrative: ['Criteria narrative'] }] });
    expect(signed.subjects[0]!.identifiers).toEqual([{ identityHash: ['sha256$00'], identityType: ['emailAddress'], hashed: ['true'], salt: ['s'] }]);
    if (nquads.includes('credentialStatus')) expect(signed.statuses).toEqual([{ id: 'https://status.example/1#5', types: ['BitstringStatusListEntry'], statusListCredential: ['https://status.example/1'], statusListIndex: ['5'], statusPurpose: ['revocation'] }]);
  });

  it('reads a proof configuration (eddsa-rdfc-2022 and Ed25519Signature2020)', async () => {
    const options = { type: 'DataIntegrityProof', cryptosuite: 'eddsa-rdfc-2022', created: '2025-01-01T00:00:00Z', expires: '2030-01-01T00:00:00Z', verificationMethod: 'did:key:z6Mk#z6Mk', proofPurpose: 'assertionMethod' };
    expect(readSignedProof(await canonizeRdfc({ ...options, '@context': [V2] }))).toEqual({
      types: ['DataIntegrityProof'], expires: ['2030-01-01T00:00:00Z'], created: ['2025-01-01T00:00:00Z'], verificationMethod: ['did:key:z6Mk#z6Mk'], proofPurpose: ['assertionMethod'], cryptosuite: ['eddsa-rdfc-2022'],
    });
  });
});

/** Every JSON file under the fixture folder that carries an RDFC Data Integrity proof. */
function rdfcFixtures(): string[] {
  if (!fixturesPresent) return [];
  const index = JSON.parse(readFileSync(fixturePath('INDEX.json'), 'utf8')) as { file: string }[];
  return index.map((e) => e.file).filter((f) => /\.(json|jsonld)$/.test(f) && /"(eddsa-rdfc-2022|eddsa-2022|ecdsa-rdfc-2019|Ed25519Signature2020)"/.test(readFileSync(fixturePath(f), 'utf8')));
}

const offline = () => createContext({ now: () => Date.parse('2025-06-01T00:00:00Z'), transport: async () => new Response('offline', { status: 404 }) });
const rdfcFiles = rdfcFixtures();
/** The RDFC-signed fixtures that verify offline, with their reports. */
const verifiedFixtures = (
  await Promise.all(rdfcFiles.map(async (file) => ({ file, text: readFileSync(fixturePath(file), 'utf8'), report: await verify({ text: readFileSync(fixturePath(file), 'utf8') }, offline()) })))
).filter((f) => f.report.verdict === 'verified');

describe.skipIf(!fixturesPresent)('every RDFC-signed fixture that verifies shows what its signed data says', () => {
  it('finds RDFC-signed fixtures, and some verify offline', () => {
    expect(rdfcFiles.length).toBeGreaterThan(20);
    expect(verifiedFixtures.length).toBeGreaterThan(5);
  });
  it.each(verifiedFixtures.map((f) => [f.file, f] as const))('%s', async (_file, { text, report }) => {
    expect(disagreements(report, await signedFacts(JSON.parse(text)))).toEqual([]);
  });
});
