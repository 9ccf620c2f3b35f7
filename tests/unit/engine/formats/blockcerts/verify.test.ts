/**
 * Blockcerts v1/v2: recognised by their context or their MerkleProof2017
 * signature, answered "could not be checked" (BLOCKCERTS_UNSUPPORTED), the
 * certificate's own claims in the summary marked not verified.
 */
import { describe, expect, it } from 'vitest';
import { isBlockcertsJson, verifyBlockcerts } from '../../../../../lib/engine/formats/blockcerts/verify';
import { isOb2Json } from '../../../../../lib/engine/formats/ob2/verify';
import { deriveVerdict } from '../../../../../lib/engine/verdict';

const v2 = {
  '@context': ['https://w3id.org/openbadges/v2', 'https://w3id.org/blockcerts/v2'],
  type: 'Assertion',
  id: 'urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c',
  recipient: { type: 'email', identity: 'ada@example.org', hashed: false },
  recipientProfile: { type: ['RecipientProfile', 'Extension'], name: 'Ada Example' },
  badge: {
    type: 'BadgeClass',
    id: 'urn:uuid:82a4c9f2-3588-457b-80ea-da695571b8fc',
    name: 'Certified Data Steward',
    description: 'Completed the data stewardship programme',
    issuer: { id: 'https://issuer.example/issuer.json', type: 'Profile', name: 'University of Learning', url: 'https://issuer.example' },
    criteria: { narrative: 'Passed all modules' },
  },
  issuedOn: '2018-06-14T12:00:00Z',
  signature: { type: ['MerkleProof2017', 'Extension'], targetHash: 'ab', merkleRoot: 'ab', proof: [], anchors: [{ sourceId: 'cd', type: 'BTCOpReturn', chain: 'bitcoinMainnet' }] },
};

describe('Blockcerts v1/v2', () => {
  it('is recognised before the Open Badges 2.0 reader, which would otherwise take its Assertion shape', () => {
    expect(isBlockcertsJson(v2)).toBe(true);
    expect(isOb2Json(v2)).toBe(true);
    expect(isBlockcertsJson({ ...v2, '@context': 'https://w3id.org/openbadges/v2' })).toBe(true); // by its signature
    expect(isBlockcertsJson({ '@context': 'https://w3id.org/blockcerts/v1', type: 'BlockchainCertificate' })).toBe(true);
  });

  it('is not a Blockcerts certificate: OB 2.0 assertions, Blockcerts v3 (a W3C credential, read by the VC reader)', () => {
    expect(isBlockcertsJson({ '@context': 'https://w3id.org/openbadges/v2', type: 'Assertion', verification: { type: 'hosted' } })).toBe(false);
    expect(isBlockcertsJson({ '@context': ['https://www.w3.org/2018/credentials/v1', 'https://w3id.org/blockcerts/v3'], type: ['VerifiableCredential'] })).toBe(false);
  });

  it('is "could not be checked" with BLOCKCERTS_UNSUPPORTED naming MerkleProof2017, never failed', async () => {
    const outcome = await verifyBlockcerts(v2);
    expect(outcome.checks[0]).toMatchObject({ id: 'proof', status: 'error', code: 'BLOCKCERTS_UNSUPPORTED', detail: { suite: 'MerkleProof2017' } });
    expect(deriveVerdict(outcome.checks, outcome.required)).toBe('unverifiable');
    expect(outcome.technical).toMatchObject({ blockcerts: 'v2' });
  });

  it('summarises what the certificate claims, marked not verified', async () => {
    const { summary } = await verifyBlockcerts(v2);
    expect(summary).toMatchObject({
      notVerified: true,
      title: 'Certified Data Steward',
      issuer: { id: 'https://issuer.example/issuer.json', name: 'University of Learning', url: 'https://issuer.example' },
      subject: { name: 'Ada Example' },
      achievement: { criteria: 'Passed all modules' },
      validFrom: '2018-06-14T12:00:00Z',
      credentialId: 'urn:uuid:bbba8553-8ec1-445f-82c9-a57251dd731c',
    });
  });

  it('a v1.2 certificate keeps its claims under document.certificate', async () => {
    const v1 = {
      '@context': 'https://w3id.org/blockcerts/v1',
      type: 'BlockchainCertificate',
      document: {
        certificate: { name: 'Diploma', issuer: { id: 'https://old.example/issuer.json', name: 'Old University' } },
        assertion: { issuedOn: '2016-10-03' },
        recipient: { givenName: 'Grace', familyName: 'Example' },
      },
    };
    const outcome = await verifyBlockcerts(v1);
    expect(outcome.checks[0]).toMatchObject({ code: 'BLOCKCERTS_UNSUPPORTED', detail: { suite: 'Blockcerts v1' } });
    expect(outcome.summary).toMatchObject({ title: 'Diploma', issuer: { name: 'Old University' }, subject: { name: 'Grace Example' }, validFrom: '2016-10-03', notVerified: true });
  });
});
