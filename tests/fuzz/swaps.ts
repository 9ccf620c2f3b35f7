/**
 * Document swaps (SECURITY.md rows 44–48): a forger who cannot sign as an
 * issuer swaps the documents the verifier fetches instead. Each mutant applies
 * one to three swaps to a credential of the world in tests/fuzz/swap-world.ts,
 * using only what a real forger controls: what the credential embeds and names
 * (re-signed with the forger's own key wherever signed data changes; they never
 * hold the issuer's key), everything on their own host (copies of the issuer's
 * documents with the id kept or moved to their address, documents of their own,
 * redirects to the issuer's documents), the link a recruiter is given, the
 * issuer's open redirect, and verifications sharing the context with a
 * credential of their own (the extension checks a page's rows together, with
 * shared caches). They never change what an honest host serves.
 *
 * The property, for every mutant:
 * - a source whose honest verdict is not `verified` is never verified;
 * - a verified report shows the honest issuer's id and name as the issuer's own
 *   documents say them, and its status rests on the issuer's own list (its
 *   hosted copy for a hosted OB 2.0 assertion), bound to the issuer's key;
 * - unless the swaps replaced every document up to the issuer's profile with the
 *   forger's own: then the report must name the forger's address as the issuer
 *   (a badge of the forger's own, shown as theirs), never the honest issuer's.
 */
import fc from 'fast-check';
import type { VerifyInput } from '../../lib/engine/pipeline';
import type { Report } from '../../lib/engine/report';
import { assertProperty, stopwatch, verifyChecked, type FuzzProperty, type FuzzStats } from './common';
import {
  CLEAR_INDEX,
  FORGER_HOST,
  FORGER_HOSTS,
  FORGER_ORIGIN,
  redirectTo,
  type DiForgerKey,
  type Family,
  type Json,
  type JwtForgerHeader,
  type Ob2ForgerCreator,
  type Served,
  type StatusUrls,
  type SwapSource,
  type SwapWorld,
} from './swap-world';

/** How the link a recruiter is given reaches the credential: straight from the forger's host, through redirects, or through a web page. */
const LINKS = ['direct', 'redirect-to-honest-copy', 'redirect-to-forger', 'issuer-open-redirect', 'page-embedding', 'page-alternate-to-honest-copy'] as const;

/** One mutant being built: the edited credential, how it is signed and handed over, what the forger serves. */
interface Mutant {
  source: SwapSource;
  doc: Json;
  /** signed data changed: the forger must sign again (or leave the issuer's now-broken signature) */
  touched: boolean;
  /** keep the issuer's signature over the edited data instead of signing again */
  staleSignature: boolean;
  diKey?: DiForgerKey;
  jwtHeader?: JwtForgerHeader;
  /** what the forger serves on their host, beyond the world's standing documents */
  routes: Record<string, Served>;
  /** routes that serve the finished mutant itself (a hosted copy, a link) */
  servesMutant: { url: string; id?: string }[];
  link?: (typeof LINKS)[number];
  /** verify a credential the forger owns in the same context: first, or at the same time (shared in-flight loads) */
  sharedContext?: 'before' | 'concurrently';
}

/** One swap: changes the mutant using `pick`, or returns false where it does not apply. */
type Swap = (m: Mutant, world: SwapWorld, pick: number) => boolean;

const at = <T>(list: readonly T[], pick: number): T => list[pick % list.length]!;
const firstStatus = (doc: Json): Json | undefined => {
  const s = doc.credentialStatus;
  return s && typeof s === 'object' && !Array.isArray(s) ? (s as Json) : undefined;
};
const statusUrlsOf = (m: Mutant, world: SwapWorld): StatusUrls => (m.source.family === 'jwt' ? world.urls.jwt : world.urls.di);
/** The forger edits signed data: from here on the mutant carries the forger's signature (or a broken one). */
const touch = (m: Mutant) => {
  m.touched = m.source.family !== 'ob2-hosted';
};

const pointStatusAt = (m: Mutant, url: string): boolean => {
  const entry = firstStatus(m.doc);
  if (!entry) return false;
  m.doc.credentialStatus = { ...entry, id: `${url}#${String(entry.statusListIndex)}`, statusListCredential: url };
  touch(m);
  return true;
};

/** The OB 2.0 Issuer a swap embeds or serves in place of the academy's, by what it claims. */
const embeddedIssuers = (world: SwapWorld): unknown[] => {
  const { id: _id, ...withoutId } = world.ob2Docs.forgedIssuer;
  return [
    world.ob2Docs.issuer,
    world.ob2Docs.forgedIssuer,
    { ...world.ob2Docs.forgedIssuer, verification: { allowedOrigins: [FORGER_HOST] } },
    { ...world.ob2Docs.forgedIssuer, verification: { startsWith: [`${FORGER_ORIGIN}/`] } },
    withoutId,
    { ...withoutId, id: 'urn:uuid:5e6f7081-92a3-4b4c-8d5e-6f708192a3b4' },
    world.urls.ob2.forgerIssuerCopy,
    world.urls.ob2.forgerIssuerSelf,
    world.urls.ob2.forgerIssuerForgedSelf,
  ];
};

const SWAPS: Record<string, { families: Family[]; apply: Swap }> = {
  /** statusListCredential → a list on the forger's host: their own, one claiming the issuer, a copy of the issuer's (id kept or moved), a redirect to the issuer's */
  statusAtForgerList: {
    families: ['di', 'jwt'],
    apply(m, world, pick) {
      const urls = statusUrlsOf(m, world);
      return pointStatusAt(m, at([urls.forgerOwn, urls.forgerClaimingIssuer, urls.forgerCopyKeptId, urls.forgerCopyMovedId, urls.forgerRedirectToOther, urls.forgerRedirectToRevoking], pick));
    },
  },
  /** the list at the credential's own status address replaced, where that host is the forger's (nothing in the credential changes) */
  listAtItsAddress: {
    families: ['di', 'jwt'],
    apply(m, _world, pick) {
      const lists = m.source.listsAtItsAddress;
      if (!lists) return false;
      m.routes[m.source.statusUrl] = at(lists, pick);
      return true;
    },
  },
  /** statusListCredential → another honest list: another credential's (clear), expired, for suspension, a mirror not at its id, the open redirect, another issuer's */
  statusAtHonestList: {
    families: ['di', 'jwt'],
    apply(m, world, pick) {
      const urls = statusUrlsOf(m, world);
      const otherIssuer = m.source.family === 'jwt' ? world.urls.di : world.urls.jwt;
      return pointStatusAt(m, at([urls.other, urls.expired, urls.suspension, urls.mirror, urls.openRedirect, otherIssuer.other, `${urls.revoking}?v=2`], pick));
    },
  },
  /** the entry itself: another index (clear), another purpose, a second entry on a clear list, no status at all */
  statusEntry: {
    families: ['di', 'jwt'],
    apply(m, world, pick) {
      const entry = firstStatus(m.doc);
      if (!entry) return false;
      const variants: (Json | Json[] | undefined)[] = [
        { ...entry, statusListIndex: String(CLEAR_INDEX), id: `${String(entry.statusListCredential)}#${CLEAR_INDEX}` },
        { ...entry, statusPurpose: 'suspension' },
        // a second entry beside it, on another list whose bits are clear: the worst answer must win
        [entry, { ...entry, id: `${statusUrlsOf(m, world).other}#${String(entry.statusListIndex)}`, statusListCredential: statusUrlsOf(m, world).other }],
        undefined,
      ];
      const next = at(variants, pick);
      if (next === undefined) delete m.doc.credentialStatus;
      else m.doc.credentialStatus = next;
      touch(m);
      return true;
    },
  },
  /** the key the credential names: the forger's, under the issuer's key id or as their own DID, did:key, https key, JWKS, header jwk, jku */
  signingKey: {
    families: ['di', 'jwt', 'ob2-signed'],
    apply(m, world, pick) {
      if (m.source.family === 'di') {
        const variants: [DiForgerKey, Served | undefined][] = [
          ['same-key-id', undefined],
          ['forger-did-web', undefined],
          // a DID document on the forger's host that says it is the university's
          ['forger-did-web', { ...(world.forger[`${FORGER_ORIGIN}/.well-known/did.json`] as Json), id: m.source.issuer.id }],
          ['forger-did-key', undefined],
          ['forger-https-key', undefined],
        ];
        const [key, didDocument] = at(variants, pick);
        m.diKey = key;
        if (didDocument) m.routes[`${FORGER_ORIGIN}/.well-known/did.json`] = didDocument;
      } else if (m.source.family === 'jwt') {
        const headers: JwtForgerHeader[] = ['kid-label', 'kid-forger-jwks', 'kid-forger-did-web', 'kid-issuer-host-did-web', 'header-jwk', 'jku-forger-jwks', 'kid-relative', 'no-kid'];
        m.jwtHeader = at(headers, pick);
      } else {
        const creators: Ob2ForgerCreator[] = ['forger-key', 'honest-key-url', 'forger-key-claiming-honest-id'];
        const verification = m.doc.verification as Json;
        m.doc.verification = { ...verification, creator: world.ob2CreatorUrl(at(creators, pick)) };
      }
      m.touched = true;
      return true;
    },
  },
  /** OB 2.0: the BadgeClass embedded, with the Issuer inside it copied, forged (the forger's publicKey, allowedOrigins, startsWith, revocationList, name), without an address, or on the forger's host */
  embeddedIssuer: {
    families: ['ob2-hosted', 'ob2-signed'],
    apply(m, world, pick) {
      m.doc.badge = { ...world.ob2Docs.badge, issuer: at(embeddedIssuers(world), pick) };
      touch(m);
      return true;
    },
  },
  /** OB 2.0: the BadgeClass URL → the forger's copy (id kept, or moved with the issuer kept, copied or forged), or a redirect to the academy's */
  badgeAtForger: {
    families: ['ob2-hosted', 'ob2-signed'],
    apply(m, world, pick) {
      const u = world.urls.ob2;
      m.doc.badge = at([u.forgerBadgeCopy, u.forgerBadgeSelf, u.forgerBadgeToIssuerCopy, u.forgerBadgeToForgedIssuer, u.forgerBadgeRedirect], pick);
      touch(m);
      return true;
    },
  },
  /** OB 2.0 hosted: the assertion's id → the forger's host, serving the edited assertion under that id or the academy's, a redirect to the academy's copy, or the academy's open redirect */
  assertionAtForger: {
    families: ['ob2-hosted'],
    apply(m, _world, pick) {
      const honestId = m.source.doc.id as string;
      const url = `${FORGER_ORIGIN}/ob2/assertions/${pick % 4}`;
      const variant = pick % 4;
      if (variant === 0) m.servesMutant.push({ url });
      else if (variant === 1) m.servesMutant.push({ url, id: honestId });
      else if (variant === 2) m.routes[url] = redirectTo(honestId);
      else {
        m.servesMutant.push({ url });
        m.doc.id = `${new URL(honestId).origin}/out?to=${encodeURIComponent(url)}`;
        return true;
      }
      m.doc.id = url;
      return true;
    },
  },
  /** the recruiter is given a link: to the forger's host serving the mutant, redirecting to the issuer's own copy or to another forger address, through the issuer's open redirect, or to a forger's web page carrying the mutant or pointing at the issuer's copy */
  link: {
    families: ['di', 'jwt', 'ob2-hosted', 'ob2-signed'],
    apply(m, _world, pick) {
      m.link = at(LINKS, pick);
      return true;
    },
  },
  /** the forger's own credential is verified in the same context, first or at the same time (shared caches and in-flight loads) */
  sharedContext: {
    families: ['di', 'jwt', 'ob2-hosted', 'ob2-signed'],
    apply(m, _world, pick) {
      if (m.sharedContext) return false;
      m.sharedContext = pick % 2 === 0 ? 'before' : 'concurrently';
      return true;
    },
  },
  /** the issuer's signature is left over the edited data instead of the forger's own */
  staleSignature: {
    families: ['di', 'jwt', 'ob2-signed'],
    apply(m) {
      if (m.staleSignature) return false;
      m.staleSignature = true;
      return true;
    },
  },
};

export const SWAP_NAMES = Object.keys(SWAPS);

/** Mutants per source in `npm test` (tests/unit/fuzz/swaps.fuzz.test.ts); `npm run fuzz` runs a multiple of it. */
export const SHORT_SWAP_RUNS = 45;
export const swapsFor = (source: SwapSource): string[] =>
  SWAP_NAMES.filter((name) => SWAPS[name]!.families.includes(source.family) && (name !== 'listAtItsAddress' || source.listsAtItsAddress !== undefined));

function newMutant(source: SwapSource): Mutant {
  return { source, doc: structuredClone(source.doc), touched: false, staleSignature: false, routes: {}, servesMutant: [] };
}

const b64url = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

/** The mutant's credential as the forger hands it over. */
async function mutantText(m: Mutant, world: SwapWorld): Promise<string> {
  const { source } = m;
  if (source.family === 'ob2-hosted') return JSON.stringify(m.doc);
  if (!m.touched) return source.text;
  if (source.family === 'di') {
    if (m.staleSignature) return JSON.stringify({ ...m.doc, proof: source.proof });
    return JSON.stringify(await world.signDi(m.doc, m.diKey ?? 'same-key-id'));
  }
  if (m.staleSignature) return `${source.token!.header}.${b64url(m.doc)}.${source.token!.signature}`;
  return source.family === 'jwt' ? world.signJwt(m.doc, m.jwtHeader ?? 'kid-label') : world.signOb2(m.doc);
}

export interface Built {
  input: VerifyInput;
  routes: Record<string, Served>;
  /** every URL the forger answers on (all on their own host) */
  forgerUrls: string[];
}

/** The input and every route of the world for one mutant. */
async function build(m: Mutant, world: SwapWorld): Promise<Built> {
  const text = await mutantText(m, world);
  const routes: Record<string, Served> = { ...world.forger, ...m.routes };
  for (const { url, id } of m.servesMutant) routes[url] = { ...(JSON.parse(text) as Json), id: id ?? m.doc.id };
  let input: VerifyInput = { text };
  if (m.link) {
    const served = `${FORGER_ORIGIN}/links/credential`;
    const relay = `${FORGER_ORIGIN}/links/relay`;
    routes[served] = text;
    if (m.link === 'direct') input = { url: served, follow: true };
    else if (m.link === 'redirect-to-honest-copy') {
      routes[relay] = m.source.honestUrl ? redirectTo(m.source.honestUrl) : text;
      input = { url: relay, follow: true };
    } else if (m.link === 'redirect-to-forger') {
      routes[relay] = redirectTo(served);
      input = { url: relay, follow: true };
    } else if (m.link === 'issuer-open-redirect') {
      input = { url: `${world.homes[m.source.family]}/out?to=${encodeURIComponent(served)}`, follow: true };
    } else {
      const body = m.link === 'page-embedding'
        ? text.startsWith('{') ? `<script type="application/ld+json">${text}</script>` : `<p>${text}</p>`
        : `<link rel="alternate" type="application/vc+ld+json" href="${m.source.honestUrl ?? served}">`;
      routes[relay] = () => new Response(`<!doctype html><html><head><title>Certificate</title>${body}</head><body></body></html>`, { status: 200, headers: { 'content-type': 'text/html' } });
      input = { url: relay, follow: true };
    }
  }
  const forgerUrls = Object.keys(routes);
  const outside = forgerUrls.filter((u) => !FORGER_HOSTS.includes(new URL(u).host));
  if (outside.length > 0) throw new Error(`the model let the forger serve on an honest host: ${outside.join(', ')}`);
  return { input, routes: { ...routes, ...world.honest }, forgerUrls };
}

export type SwapStep = [swap: string, pick: number];

/**
 * Applies `steps` to `source` and verifies the mutant (after or beside the
 * forger's own credential, in the same context, when a step asks for it);
 * undefined when no step applied. `time` wraps the verification (the property's stopwatch).
 */
export async function swapMutant(
  source: SwapSource,
  world: SwapWorld,
  steps: SwapStep[],
  time: (work: () => Promise<Report>) => Promise<Report> = (work) => work(),
): Promise<{ report: Report; built: Built } | undefined> {
  const m = newMutant(source);
  let applied = false;
  for (const [swap, pick] of steps) applied = SWAPS[swap]!.apply(m, world, pick) || applied;
  if (!applied) return undefined;
  const built = await build(m, world);
  const report = await time(async () => {
    const ctx = world.context(built.routes);
    const forgerOwn = { text: world.forgerOwn[source.family] };
    if (m.sharedContext === 'before') await verifyChecked(forgerOwn, ctx);
    if (m.sharedContext === 'concurrently') return (await Promise.all([verifyChecked(built.input, ctx), verifyChecked(forgerOwn, ctx)]))[0];
    return verifyChecked(built.input, ctx);
  });
  return { report, built };
}

/** Whether an issuer id names the forger: their host, their did:web, their did:key. */
export const isForgerIdentity = (id: string | undefined, world: SwapWorld): boolean =>
  id !== undefined && (id.startsWith(`${FORGER_ORIGIN}/`) || id === `did:web:${FORGER_HOST}` || id === world.forgerDidKey);

/** What is wrong with a verified report of a mutant of `source` (empty when nothing is). */
export function verifiedProblems(report: Report, source: SwapSource): string[] {
  const problems: string[] = [];
  if (source.truth !== 'verified') problems.push(`verified, but the honest world says ${source.truth}`);
  const shown = report.summary.issuer;
  if (shown?.id !== source.issuer.id) problems.push(`issuer shown ${String(shown?.id)}, expected ${source.issuer.id}`);
  if (shown?.name !== source.issuer.name) problems.push(`issuer name shown ${String(shown?.name)}, expected ${source.issuer.name}`);
  const status = report.checks.find((c) => c.id === 'status');
  if (status?.status !== 'pass') problems.push(`status ${String(status?.status)}/${String(status?.code)}`);
  if (source.family === 'ob2-hosted') {
    if (report.technical.hostedUrl !== source.statusUrl) problems.push(`hosted copy read at ${String(report.technical.hostedUrl)}, not ${source.statusUrl}`);
  } else if (status?.detail?.url !== source.statusUrl) problems.push(`status read from ${String(status?.detail?.url)}, not ${source.statusUrl}`);
  const binding = report.checks.find((c) => c.id === 'issuer-binding');
  if (source.family === 'di' || source.family === 'jwt') {
    if (binding?.detail?.controller !== source.issuer.id) problems.push(`signing key controlled by ${String(binding?.detail?.controller)}`);
    if (report.technical.signerDid !== undefined) problems.push(`shown as signed by ${String(report.technical.signerDid)}`);
  }
  if (source.family === 'ob2-signed' && binding?.detail?.keyId !== (source.doc.verification as Json).creator) problems.push(`signed with ${String(binding?.detail?.keyId)}`);
  return problems;
}

export interface SwapStats extends FuzzStats {
  /** verified, showing the honest issuer from its own documents with its own status */
  verifiedHonest: number;
  /** verified as a badge of the forger's own, whose issuer is the forger's address */
  verifiedAsForger: number;
  /** verdicts of all mutants */
  verdicts: Record<string, number>;
}

/** The document-swap property for one source of the world. */
export function swapProperty(source: SwapSource, world: SwapWorld): FuzzProperty {
  const name = `document swaps: ${source.name}`;
  return {
    name,
    // re-signing and verifying RDFC credentials costs more than the other families
    weight: source.family === 'di' ? 0.6 : 1,
    async run(options): Promise<SwapStats> {
      const sw = stopwatch(name, options);
      const stats = { mutants: 0, falseVerified: 0, proofPassed: 0, verifiedHonest: 0, verifiedAsForger: 0, verdicts: {} as Record<string, number> };
      const intact = await verifyChecked({ text: source.text }, world.context({ ...world.forger, ...world.honest }));
      if (intact.verdict !== source.truth) throw new Error(`${source.name}: intact source is ${intact.verdict}, expected ${source.truth}`);
      const steps = fc.array(fc.tuple(fc.constantFrom(...swapsFor(source)), fc.nat()), { minLength: 1, maxLength: 3 });
      await assertProperty(steps, async (steps) => {
        const mutant = await swapMutant(source, world, steps, sw.time);
        if (!mutant) return;
        const { report, built } = mutant;
        stats.mutants++;
        stats.verdicts[report.verdict] = (stats.verdicts[report.verdict] ?? 0) + 1;
        const proof = report.checks.find((c) => c.id === 'proof');
        const binding = report.checks.find((c) => c.id === 'issuer-binding');
        // a signature that holds under a key that is not the issuer's: expected for the forger's own keys, counted
        if (proof?.status === 'pass' && binding?.status !== 'pass') stats.proofPassed++;
        if (report.verdict !== 'verified') return;
        if (isForgerIdentity(report.summary.issuer?.id, world)) {
          stats.verifiedAsForger++;
          return;
        }
        const problems = verifiedProblems(report, source);
        if (problems.length > 0) {
          stats.falseVerified++;
          const described = steps.map(([swap, pick]) => `${swap}(${pick})`).join(' + ');
          throw new Error(`${described} on ${source.name}: ${problems.join('; ')}\ninput: ${JSON.stringify(built.input).slice(0, 2000)}\nforger serves: ${built.forgerUrls.join(', ')}`);
        }
        stats.verifiedHonest++;
      }, options);
      return { ...sw.stats, ...stats };
    },
  };
}
