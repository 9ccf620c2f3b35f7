/**
 * Semantic mutations (SECURITY.md row 43): a forger who cannot break a
 * signature rewrites the JSON within JSON-LD's rules, so that the signed
 * dataset stays the same while the members the engine reads move. Each
 * mutant applies one to three rewrites to a credential signed by a third
 * party. The property, for every mutant:
 * - a source whose signed data says expired or revoked is never verified;
 * - whenever a mutant is verified, what the report shows and checked
 *   (validity window, issuer, titles, status, recipient identifiers) equals
 *   the facts read independently from the signed data (tests/support/signed-facts.ts).
 */
import fc from 'fast-check';
import type { VerifyContext } from '../../lib/engine/context';
import type { Report } from '../../lib/engine/report';
import { recipientIdentifiers } from '../../lib/engine/recipient';
import type { SignedFacts } from '../support/signed-facts';
import { assertProperty, stopwatch, verifyChecked, type FuzzProperty, type FuzzStats } from './common';

type Json = Record<string, unknown>;

const CRED = 'https://www.w3.org/2018/credentials#';
const XSD_DATETIME = 'http://www.w3.org/2001/XMLSchema#dateTime';
/** JSON members and the IRI each stands for in the VC / OB 3.0 contexts. */
const IRI_OF: Record<string, string> = {
  validFrom: `${CRED}validFrom`,
  validUntil: `${CRED}validUntil`,
  issuanceDate: `${CRED}issuanceDate`,
  expirationDate: `${CRED}expirationDate`,
  credentialStatus: `${CRED}credentialStatus`,
  credentialSubject: `${CRED}credentialSubject`,
  issuer: `${CRED}issuer`,
  name: 'https://schema.org/name',
  description: 'https://schema.org/description',
  expires: 'https://w3id.org/security#expiration',
};
const DATES = new Set(['validFrom', 'validUntil', 'issuanceDate', 'expirationDate', 'expires', 'created']);

/** A place in the document: an object and one of its members. */
interface Slot {
  owner: Json;
  key: string;
}

function slots(value: unknown, out: Slot[] = []): Slot[] {
  if (Array.isArray(value)) for (const v of value) slots(v, out);
  else if (value && typeof value === 'object') {
    const owner = value as Json;
    for (const key of Object.keys(owner)) {
      if (key === '@context') continue;
      out.push({ owner, key });
      slots(owner[key], out);
    }
  }
  return out;
}

const objects = (doc: unknown): Json[] => {
  const out: Json[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      out.push(v as Json);
      Object.entries(v as Json).forEach(([k, x]) => k !== '@context' && walk(x));
    }
  };
  walk(doc);
  return out;
};

const asList = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** One rewrite: changes `doc` in place using the picks, or returns false where it cannot apply. */
type Rewrite = (doc: Json, pick: number, pick2: number) => boolean;

const at = <T>(list: T[], pick: number): T | undefined => (list.length === 0 ? undefined : list[pick % list.length]);

const REWRITES: Record<string, Rewrite> = {
  nest(doc, pick) {
    const s = at(slots(doc), pick);
    if (!s) return false;
    s.owner['@nest'] = { ...(s.owner['@nest'] as Json | undefined), [s.key]: s.owner[s.key] };
    delete s.owner[s.key];
    return true;
  },
  iriKey(doc, pick) {
    const s = at(slots(doc).filter((x) => IRI_OF[x.key]), pick);
    if (!s) return false;
    const value = s.owner[s.key];
    s.owner[IRI_OF[s.key]!] = DATES.has(s.key) && typeof value === 'string' ? { '@value': value, '@type': XSD_DATETIME } : value;
    delete s.owner[s.key];
    return true;
  },
  valueObject(doc, pick, pick2) {
    const s = at(slots(doc).filter((x) => typeof x.owner[x.key] === 'string' && x.key !== 'id' && x.key !== 'type'), pick);
    if (!s) return false;
    const value = s.owner[s.key] as string;
    s.owner[s.key] = DATES.has(s.key) && pick2 % 2 === 0 ? { '@value': value, '@type': XSD_DATETIME } : pick2 % 3 === 0 ? { '@value': value, '@language': 'en' } : { '@value': value };
    return true;
  },
  setOrList(doc, pick, pick2) {
    const s = at(slots(doc).filter((x) => x.key !== 'id' && x.key !== 'type'), pick);
    if (!s) return false;
    s.owner[s.key] = { [pick2 % 2 === 0 ? '@set' : '@list']: asList(s.owner[s.key]) };
    return true;
  },
  arrayOfOne(doc, pick) {
    const s = at(slots(doc).filter((x) => !Array.isArray(x.owner[x.key]) && x.key !== 'id'), pick);
    if (!s) return false;
    s.owner[s.key] = [s.owner[s.key]];
    return true;
  },
  unwrapArray(doc, pick) {
    const s = at(slots(doc).filter((x) => Array.isArray(x.owner[x.key]) && (x.owner[x.key] as unknown[]).length === 1), pick);
    if (!s) return false;
    s.owner[s.key] = (s.owner[s.key] as unknown[])[0];
    return true;
  },
  reverseArray(doc, pick) {
    const s = at(slots(doc).filter((x) => Array.isArray(x.owner[x.key]) && (x.owner[x.key] as unknown[]).length > 1), pick);
    if (!s) return false;
    (s.owner[s.key] as unknown[]).reverse();
    return true;
  },
  keywordSpelling(doc, pick) {
    const s = at(slots(doc).filter((x) => x.key === 'id' || x.key === 'type'), pick);
    if (!s) return false;
    s.owner[`@${s.key}`] = s.owner[s.key];
    delete s.owner[s.key];
    return true;
  },
  aliasInContext(doc, pick) {
    const s = at(slots(doc).filter((x) => x.key !== 'id' && x.key !== 'type' && x.key !== 'proof'), pick);
    if (!s) return false;
    doc['@context'] = [...asList(doc['@context']), { hidden: '@nest' }];
    s.owner.hidden = { [s.key]: s.owner[s.key] };
    delete s.owner[s.key];
    return true;
  },
  shorterProofContext(doc) {
    const contexts = asList(doc['@context']);
    const proof = asList(doc.proof)[0] as Json | undefined;
    if (!proof || contexts.length < 2) return false;
    proof['@context'] = contexts.slice(0, -1);
    return true;
  },
  /** Moves a member between two objects that name the same node (the RDF merges them). */
  nodeMerge(doc, pick, pick2) {
    const groups = new Map<string, Json[]>();
    for (const o of objects(doc)) if (typeof o.id === 'string') groups.set(o.id, [...(groups.get(o.id) ?? []), o]);
    // a member referring to a node by id may hold an object naming it instead
    for (const s of slots(doc)) {
      const v = s.owner[s.key];
      if (typeof v === 'string' && s.key !== 'id' && s.key !== 'type' && groups.has(v)) {
        const ref: Json = { id: v };
        s.owner[s.key] = ref;
        groups.get(v)!.push(ref);
      }
    }
    const shared = [...groups.values()].filter((g) => g.length > 1);
    const group = at(shared, pick);
    if (!group) return false;
    const from = group[pick2 % group.length]!;
    const to = group[(pick2 + 1) % group.length]!;
    const key = at(Object.keys(from).filter((k) => k !== 'id' && k !== '@context'), pick2);
    if (!key) return false;
    if (from.type !== undefined && to.type === undefined) to.type = from.type;
    to[key] = from[key];
    delete from[key];
    return true;
  },
  /** Labels a blank node and splits its members over two objects with that label. */
  splitBlankNode(doc, pick) {
    const s = at(slots(doc).filter((x) => { const v = x.owner[x.key]; return !!v && typeof v === 'object' && !Array.isArray(v) && (v as Json).id === undefined && Object.keys(v as Json).length > 1; }), pick);
    if (!s) return false;
    const node = s.owner[s.key] as Json;
    const keys = Object.keys(node);
    const half = Math.ceil(keys.length / 2);
    const a: Json = { id: '_:split' };
    const b: Json = { id: '_:split' };
    keys.forEach((k, i) => ((i < half ? a : b)[k] = node[k]));
    s.owner[s.key] = [a, b];
    return true;
  },
  typeAsIri(doc, pick) {
    const s = at(slots(doc).filter((x) => x.key === 'type' && asList(x.owner.type).includes('VerifiableCredential')), pick);
    if (!s) return false;
    s.owner.type = asList(s.owner.type).map((t) => (t === 'VerifiableCredential' ? `${CRED}VerifiableCredential` : t));
    return true;
  },
  nullMember(doc, pick) {
    const o = at(objects(doc).filter((x) => !('@value' in x)), pick);
    if (!o) return false;
    o[`validUntil`] = o.validUntil ?? null;
    return true;
  },
};

export const SEMANTIC_REWRITES = Object.keys(REWRITES);
/** Rewrites that stay within plain JSON-LD: they reach the signature check and test the reading itself. */
const PLAIN_REWRITES = ['arrayOfOne', 'unwrapArray', 'reverseArray', 'nodeMerge', 'splitBlankNode', 'typeAsIri', 'nullMember'];

/** Applies up to three rewrites; undefined when none applied or the text did not change. */
export function rewrite(text: string, steps: [string, number, number][]): string | undefined {
  const doc = JSON.parse(text) as Json;
  let applied = false;
  for (const [name, pick, pick2] of steps) applied = REWRITES[name]!(doc, pick, pick2) || applied;
  const out = JSON.stringify(doc);
  return applied && out !== text ? out : undefined;
}

/** A credential signed by a third party, with what its signed data says. */
export interface SemanticSource {
  name: string;
  text: string;
  /** the verdict its signed data calls for: anything but verified if expired or revoked */
  truth: 'verified' | 'expired' | 'revoked';
  facts: SignedFacts;
  context(): VerifyContext;
}

/** Differences between a verified report and the signed facts (empty when they agree). */
export function disagreements(report: Report, facts: SignedFacts): string[] {
  const out: string[] = [];
  const among = (label: string, value: string | undefined, allowed: string[], required = false) => {
    if (value === undefined ? required || (label.startsWith('valid') && allowed.length > 0) : !allowed.includes(value)) out.push(`${label}: shown ${String(value)}, signed ${JSON.stringify(allowed)}`);
  };
  const s = report.summary;
  among('validFrom', s.validFrom, facts.validFrom);
  among('validUntil', s.validUntil, facts.validUntil);
  among('issuer', s.issuer?.id, facts.issuer, true);
  among('issuer name', s.issuer?.name, facts.issuerNames);
  among('title', s.title, facts.titles);
  among('achievement name', s.achievement?.name, facts.achievementNames);
  if (s.subject?.id !== undefined) among('subject id', s.subject.id, facts.subjectIds);
  const status = report.checks.find((c) => c.id === 'status');
  if (facts.statusCount > 0 && status?.status !== 'pass') out.push(`status: ${facts.statusCount} signed entries, check ${status?.status}/${status?.code}`);
  const hashes = recipientIdentifiers(report.credential).filter((i) => i.hashed).map((i) => i.value).sort();
  if (JSON.stringify(hashes) !== JSON.stringify([...facts.identityHashes].sort())) out.push(`recipient identifiers: read ${JSON.stringify(hashes)}, signed ${JSON.stringify(facts.identityHashes)}`);
  return out;
}

export interface SemanticStats extends FuzzStats {
  verifiedAgreeing: number;
  /** mutants whose signature still held (the rewrite kept the signed dataset): the ones that test the reading */
  signatureHeld: number;
}

/** The proof check passed, or failed only because the JSON reading differed from the signed data. */
const signatureHeldFor = (report: Report) =>
  report.checks.some((c) => c.id === 'proof' && (c.status === 'pass' || c.code === 'DI_SIGNED_DATA_MISMATCH'));

/** The semantic mutation property for one source. */
export function semanticProperty(source: SemanticSource): FuzzProperty {
  const name = `semantic mutants: ${source.name}`;
  return {
    name,
    async run(options): Promise<SemanticStats> {
      const sw = stopwatch(name, options);
      let mutants = 0;
      let falseVerified = 0;
      let verifiedAgreeing = 0;
      let signatureHeld = 0;
      const intact = await verifyChecked({ text: source.text }, source.context());
      if (intact.verdict !== source.truth) throw new Error(`${source.name}: intact source is ${intact.verdict}, expected ${source.truth}`);
      const steps = (names: string[]) => fc.array(fc.tuple(fc.constantFrom(...names), fc.nat(), fc.nat()), { minLength: 1, maxLength: 3 });
      await assertProperty(fc.oneof(steps(SEMANTIC_REWRITES), steps(PLAIN_REWRITES)), async (steps) => {
        const text = rewrite(source.text, steps);
        if (text === undefined) return;
        mutants++;
        const report = await sw.time(() => verifyChecked({ text }, source.context()));
        if (signatureHeldFor(report)) signatureHeld++;
        if (report.verdict !== 'verified') return;
        const wrong = source.truth === 'verified' ? disagreements(report, source.facts) : [`verified, but its signed data says ${source.truth}`];
        if (wrong.length > 0) {
          falseVerified++;
          throw new Error(`${steps.map((s) => s[0]).join('+')} mutant of ${source.name}: ${wrong.join('; ')}\n${text.slice(0, 3000)}`);
        }
        verifiedAgreeing++;
      }, options);
      return { ...sw.stats, mutants, falseVerified, proofPassed: 0, verifiedAgreeing, signatureHeld };
    },
  };
}
