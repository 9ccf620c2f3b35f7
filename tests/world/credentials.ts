/**
 * The demo credentials, built and signed when the world starts. Each one is a
 * realistic OB 3.0 OpenBadgeCredential (VC-DM 2.0) or OB 2.0 hosted assertion
 * whose correct verdict is known by construction.
 */
import { createHash } from 'node:crypto';
import { encodeStatusList } from './artifacts';
import type { IssuerKeys } from './signing';

type Json = Record<string, unknown>;

/** The profile owner; the recipient check in the popup uses this address. */
export const CANDIDATE = { name: 'Grace Hopper', email: 'grace.hopper@example.com', salt: 'demo-salt-7f3a' } as const;

/** OB identity hash: `sha256$` + hex SHA-256 of identifier + salt (OB 2.0 §IdentityObject, OB 3.0 IdentityHash). */
export function identityHash(email: string, salt: string): string {
  return 'sha256$' + createHash('sha256').update(email + salt).digest('hex');
}

const VC_V2 = 'https://www.w3.org/ns/credentials/v2';
const OB_V3 = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Index of the credential revoked from the start in the demo status list. */
export const REVOKED_INDEX = 42;
/** Index of a credential that starts valid and can be revoked while the world runs (`world.revoke`). */
export const REVOCABLE_INDEX = 7;

export interface DemoCredentialSpec {
  slug: string;
  title: string;
  issuerName: string;
  validFrom: string;
  validUntil?: string;
  statusIndex?: number;
}

/** An OB 3.0 OpenBadgeCredential for the candidate (unsigned). */
export function openBadgeCredential(spec: DemoCredentialSpec, issuer: { id: string }, host: string): Json {
  const credential: Json = {
    '@context': [VC_V2, OB_V3],
    id: `https://${host}/credentials/${spec.slug}`,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    issuer: { id: issuer.id, type: ['Profile'], name: spec.issuerName, url: `https://${host}/` },
    validFrom: spec.validFrom,
    ...(spec.validUntil ? { validUntil: spec.validUntil } : {}),
    name: spec.title,
    credentialSubject: {
      type: ['AchievementSubject'],
      identifier: [
        { type: 'IdentityObject', identityType: 'emailAddress', hashed: true, salt: CANDIDATE.salt, identityHash: identityHash(CANDIDATE.email, CANDIDATE.salt) },
      ],
      achievement: {
        id: `https://${host}/achievements/${spec.slug}`,
        type: ['Achievement'],
        achievementType: 'MicroCredential',
        name: spec.title,
        description: `Awarded for completing the ${spec.title} programme and its assessed project.`,
        criteria: { narrative: 'Pass the proctored final assessment with at least 70%.' },
        image: { id: `https://${host}/badges/${spec.slug}.png`, type: 'Image' },
      },
    },
  };
  if (spec.statusIndex !== undefined) {
    const list = `https://${host}/status/1`;
    credential.credentialStatus = {
      id: `${list}#${spec.statusIndex}`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: String(spec.statusIndex),
      statusListCredential: list,
    };
  }
  return credential;
}

/**
 * The issuer's revocation list, itself a credential signed with the same key.
 * `revoked` are the set bits (BitstringStatusList §2.1: 1 = revoked).
 */
export async function signedStatusList(keys: IssuerKeys, host: string, revoked: readonly number[] = [REVOKED_INDEX]): Promise<Json> {
  const url = `https://${host}/status/1`;
  return keys.signDataIntegrity({
    '@context': [VC_V2],
    id: url,
    type: ['VerifiableCredential', 'BitstringStatusListCredential'],
    issuer: keys.did,
    validFrom: '2025-01-01T00:00:00Z',
    credentialSubject: { id: `${url}#list`, type: 'BitstringStatusList', statusPurpose: 'revocation', encodedList: encodeStatusList(revoked) },
  });
}

/** Changes a signed credential the way a forger would: the visible title. */
export function tamper(signed: Json, newTitle: string): Json {
  const copy = structuredClone(signed);
  copy.name = newTitle;
  ((copy.credentialSubject as Json).achievement as Json).name = newTitle;
  return copy;
}

export interface Ob2Hosted {
  assertion: Json;
  badgeClass: Json;
  issuer: Json;
}

/** An OB 2.0 hosted assertion with its BadgeClass and Issuer Profile (OB 2.0 §Assertion, verification.type hosted). */
export function ob2Hosted(o: {
  assertionUrl: string; badgeClassUrl: string; issuerUrl: string; title: string; issuerName: string; issuerSite: string; imageUrl: string; issuedOn: string;
}): Ob2Hosted {
  const context = 'https://w3id.org/openbadges/v2';
  return {
    assertion: {
      '@context': context, type: 'Assertion', id: o.assertionUrl,
      recipient: { type: 'email', hashed: true, salt: CANDIDATE.salt, identity: identityHash(CANDIDATE.email, CANDIDATE.salt) },
      badge: o.badgeClassUrl, issuedOn: o.issuedOn, image: o.imageUrl,
      verification: { type: 'hosted' },
    },
    badgeClass: {
      '@context': context, type: 'BadgeClass', id: o.badgeClassUrl, name: o.title,
      description: `Earners of ${o.title} demonstrated the skills assessed by ${o.issuerName}.`,
      image: o.imageUrl, criteria: { narrative: 'Pass the performance-based exam.' }, issuer: o.issuerUrl,
    },
    issuer: { '@context': context, type: 'Issuer', id: o.issuerUrl, name: o.issuerName, url: o.issuerSite, email: 'badges@example.org' },
  };
}
