/**
 * Credentials for the semantic mutation property (tests/fuzz/semantic.ts):
 * signed by the Digital Bazaar reference suite (eddsa-rdfc-2022) with fresh
 * keys, or taken from the shared fixtures, each with the verdict its signed
 * data calls for and the facts read from that data. They carry what forgers
 * aim at: an end date in the past, a revocation, names repeated on nodes that
 * share an id, a hashed recipient, an embedded endorsement.
 */
import { readFileSync } from 'node:fs';
import { createContext } from '../../lib/engine/context';
import { encodeStatusList } from '../../lib/engine/status/bitstring';
import { fixturePath, fixturesPresent } from '../support/fixture-transport';
import { signedFacts } from '../support/signed-facts';
import { thirdPartyIssuer } from '../support/third-party-signing';
import type { SemanticSource } from './semantic';

type Json = Record<string, unknown>;

const V2 = 'https://www.w3.org/ns/credentials/v2';
const EX = 'https://www.w3.org/ns/credentials/examples/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const NOW = Date.parse('2026-06-01T00:00:00Z');
const FIXTURE_NOW = Date.parse('2025-06-01T00:00:00Z');
const LIST_URL = 'https://status.example/lists/7';

const served = (routes: Record<string, Json>) => () =>
  createContext({
    now: () => NOW,
    transport: async (url) => (routes[url] ? new Response(JSON.stringify(routes[url]), { status: 200, headers: { 'content-type': 'application/json' } }) : new Response('not found', { status: 404 })),
  });

function badge(issuerDid: string, extra: Json): Json {
  const issuer = { id: issuerDid, type: ['Profile'], name: 'Northern Institute of Data' };
  return {
    '@context': [V2, OB3],
    id: 'urn:uuid:5f0c1a52-2b1e-4d3c-9a0e-6c1f2e3d4b5a',
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Research Data Management',
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [{ type: 'IdentityObject', identityType: 'emailAddress', hashed: true, identityHash: 'sha256$3d4c0b1f6e6bd24e2c8b1a8b1f3c2d9e5a7b6c4d3e2f1a0b9c8d7e6f5a4b3c2d', salt: 'pepper' }],
      achievement: {
        id: 'urn:uuid:0a9b8c7d-6e5f-4a3b-2c1d-0e9f8a7b6c5d',
        type: ['Achievement'],
        name: 'Research Data Management',
        description: 'Plans, documents and archives research data.',
        criteria: { narrative: 'Passed a supervised exam.' },
        creator: issuer,
      },
    },
    ...extra,
  };
}

export async function loadSemanticSources(): Promise<SemanticSource[]> {
  const issuer = await thirdPartyIssuer();
  const sources: SemanticSource[] = [];
  const add = async (name: string, credential: Json, truth: SemanticSource['truth'], context = served({})) =>
    sources.push({ name, text: JSON.stringify(credential), truth, facts: await signedFacts(credential), context });

  await add('OB 3.0, current (Digital Bazaar)', await issuer.sign(badge(issuer.did, {})), 'verified');
  await add('OB 3.0, expired (Digital Bazaar)', await issuer.sign(badge(issuer.did, { validUntil: '2025-06-01T00:00:00Z' })), 'expired');
  const list = await issuer.sign({
    '@context': [V2],
    id: LIST_URL,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: issuer.did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${LIST_URL}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: await encodeStatusList([3]) },
  });
  const status = { type: 'BitstringStatusListEntry', statusPurpose: 'revocation', statusListIndex: '3', statusListCredential: LIST_URL };
  await add('OB 3.0, revoked (Digital Bazaar, Bitstring status list)', await issuer.sign(badge(issuer.did, { credentialStatus: status })), 'revoked', served({ [LIST_URL]: list }));
  const selfReferring = 'urn:uuid:9e8d7c6b-5a4f-4e3d-8c2b-1a0f9e8d7c6b';
  await add(
    'VC 2.0, expired, its subject refers back to it (Digital Bazaar)',
    await issuer.sign({
      '@context': [V2, EX],
      id: selfReferring,
      type: ['VerifiableCredential', 'ExampleCredential'],
      issuer: { id: issuer.did, name: 'Northern Institute of Data' },
      validFrom: '2025-01-01T00:00:00Z',
      validUntil: '2025-06-01T00:00:00Z',
      name: 'Data Stewardship',
      credentialSubject: { id: 'did:example:alice', name: 'Alice Example', seeAlso: { id: selfReferring } },
    }),
    'expired',
  );
  if (fixturesPresent) {
    const fixture = (rel: string) => JSON.parse(readFileSync(fixturePath(rel), 'utf8')) as Json;
    const offline = () => createContext({ now: () => FIXTURE_NOW, transport: async () => new Response('no network here', { status: 404 }) });
    await add('DCC OB 3.0 with an embedded endorsement (fixture)', fixture('dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/oidf-noStatus-notExpired-complexIssuer.json'), 'verified', offline);
    await add('1EdTech OB 3.0, did:key (fixture)', fixture('1edtech-validator/ob30/simple-did-key-method.json'), 'verified', offline);
  }
  return sources;
}
