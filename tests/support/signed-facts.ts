/**
 * What a Data Integrity credential's signed data says, read independently of
 * the engine: jsonld.js turns the credential (proof removed) into RDF with the
 * contexts of the npm context packages, reads the N-Quads back into node
 * objects, and the facts are taken by IRI from the credential node. The
 * property tests compare every verified report with these facts (SECURITY.md
 * row 43: what is shown and checked is what the proof signs).
 */
import jsonld from 'jsonld';
import { documentLoader } from './third-party-signing';

type Node = Record<string, unknown>;
type Value = { '@id'?: string; '@value'?: unknown };

const CRED = 'https://www.w3.org/2018/credentials#';
const OB = 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#';
const NAME = ['https://schema.org/name', 'http://schema.org/name'];

export interface SignedFacts {
  validFrom: string[];
  validUntil: string[];
  issuer: string[];
  issuerNames: string[];
  /** names of the credential, its achievements, and its types' own names */
  titles: string[];
  achievementNames: string[];
  statusCount: number;
  subjectIds: string[];
  identityHashes: string[];
}

const localName = (iri: string) => iri.slice(Math.max(iri.lastIndexOf('#'), iri.lastIndexOf('/')) + 1);

/** Reads the signed facts of `credential` (its proof is ignored). */
export async function signedFacts(credential: Record<string, unknown>): Promise<SignedFacts> {
  const { proof: _proof, ...unsecured } = credential;
  const nquads = (await jsonld.toRDF(unsecured as jsonld.JsonLdDocument, { format: 'application/n-quads', documentLoader } as unknown as jsonld.Options.ToRdf)) as unknown as string;
  const nodes = (await jsonld.fromRDF(nquads, { format: 'application/n-quads' })) as Node[];
  const byId = new Map(nodes.map((n) => [n['@id'] as string, n]));
  const referenced = new Set(nodes.flatMap((n) => Object.values(n).flatMap((v) => (Array.isArray(v) ? (v as Value[]).map((x) => x['@id']) : []))));
  // The credential node: the one its id names, else the one credential nothing refers to.
  const isCredential = (n: Node) => (n['@type'] as string[] | undefined)?.includes(`${CRED}VerifiableCredential`) === true;
  const roots = typeof credential.id === 'string' ? nodes.filter((n) => n['@id'] === credential.id && isCredential(n)) : nodes.filter((n) => isCredential(n) && !referenced.has(n['@id'] as string));
  if (roots.length !== 1) throw new Error(`signed facts: ${roots.length} credential nodes`);
  const root = roots[0]!;
  const values = (node: Node | undefined, iris: string[]): string[] =>
    node ? iris.flatMap((iri) => ((node[iri] as Value[] | undefined) ?? []).flatMap((v) => (v['@value'] !== undefined ? [String(v['@value'])] : v['@id'] ? [v['@id']] : []))) : [];
  const linked = (node: Node | undefined, iris: string[]): Node[] => values(node, iris).flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
  const issuer = values(root, [`${CRED}issuer`]);
  const subjects = linked(root, [`${CRED}credentialSubject`]);
  const achievements = subjects.flatMap((s) => linked(s, [`${OB}achievement`, `${OB}achievement-0`, `${OB}Achievement`]));
  const achievementNames = achievements.flatMap((a) => values(a, NAME));
  return {
    validFrom: values(root, [`${CRED}validFrom`, `${CRED}issuanceDate`]),
    validUntil: values(root, [`${CRED}validUntil`, `${CRED}expirationDate`]),
    issuer,
    issuerNames: issuer.flatMap((id) => values(byId.get(id), NAME)),
    titles: [...achievementNames, ...values(root, NAME), ...((root['@type'] as string[]) ?? []).map(localName)],
    achievementNames,
    statusCount: values(root, [`${CRED}credentialStatus`]).length,
    subjectIds: subjects.map((s) => s['@id'] as string).filter((id) => !id.startsWith('_:')),
    identityHashes: subjects.flatMap((s) => linked(s, [`${OB}identifier`]).flatMap((i) => values(i, [`${OB}identityHash`]))),
  };
}
