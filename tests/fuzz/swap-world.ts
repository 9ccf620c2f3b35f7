/**
 * The world of the document-swap property (tests/fuzz/swaps.ts): three honest
 * issuers, each on its own host, and a forger on another host.
 *
 * - university.example: `did:web:university.example`, Data Integrity
 *   (eddsa-rdfc-2022, signed with the Digital Bazaar libraries), its DID
 *   document and Bitstring Status Lists;
 * - certs.example: the https issuer `https://certs.example/issuers/1`, VC-JWT
 *   (ES256, jose) with its key in `/.well-known/jwks.json`, and status lists
 *   that are VC-JWTs too;
 * - badges.example: an Open Badges 2.0 issuer with its Issuer profile (whose
 *   `publicKey` names its key and whose `revocationList` lists withdrawn signed
 *   badges), a BadgeClass, hosted assertions (a withdrawn one answers 410 Gone)
 *   and signed ones.
 *
 * Besides the documents a credential needs, each honest issuer publishes what
 * a forger could point a credential at: a second list whose bits are clear
 * (another credential's list), an expired list, a suspension list, a mirror of
 * a list at an address that is not its `id`, and an open redirect (`/out?to=`,
 * a common weakness of real sites). An honest server ignores a query string.
 *
 * The forger owns evil.example: their own keys (a did:web, a did:key, a key
 * with the honest DID's key id, an https key, a JWK set, an RSA key for OB 2.0),
 * their own lists and OB 2.0 documents, and can serve anything there. Nothing
 * the forger does changes what the honest hosts serve.
 *
 * One more host, status.lapsed.example, held the status lists of two revoked
 * credentials the issuers signed, and is now the forger's (a lapsed domain, or
 * a status service gone hostile: SECURITY.md threat model, "hostile server"):
 * there the forger replaces the list a signed credential names without
 * touching the credential (SECURITY.md row 45). What they can serve there is
 * what they can make or copy: their own lists, the issuers' lists from other
 * addresses, and the older version of that very list, which the issuer had
 * signed with a validUntil now past. (An older version signed without any end
 * date would be a replay no verifier can recognise; the issuers here date
 * their lists, as Bitstring Status List §2.2 `validUntil` allows.)
 */
import { CompactSign, exportSPKI, generateKeyPair, type JWK } from 'jose';
import { createContext, type VerifyContext } from '../../lib/engine/context';
import { encodeStatusList } from '../../lib/engine/status/bitstring';
import { newSigner, signCredential, type TestSigner } from '../support/sign-helper';
import { thirdPartyIssuer, type ThirdPartyIssuer } from '../support/third-party-signing';
import { makeSigner, type TestSigner as JwtSigner } from '../unit/engine/keys/jwt-signer';

export type Json = Record<string, unknown>;
/** What a URL answers: a JSON value or a JWT (text), or a Response factory (redirect, 410). */
export type Served = unknown;

export const NOW = Date.parse('2026-06-01T00:00:00Z');

const V2 = 'https://www.w3.org/ns/credentials/v2';
const OB3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
const OB2 = 'https://w3id.org/openbadges/v2';

export const FORGER_ORIGIN = 'https://evil.example';
const U = 'https://university.example';
const C = 'https://certs.example';
const B = 'https://badges.example';
const E = FORGER_ORIGIN;

export const HONEST_HOSTS = ['university.example', 'certs.example', 'badges.example'];
export const FORGER_HOST = 'evil.example';
const LAPSED = 'https://status.lapsed.example';
/** Every host whose answers the forger decides. */
export const FORGER_HOSTS = [FORGER_HOST, new URL(LAPSED).host];

/** Index revoked in every issuer's first list; the current credentials sit at a clear index. */
const REVOKED_INDEX = 7;
export const CLEAR_INDEX = 3;

export const redirectTo = (location: string) => () => new Response(null, { status: 302, headers: { location } });
const gone = () => new Response('Gone', { status: 410 });

/** The kind of credential a source is, which decides how a forger can edit and re-sign it. */
export type Family = 'di' | 'jwt' | 'ob2-hosted' | 'ob2-signed';

/** Who an issuer is, as its own documents say. */
export interface HonestIssuer {
  id: string;
  name: string;
}

/** One credential of the world, with the verdict the honest world gives it. */
export interface SwapSource {
  name: string;
  family: Family;
  truth: 'verified' | 'revoked' | 'failed';
  /** the input as the honest holder (or, for a forgery, the forger) hands it over */
  text: string;
  /** the edited part: the credential without its proof (di), the token payload (jwt, ob2-signed), the assertion (ob2-hosted) */
  doc: Json;
  /** di: the proof as signed; jwt / ob2-signed: the header segment and signature of the token */
  proof?: Json;
  token?: { header: string; signature: string };
  /** where an honest host serves this credential (absent for a forgery) */
  honestUrl?: string;
  /** what the forger may serve at the credential's own status list address, when that host is theirs (the first is what it served before) */
  listsAtItsAddress?: Served[];
  /** the list (or OB 2.0 hosted copy) whose answer a verified report must rest on */
  statusUrl: string;
  issuer: HonestIssuer;
}

/** The keys a forger re-signs with, per family, each named by the key id it writes into the credential. */
export type DiForgerKey = 'same-key-id' | 'forger-did-web' | 'forger-did-key' | 'forger-https-key';
export type JwtForgerHeader = 'kid-label' | 'kid-forger-jwks' | 'kid-forger-did-web' | 'kid-issuer-host-did-web' | 'header-jwk' | 'jku-forger-jwks' | 'kid-relative' | 'no-kid';
export type Ob2ForgerCreator = 'forger-key' | 'honest-key-url' | 'forger-key-claiming-honest-id';

export interface SwapWorld {
  /** what each honest host serves (fixed; a forger cannot change it) */
  honest: Record<string, Served>;
  /** what the forger serves on their own host before any swap */
  forger: Record<string, Served>;
  issuers: Record<'di' | 'jwt' | 'ob2', HonestIssuer>;
  sources: SwapSource[];
  /** URLs of documents a swap may point at, by name */
  urls: {
    di: StatusUrls;
    jwt: StatusUrls;
    ob2: Ob2Urls;
  };
  /** the honest issuer's own origin per family (where its open redirect is) */
  homes: Record<Family, string>;
  /** a credential each family's forger owns outright, verified in the same context (first or beside the mutant) when a swap shares it */
  forgerOwn: Record<Family, string>;
  /** OB 2.0 documents a swap may embed */
  ob2Docs: { issuer: Json; badge: Json; forgedIssuer: Json };
  signDi(unsigned: Json, key: DiForgerKey): Promise<Json>;
  signJwt(payload: Json, header: JwtForgerHeader): Promise<string>;
  signOb2(payload: Json): Promise<string>;
  ob2CreatorUrl(creator: Ob2ForgerCreator): string;
  /** the forger's did:key (an identity of the forger, like anything on evil.example) */
  forgerDidKey: string;
  context(routes: Record<string, Served>): VerifyContext;
}

export interface StatusUrls {
  revoking: string;
  /** another list of the same issuer, every bit clear */
  other: string;
  expired: string;
  suspension: string;
  /** serves `other`, whose id names its own address, not this one */
  mirror: string;
  /** the issuer's open redirect to `other` */
  openRedirect: string;
  forgerOwn: string;
  forgerClaimingIssuer: string;
  forgerCopyKeptId: string;
  forgerCopyMovedId: string;
  forgerRedirectToOther: string;
  forgerRedirectToRevoking: string;
}

export interface Ob2Urls {
  issuer: string;
  badge: string;
  key: string;
  revocationList: string;
  forgerIssuerCopy: string;
  forgerIssuerSelf: string;
  forgerIssuerForgedSelf: string;
  forgerBadgeCopy: string;
  forgerBadgeSelf: string;
  forgerBadgeToIssuerCopy: string;
  forgerBadgeToForgedIssuer: string;
  forgerBadgeRedirect: string;
  forgerKey: string;
  forgerEmptyList: string;
}

/** A transport for ctx.fetch: honest hosts answer by path (query ignored, `/out?to=` redirects); the forger's host answers exactly. */
function transport(routes: Record<string, Served>) {
  return async (url: string): Promise<Response> => {
    const u = new URL(url);
    const honest = HONEST_HOSTS.includes(u.host);
    if (honest && u.pathname === '/out') {
      const to = u.searchParams.get('to');
      return to ? redirectTo(to)() : new Response('no target', { status: 400 });
    }
    const route = routes[honest ? `${u.origin}${u.pathname}` : url];
    if (route === undefined) return new Response('not found', { status: 404 });
    if (typeof route === 'function') return (route as () => Response)();
    if (typeof route === 'string') return new Response(route, { status: 200, headers: { 'content-type': 'application/json' } });
    return new Response(JSON.stringify(route), { status: 200, headers: { 'content-type': 'application/json' } });
  };
}

const statusEntry = (listUrl: string, index: number) => ({
  id: `${listUrl}#${index}`,
  type: 'BitstringStatusListEntry',
  statusPurpose: 'revocation',
  statusListIndex: String(index),
  statusListCredential: listUrl,
});

interface ListOptions { revoked?: number[]; purpose?: string; validUntil?: string }

async function listCredential(id: string, issuer: string, o: ListOptions = {}): Promise<Json> {
  return {
    '@context': [V2],
    id,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer,
    validFrom: '2025-01-01T00:00:00Z',
    ...(o.validUntil ? { validUntil: o.validUntil } : {}),
    credentialSubject: { id: `${id}#list`, type: 'BitstringStatusList', statusPurpose: o.purpose ?? 'revocation', encodedList: await encodeStatusList(o.revoked ?? []) },
  };
}

function openBadge(issuer: HonestIssuer, id: string, extra: Json): Json {
  return {
    '@context': [V2, OB3],
    id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: issuer.name },
    validFrom: '2025-01-01T00:00:00Z',
    name: 'Research Data Stewardship',
    credentialSubject: {
      id: 'did:example:learner',
      type: ['AchievementSubject'],
      achievement: { id: 'urn:uuid:7d3c1b2a-0f9e-4d8c-8b7a-6f5e4d3c2b1a', type: ['Achievement'], name: 'Research Data Stewardship', description: 'Plans and archives research data.', criteria: { narrative: 'Passed a supervised exam.' } },
    },
    ...extra,
  };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

function splitToken(token: string): { header: string; signature: string; payload: Json } {
  const [header, payload, signature] = token.split('.');
  return { header: header!, signature: signature!, payload: JSON.parse(Buffer.from(payload!, 'base64url').toString('utf8')) as Json };
}

/** Every honest and forger document, keys and credentials of one world; built once per property run. */
export async function buildSwapWorld(): Promise<SwapWorld> {
  const issuers = {
    di: { id: 'did:web:university.example', name: 'Example University' },
    jwt: { id: `${C}/issuers/1`, name: 'Example Certification Body' },
    ob2: { id: `${B}/issuer`, name: 'Example Badge Academy' },
  };
  const honest: Record<string, Served> = {};
  const forger: Record<string, Served> = {};

  // --- the forger's keys
  const diKeys: Record<Exclude<DiForgerKey, 'forger-https-key'>, ThirdPartyIssuer> = {
    'same-key-id': await thirdPartyIssuer(issuers.di.id),
    'forger-did-web': await thirdPartyIssuer('did:web:evil.example'),
    'forger-did-key': await thirdPartyIssuer(),
  };
  const httpsKey: TestSigner = await newSigner();
  const forgerJwt: JwtSigner = await makeSigner('ES256');
  const forgerRsa = await generateKeyPair('RS256', { extractable: true });

  // --- university.example: did:web, Data Integrity
  const university = await thirdPartyIssuer(issuers.di.id);
  honest[`${U}/.well-known/did.json`] = university.didDocument;
  const di = statusUrls(U, 'di');
  const diList = (id: string, o?: ListOptions) => listCredential(id, issuers.di.id, o).then((l) => university.sign(l));
  honest[di.revoking] = await diList(di.revoking, { revoked: [REVOKED_INDEX] });
  honest[di.other] = await diList(di.other);
  honest[di.expired] = await diList(di.expired, { validUntil: '2026-01-01T00:00:00Z' });
  honest[di.suspension] = await diList(di.suspension, { purpose: 'suspension' });
  honest[di.mirror] = honest[di.other];
  forger[`${E}/.well-known/did.json`] = diKeys['forger-did-web'].didDocument;
  forger[di.forgerOwn] = await diKeys['forger-did-web'].sign(await listCredential(di.forgerOwn, 'did:web:evil.example'));
  forger[di.forgerClaimingIssuer] = await diKeys['same-key-id'].sign(await listCredential(di.forgerClaimingIssuer, issuers.di.id));
  forger[di.forgerCopyKeptId] = honest[di.other];
  forger[di.forgerCopyMovedId] = { ...(honest[di.other] as Json), id: di.forgerCopyMovedId };
  forger[di.forgerRedirectToOther] = redirectTo(di.other);
  forger[di.forgerRedirectToRevoking] = redirectTo(di.revoking);
  // an https key on the forger's host that claims the honest DID as its controller
  forger[`${E}/keys/1`] = { '@context': ['https://w3id.org/security/multikey/v1'], id: `${E}/keys/1`, type: 'Multikey', controller: issuers.di.id, publicKeyMultibase: httpsKey.verificationMethod.split('#')[1] };

  // --- certs.example: https issuer, VC-JWT, JWKS
  const certs = await makeSigner('ES256');
  honest[`${C}/.well-known/jwks.json`] = { keys: [{ ...certs.publicJwk, kid: 'k1', use: 'sig' }] };
  const jwt = statusUrls(C, 'jwt');
  const jwtList = async (id: string, o?: ListOptions) => certs.sign(await listCredential(id, issuers.jwt.id, o), { kid: 'k1' });
  honest[jwt.revoking] = await jwtList(jwt.revoking, { revoked: [REVOKED_INDEX] });
  honest[jwt.other] = await jwtList(jwt.other);
  honest[jwt.expired] = await jwtList(jwt.expired, { validUntil: '2026-01-01T00:00:00Z' });
  honest[jwt.suspension] = await jwtList(jwt.suspension, { purpose: 'suspension' });
  honest[jwt.mirror] = honest[jwt.other];
  const forgerJwks = { keys: [{ ...(forgerJwt.publicJwk as JWK), kid: 'k1', use: 'sig' }] };
  forger[`${E}/.well-known/jwks.json`] = forgerJwks;
  forger[jwt.forgerOwn] = await forgerJwt.sign(await listCredential(jwt.forgerOwn, `${E}/issuers/1`), { kid: 'k1' });
  forger[jwt.forgerClaimingIssuer] = await forgerJwt.sign(await listCredential(jwt.forgerClaimingIssuer, issuers.jwt.id), { kid: 'k1' });
  forger[jwt.forgerCopyKeptId] = honest[jwt.other];
  {
    // the honest list with its id moved to the forger's address: the payload changes under the honest signature
    const t = splitToken(honest[jwt.other] as string);
    forger[jwt.forgerCopyMovedId] = `${t.header}.${b64url({ ...t.payload, id: jwt.forgerCopyMovedId })}.${t.signature}`;
  }
  forger[jwt.forgerRedirectToOther] = redirectTo(jwt.other);
  forger[jwt.forgerRedirectToRevoking] = redirectTo(jwt.revoking);

  // --- badges.example: Open Badges 2.0
  const academyRsa = await generateKeyPair('RS256', { extractable: true });
  const ob2: Ob2Urls = {
    issuer: `${B}/issuer`,
    badge: `${B}/badges/data-stewardship`,
    key: `${B}/key.json`,
    revocationList: `${B}/revoked.json`,
    forgerIssuerCopy: `${E}/ob2/issuer-copy`,
    forgerIssuerSelf: `${E}/ob2/issuer-self`,
    forgerIssuerForgedSelf: `${E}/ob2/issuer`,
    forgerBadgeCopy: `${E}/ob2/badge-copy`,
    forgerBadgeSelf: `${E}/ob2/badge-self`,
    forgerBadgeToIssuerCopy: `${E}/ob2/badge-to-issuer-copy`,
    forgerBadgeToForgedIssuer: `${E}/ob2/badge`,
    forgerBadgeRedirect: `${E}/ob2/badge-redirect`,
    forgerKey: `${E}/ob2/key.json`,
    forgerEmptyList: `${E}/ob2/revoked.json`,
  };
  const issuerProfile: Json = { '@context': OB2, type: 'Issuer', id: ob2.issuer, name: issuers.ob2.name, url: B, email: 'badges@badges.example', publicKey: ob2.key, revocationList: ob2.revocationList };
  const badge: Json = { '@context': OB2, type: 'BadgeClass', id: ob2.badge, name: 'Data Stewardship', description: 'Plans and archives research data.', image: `${B}/badges/data-stewardship.png`, criteria: { narrative: 'Passed a supervised exam.' }, issuer: ob2.issuer };
  const forgedIssuer: Json = { ...issuerProfile, name: `${issuers.ob2.name} (official)`, publicKey: ob2.forgerKey, revocationList: ob2.forgerEmptyList, verification: { allowedOrigins: [FORGER_HOST], startsWith: [`${E}/`] } };
  honest[ob2.issuer] = issuerProfile;
  honest[ob2.badge] = badge;
  honest[ob2.key] = { '@context': OB2, type: 'CryptographicKey', id: ob2.key, owner: ob2.issuer, publicKeyPem: await exportSPKI(academyRsa.publicKey) };
  const forgerPem = await exportSPKI(forgerRsa.publicKey);
  forger[ob2.forgerIssuerCopy] = issuerProfile;
  forger[ob2.forgerIssuerSelf] = { ...issuerProfile, id: ob2.forgerIssuerSelf };
  forger[ob2.forgerIssuerForgedSelf] = { ...forgedIssuer, id: ob2.forgerIssuerForgedSelf };
  forger[ob2.forgerBadgeCopy] = badge;
  forger[ob2.forgerBadgeSelf] = { ...badge, id: ob2.forgerBadgeSelf };
  forger[ob2.forgerBadgeToIssuerCopy] = { ...badge, id: ob2.forgerBadgeToIssuerCopy, issuer: ob2.forgerIssuerCopy };
  forger[ob2.forgerBadgeToForgedIssuer] = { ...badge, id: ob2.forgerBadgeToForgedIssuer, issuer: ob2.forgerIssuerForgedSelf };
  forger[ob2.forgerBadgeRedirect] = redirectTo(ob2.badge);
  forger[ob2.forgerKey] = { '@context': OB2, type: 'CryptographicKey', id: ob2.forgerKey, owner: ob2.issuer, publicKeyPem: forgerPem };
  forger[`${E}/ob2/key-claiming-honest-id.json`] = { '@context': OB2, type: 'CryptographicKey', id: ob2.key, owner: ob2.issuer, publicKeyPem: forgerPem };
  forger[ob2.forgerEmptyList] = { '@context': OB2, type: 'RevocationList', id: ob2.forgerEmptyList, revokedAssertions: [] };
  const ob2Sign = (key: CryptoKey) => (payload: Json) =>
    new CompactSign(new TextEncoder().encode(JSON.stringify(payload))).setProtectedHeader({ alg: 'RS256' }).sign(key);
  const signAsAcademy = ob2Sign(academyRsa.privateKey as CryptoKey);
  const signAsForgerOb2 = ob2Sign(forgerRsa.privateKey as CryptoKey);

  // --- the sources
  const sources: SwapSource[] = [];
  const diSource = async (name: string, truth: SwapSource['truth'], signer: ThirdPartyIssuer, index: number, slug?: string) => {
    const signed = await signer.sign(openBadge(issuers.di, `urn:uuid:${hex8(slug ?? 'forged')}-4c1b-4d4a-9d7e-0c5b1f1d7a11`, { credentialStatus: statusEntry(di.revoking, index) }));
    const { proof, ...doc } = signed;
    const honestUrl = slug ? `${U}/credentials/${slug}.json` : undefined;
    if (honestUrl) honest[honestUrl] = signed;
    sources.push({ name, family: 'di', truth, text: JSON.stringify(signed), doc, proof: proof as Json, honestUrl, statusUrl: di.revoking, issuer: issuers.di });
  };
  await diSource('OB 3.0 Data Integrity, did:web, revoked', 'revoked', university, REVOKED_INDEX, 'revoked');
  await diSource('OB 3.0 Data Integrity, did:web, current', 'verified', university, CLEAR_INDEX, 'current');
  await diSource('OB 3.0 Data Integrity claiming the university, signed by the forger', 'failed', diKeys['same-key-id'], CLEAR_INDEX);

  const jwtSource = async (name: string, truth: SwapSource['truth'], signer: JwtSigner, index: number, slug?: string) => {
    const payload = openBadge(issuers.jwt, `urn:uuid:${hex8(slug ?? 'forged')}-1e0c-4b0a-9a51-0c7b1e5c9d11`, { credentialStatus: statusEntry(jwt.revoking, index) });
    const token = await signer.sign(payload, { kid: 'k1' });
    const t = splitToken(token);
    const honestUrl = slug ? `${C}/credentials/${slug}.jwt` : undefined;
    if (honestUrl) honest[honestUrl] = token;
    sources.push({ name, family: 'jwt', truth, text: token, doc: t.payload, token: { header: t.header, signature: t.signature }, honestUrl, statusUrl: jwt.revoking, issuer: issuers.jwt });
  };
  await jwtSource('VC-JWT, https issuer with a JWK set, revoked', 'revoked', certs, REVOKED_INDEX, 'revoked');
  await jwtSource('VC-JWT, https issuer with a JWK set, current', 'verified', certs, CLEAR_INDEX, 'current');
  await jwtSource('VC-JWT claiming the https issuer, signed by the forger', 'failed', forgerJwt, CLEAR_INDEX);

  // --- the lists on the lapsed host, and the revoked credentials that name them
  interface LapsedFamily {
    family: 'di' | 'jwt';
    urls: StatusUrls;
    issuerId: string;
    forgerIssuer: string;
    signAsIssuer(list: Json): Promise<Served>;
    /** signs as the forger; `claimingIssuer` with the key the forger uses when claiming the issuer's id */
    signAsForger(list: Json, claimingIssuer: boolean): Promise<Served>;
    /** a document with its id moved to `url` under the issuer's own signature */
    moved(document: Served, url: string): Served;
  }
  const listsOnLapsedHost = async (f: LapsedFamily): Promise<Served[]> => {
    const url = `${LAPSED}/${f.family}/1`;
    return [
      // what the issuer published there: revoking, dated
      await f.signAsIssuer(await listCredential(url, f.issuerId, { revoked: [REVOKED_INDEX], validUntil: '2026-12-31T00:00:00Z' })),
      // the older version, from before the revocation, now past its validUntil
      await f.signAsIssuer(await listCredential(url, f.issuerId, { validUntil: '2026-01-01T00:00:00Z' })),
      await f.signAsForger(await listCredential(url, f.forgerIssuer), false),
      await f.signAsForger(await listCredential(url, f.issuerId), true),
      honest[f.urls.other],
      honest[f.urls.suspension],
      f.moved(honest[f.urls.other], url),
      f.moved(honest[f.urls.suspension], url),
      redirectTo(f.urls.other),
      redirectTo(f.urls.revoking),
      () => new Response('not found', { status: 404 }),
      () => new Response('unavailable', { status: 503 }),
      'this is not a status list',
    ];
  };
  const lapsedSource = async (name: string, f: LapsedFamily, sign: (credential: Json) => Promise<string>) => {
    const url = `${LAPSED}/${f.family}/1`;
    const listsAtItsAddress = await listsOnLapsedHost(f);
    forger[url] = listsAtItsAddress[0];
    const signed = await sign(openBadge(issuers[f.family], `urn:uuid:${hex8(`lapsed-${f.family}`)}-4c1b-4d4a-9d7e-0c5b1f1d7a11`, { credentialStatus: statusEntry(url, REVOKED_INDEX) }));
    const base = { name, family: f.family, truth: 'revoked' as const, text: signed, statusUrl: url, issuer: issuers[f.family], listsAtItsAddress };
    if (f.family === 'di') {
      const { proof, ...doc } = JSON.parse(signed) as Json;
      sources.push({ ...base, doc, proof: proof as Json });
    } else {
      const t = splitToken(signed);
      sources.push({ ...base, doc: t.payload, token: { header: t.header, signature: t.signature } });
    }
  };
  await lapsedSource('OB 3.0 Data Integrity, did:web, revoked, its list on a host now the forger\'s', {
    family: 'di', urls: di, issuerId: issuers.di.id, forgerIssuer: 'did:web:evil.example',
    signAsIssuer: (l) => university.sign(l),
    signAsForger: (l, claiming) => diKeys[claiming ? 'same-key-id' : 'forger-did-web'].sign(l),
    moved: (d, url) => ({ ...(d as Json), id: url }),
  }, async (c) => JSON.stringify(await university.sign(c)));
  await lapsedSource('VC-JWT, https issuer, revoked, its list on a host now the forger\'s', {
    family: 'jwt', urls: jwt, issuerId: issuers.jwt.id, forgerIssuer: `${E}/issuers/1`,
    signAsIssuer: (l) => certs.sign(l, { kid: 'k1' }),
    signAsForger: (l) => forgerJwt.sign(l, { kid: 'k1' }),
    moved: (d, url) => {
      const t = splitToken(d as string);
      return `${t.header}.${b64url({ ...t.payload, id: url })}.${t.signature}`;
    },
  }, (c) => certs.sign(c, { kid: 'k1' }));

  const assertion = (id: string, verification: Json): Json => ({
    '@context': OB2, type: 'Assertion', id, recipient: { type: 'email', hashed: false, identity: 'grace@example.org' },
    badge: ob2.badge, issuedOn: '2025-01-01T00:00:00Z', verification,
  });
  const hostedSource = (name: string, truth: SwapSource['truth'], slug: string, served: Served) => {
    const doc = assertion(`${B}/assertions/${slug}`, { type: 'hosted' });
    honest[doc.id as string] = served ?? doc;
    sources.push({ name, family: 'ob2-hosted', truth, text: JSON.stringify(doc), doc, honestUrl: doc.id as string, statusUrl: doc.id as string, issuer: issuers.ob2 });
  };
  hostedSource('OB 2.0 hosted assertion, withdrawn (410 Gone)', 'revoked', 'withdrawn', gone);
  hostedSource('OB 2.0 hosted assertion, current', 'verified', 'current', undefined);
  const signedSource = async (name: string, truth: SwapSource['truth'], id: string, sign: (p: Json) => Promise<string>, slug?: string) => {
    const doc = assertion(id, { type: 'signed', creator: ob2.key });
    const token = await sign(doc);
    const t = splitToken(token);
    const honestUrl = slug ? `${B}/signed/${slug}` : undefined;
    if (honestUrl) honest[honestUrl] = token;
    sources.push({ name, family: 'ob2-signed', truth, text: token, doc, token: { header: t.header, signature: t.signature }, honestUrl, statusUrl: ob2.revocationList, issuer: issuers.ob2 });
  };
  const withdrawnSigned = 'urn:uuid:0b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';
  honest[ob2.revocationList] = { '@context': OB2, type: 'RevocationList', id: ob2.revocationList, revokedAssertions: [{ id: withdrawnSigned, revocationReason: 'Issued in error' }] };
  await signedSource('OB 2.0 signed assertion, on the revocation list', 'revoked', withdrawnSigned, signAsAcademy, 'withdrawn');
  await signedSource('OB 2.0 signed assertion, current', 'verified', 'urn:uuid:1c2d3e4f-5061-4728-9394-b5c6d7e8f9a0', signAsAcademy, 'current');
  await signedSource('OB 2.0 signed assertion naming the academy key, signed by the forger', 'failed', 'urn:uuid:2d3e4f50-6172-4839-a4a5-c6d7e8f9a0b1', signAsForgerOb2);

  // --- what the forger owns outright (verified in the same context when a swap shares it)
  const forgerOwn: Record<Family, string> = {
    di: JSON.stringify(await diKeys['forger-did-web'].sign(openBadge({ id: 'did:web:evil.example', name: issuers.di.name }, 'urn:uuid:e0e0e0e0-4c1b-4d4a-9d7e-0c5b1f1d7a11', { credentialStatus: statusEntry(di.forgerOwn, CLEAR_INDEX) }))),
    jwt: await forgerJwt.sign(openBadge({ id: `${E}/issuers/1`, name: issuers.jwt.name }, 'urn:uuid:e1e1e1e1-1e0c-4b0a-9a51-0c7b1e5c9d11', { credentialStatus: statusEntry(jwt.forgerOwn, CLEAR_INDEX) }), { kid: 'k1' }),
    'ob2-hosted': JSON.stringify({ ...assertion(`${E}/ob2/assertions/own`, { type: 'hosted' }), badge: ob2.forgerBadgeToForgedIssuer }),
    'ob2-signed': await signAsForgerOb2({ ...assertion('urn:uuid:e2e2e2e2-6172-4839-a4a5-c6d7e8f9a0b1', { type: 'signed', creator: ob2.forgerKey }), badge: ob2.forgerBadgeToForgedIssuer }),
  };
  forger[`${E}/ob2/assertions/own`] = JSON.parse(forgerOwn['ob2-hosted']) as Json;

  const diSigned = new Map<string, Promise<Json>>();
  const creators: Record<Ob2ForgerCreator, string> = {
    'forger-key': ob2.forgerKey,
    'honest-key-url': ob2.key,
    'forger-key-claiming-honest-id': `${E}/ob2/key-claiming-honest-id.json`,
  };
  return {
    honest,
    forger,
    issuers,
    sources,
    urls: { di, jwt, ob2 },
    forgerOwn,
    homes: { di: U, jwt: C, 'ob2-hosted': B, 'ob2-signed': B },
    ob2Docs: { issuer: issuerProfile, badge, forgedIssuer },
    forgerDidKey: diKeys['forger-did-key'].did,
    // The forger re-signs with a key of their own; a signature is the same for the same document, so it is made once.
    signDi(unsigned, key) {
      const memoKey = `${key}\n${JSON.stringify(unsigned)}`;
      let signed = diSigned.get(memoKey);
      if (!signed) {
        signed = key === 'forger-https-key' ? signCredential(unsigned, httpsKey, { verificationMethod: `${E}/keys/1` }) : diKeys[key].sign(unsigned);
        diSigned.set(memoKey, signed);
      }
      return signed;
    },
    signJwt(payload, header) {
      const headers: Record<JwtForgerHeader, Json> = {
        'kid-label': { kid: 'k1' },
        'kid-forger-jwks': { kid: `${E}/.well-known/jwks.json#k1` },
        'kid-forger-did-web': { kid: 'did:web:evil.example#key-1' },
        // a did:web on the issuer's own host: allowed to be fetched, but its controller is not the https issuer
        'kid-issuer-host-did-web': { kid: 'did:web:certs.example#k1' },
        'header-jwk': { jwk: forgerJwks.keys[0] },
        'jku-forger-jwks': { jku: `${E}/.well-known/jwks.json`, kid: 'k1' },
        'kid-relative': { kid: '#k1' },
        'no-kid': {},
      };
      return forgerJwt.sign(payload, headers[header]);
    },
    signOb2: signAsForgerOb2,
    ob2CreatorUrl: (creator) => creators[creator],
    context: (routes) => createContext({ now: () => NOW, transport: transport(routes) }),
  };
}

function statusUrls(origin: string, family: 'di' | 'jwt'): StatusUrls {
  return {
    revoking: `${origin}/status/1`,
    other: `${origin}/status/2`,
    expired: `${origin}/status/2025`,
    suspension: `${origin}/status/suspension`,
    mirror: `${origin}/mirror/status/2`,
    openRedirect: `${origin}/out?to=${encodeURIComponent(`${origin}/status/2`)}`,
    forgerOwn: `${E}/${family}/status/own`,
    forgerClaimingIssuer: `${E}/${family}/status/claiming-issuer`,
    forgerCopyKeptId: `${E}/${family}/status/copy`,
    forgerCopyMovedId: `${E}/${family}/status/copy-moved`,
    forgerRedirectToOther: `${E}/${family}/status/redirect`,
    forgerRedirectToRevoking: `${E}/${family}/status/redirect-revoking`,
  };
}

/** Eight hex digits standing for a slug, so each source has a distinct, well-formed urn:uuid. */
function hex8(slug: string): string {
  let h = 0x811c9dc5;
  for (const ch of slug) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}
