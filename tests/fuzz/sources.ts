/**
 * Signed credentials the mutation property starts from: real fixtures read in
 * place from ../shared/fixtures (when present) and credentials signed here
 * with fresh keys, across every signing format the verifier accepts offline.
 */
import { readFileSync } from 'node:fs';
import { createContext, type VerifyContext } from '../../lib/engine/context';
import { createFixtureTransport, fixturePath, fixturesPresent } from '../support/fixture-transport';
import { createTestIssuer, signJcs } from '../support/sign-jcs';
import { newEcdsaSigner, newSigner, signCredential, unsignedCredential } from '../support/sign-helper';
import { credentialV2, didKeyOf, makeSigner } from '../unit/engine/keys/jwt-signer';

export interface SignedSource {
  name: string;
  /** 'json' sources get semantic JSON mutations; 'jws' sources compact-JWS mutations */
  kind: 'json' | 'jws';
  text: string;
  /** a fresh context per verification (fixture transport where the source needs one) */
  context(): VerifyContext;
  /**
   * 'verified': the intact source verifies. 'proof': the intact source's proof
   * passes but its issuer binding does not (the W3C vectors name an https
   * issuer beside a did:key), so mutants are judged on the proof check too.
   */
  baseline: 'verified' | 'proof';
}

const FIXTURE_NOW = Date.parse('2025-06-01T00:00:00Z');
const OWN_NOW = Date.parse('2026-06-01T00:00:00Z');
const offline = (now: number) => () => createContext({ now: () => now, transport: async () => new Response('no network here', { status: 404 }) });

const FIXTURE_SOURCES: [string, string, SignedSource['baseline']][] = [
  ['eddsa-rdfc-2022 (DCC OB 3.0, did:key)', 'dcc-vc-test-fixtures/verifiableCredentials/v2/dataIntegrityProof/didKey/legacyRegistry-noStatus-noExpiry-basicOBv3.json', 'verified'],
  ['eddsa-rdfc-2022 (1EdTech OB 3.0, did:key)', '1edtech-validator/ob30/simple-did-key-method.json', 'verified'],
  ['eddsa-rdfc-2022 (W3C vector)', 'w3c-vc-di-eddsa/eddsa-rdfc-2022/signedDataInt.json', 'proof'],
  ['Ed25519Signature2020 (DCC VC 2.0, did:key)', 'dcc-vc-test-fixtures/verifiableCredentials/v2/ed25519/didKey/legacy-noStatus-noExpiry.json', 'verified'],
  ['Ed25519Signature2020 (DCC VC 1.1, did:key)', 'dcc-vc-test-fixtures/verifiableCredentials/v1/ed25519/didKey/oidf-noStatus-noExpiry.json', 'verified'],
  ['Ed25519Signature2020 (W3C vector)', 'w3c-vc-di-eddsa/Ed25519Signature2020/signedEdSig.json', 'proof'],
  ['eddsa-jcs-2022 (W3C vector)', 'w3c-vc-di-eddsa/eddsa-jcs-2022/signedJCS.json', 'proof'],
];

/** Builds every source; fixture ones only when ../shared/fixtures is present. */
export async function loadSources(): Promise<SignedSource[]> {
  const sources: SignedSource[] = [];
  if (fixturesPresent) {
    for (const [name, rel, baseline] of FIXTURE_SOURCES)
      sources.push({ name, kind: 'json', text: JSON.stringify(JSON.parse(readFileSync(fixturePath(rel), 'utf8'))), context: offline(FIXTURE_NOW), baseline });
    sources.push({
      name: 'OB 2.0 signed JWS RS256 (1EdTech simple.jwt, fixture transport)',
      kind: 'jws',
      text: readFileSync(fixturePath('1edtech-validator/ob20/simple.jwt'), 'utf8').trim(),
      context: () => createContext({ now: () => FIXTURE_NOW, transport: createFixtureTransport().transport }),
      baseline: 'verified',
    });
  }
  const rdfcSigner = await newSigner();
  const own = { name: 'Own OB-style credential', credentialSubject: { id: 'did:example:subject', name: 'Grace Example', score: 97, passed: true } };
  sources.push({ name: 'eddsa-rdfc-2022 (own, did:key)', kind: 'json', text: JSON.stringify(await signCredential(unsignedCredential(rdfcSigner.did, own), rdfcSigner)), context: offline(OWN_NOW), baseline: 'verified' });
  for (const [curve, suite] of [['P-256', 'ecdsa-rdfc-2019'], ['P-384', 'ecdsa-jcs-2019']] as const) {
    const ecdsa = await newEcdsaSigner(curve);
    const text = JSON.stringify(await signCredential(unsignedCredential(ecdsa.did, own), ecdsa, { cryptosuite: suite }));
    sources.push({ name: `${suite} ${curve} (own, did:key)`, kind: 'json', text, context: offline(OWN_NOW), baseline: 'verified' });
  }
  const jcsIssuer = createTestIssuer();
  sources.push({ name: 'eddsa-jcs-2022 (own, did:key)', kind: 'json', text: JSON.stringify(await signJcs(unsignedCredential(jcsIssuer.did, own), jcsIssuer)), context: offline(OWN_NOW), baseline: 'verified' });
  const ed = await makeSigner('EdDSA');
  sources.push({ name: 'VC-JWT EdDSA (own, did:key)', kind: 'jws', text: await ed.sign(credentialV2(didKeyOf(ed).did), { kid: didKeyOf(ed).vm }), context: offline(OWN_NOW), baseline: 'verified' });
  return sources;
}
