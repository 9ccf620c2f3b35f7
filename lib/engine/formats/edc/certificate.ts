/**
 * The seal certificate check: the leaf certificate was valid when the seal
 * was made (sigT within notBefore…notAfter, RFC 5280 §4.1.2.5) and every
 * included link of the chain is signed by the next one (RFC 5280 §6.1.3).
 *
 * What cannot be checked offline stays an `error`: whether the certificate is
 * a qualified seal certificate on an EU trusted list (eIDAS Art. 22, the list
 * the EDCI verifier checks with EU DSS) and whether it was revoked (CRL/OCSP).
 * So a sound seal ends "could not be checked", never "verified".
 */
import { error, fail, isCouldNotCheck } from '../../checks/result';
import { toVerifierError } from '../../errors';
import type { Check } from '../../report';
import { isSignedBy, type SealCertificate } from './x509';

const TRUST_NOT_CHECKED =
  'whether this is a qualified EU seal (EU trusted lists) and whether its certificate was revoked; the certificate itself was valid when the credential was sealed';

/** Checks the certificates of a seal made at `signingTime`. */
export async function checkSealCertificate(certificates: SealCertificate[], signingTime: Date): Promise<Check> {
  const leaf = certificates[0]!;
  const at = signingTime.getTime();
  if (at < leaf.notBefore.getTime() || at > leaf.notAfter.getTime()) {
    return fail('certificate', 'SEAL_CERTIFICATE_NOT_VALID_AT_SIGNING', {
      signingTime: signingTime.toISOString(),
      notBefore: leaf.notBefore.toISOString(),
      notAfter: leaf.notAfter.toISOString(),
    });
  }
  if (leaf.extensions.mayVerifySignatures === false)
    return fail('certificate', 'SEAL_CERTIFICATE_INVALID', { reason: 'the certificate is not meant for signatures or seals (key usage)' });
  for (let i = 0; i + 1 < certificates.length; i++) {
    const broken = await checkLink(certificates[i]!, certificates[i + 1]!, i + 1, at);
    if (broken) return broken;
  }
  return error('certificate', 'SEAL_NOT_CHECKED', { reason: TRUST_NOT_CHECKED, chainLength: certificates.length });
}

/** One link of the chain: `child` (position `n`, 1 = leaf) issued by `parent`, which was valid at `at`. Undefined when sound. */
async function checkLink(child: SealCertificate, parent: SealCertificate, n: number, at: number): Promise<Check | undefined> {
  const notIssued = { reason: `certificate ${n} is not issued by certificate ${n + 1}` };
  let linked: boolean;
  try {
    linked = await isSignedBy(child, parent);
  } catch (e) {
    const err = toVerifierError(e);
    // an algorithm we cannot check, or a bug, leaves the link unknown; anything else is a broken link
    if (isCouldNotCheck(err.code)) return error('certificate', err.code, err.detail);
    return fail('certificate', 'SEAL_CERTIFICATE_INVALID', notIssued);
  }
  if (!linked) return fail('certificate', 'SEAL_CERTIFICATE_INVALID', notIssued);
  if (at < parent.notBefore.getTime() || at > parent.notAfter.getTime())
    return fail('certificate', 'SEAL_CERTIFICATE_INVALID', { reason: `issuing certificate ${n + 1} was not valid when the credential was sealed` });
  return undefined;
}
