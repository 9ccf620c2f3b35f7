/**
 * The two certificate extensions that matter for a seal: key usage (RFC 5280
 * §4.2.1.3) and the EU qualified-certificate statements (ETSI EN 319 412-5
 * §4.2: QcCompliance, QcType). Read with the DER reader in der.ts.
 */
import { AsnConvert } from '@peculiar/asn1-schema';
import { id_ce_keyUsage, KeyUsage, KeyUsageFlags, type Extension } from '@peculiar/asn1-x509';
import { decodeOid, readTlv } from './der';

const QC_STATEMENTS_OID = '1.3.6.1.5.5.7.1.3';
/** ETSI EN 319 412-5 §4.2.1: the issuer claims the certificate is EU qualified. */
export const QC_COMPLIANCE = '0.4.0.1862.1.1';
/** §4.2.3: QcType; its value lists 0.4.0.1862.1.6.2 for an electronic seal. */
const QC_TYPE = '0.4.0.1862.1.6';
/** QcType value for an electronic seal. */
export const QC_TYPE_ESEAL = '0.4.0.1862.1.6.2';

/** What the seal certificate's extensions say about its use. */
export interface SealExtensions {
  /** undefined when the certificate has no key usage extension (any use allowed) */
  mayVerifySignatures?: boolean;
  /** statement ids, plus QcType values */
  qcStatements: string[];
}

/** Reads key usage and QC statements; unknown extensions are ignored. */
export function readExtensions(extensions: readonly Extension[] | undefined): SealExtensions {
  const out: SealExtensions = { qcStatements: [] };
  for (const ext of extensions ?? []) {
    const value = new Uint8Array(ext.extnValue.buffer);
    try {
      if (ext.extnID === id_ce_keyUsage) {
        const usage = AsnConvert.parse(value, KeyUsage);
        // a seal is a digital signature; nonRepudiation was renamed contentCommitment (X.509 2008)
        out.mayVerifySignatures = usage.toNumber() & (KeyUsageFlags.digitalSignature | KeyUsageFlags.nonRepudiation) ? true : false;
      } else if (ext.extnID === QC_STATEMENTS_OID) {
        out.qcStatements = readQcStatements(value);
      }
    } catch {
      // an unreadable key usage cannot grant signing; unreadable QC statements only mean no claim is shown
      if (ext.extnID === id_ce_keyUsage) out.mayVerifySignatures = false;
    }
  }
  return out;
}

/** QCStatements ::= SEQUENCE OF SEQUENCE { statementId OID, statementInfo ANY OPTIONAL } (RFC 3739 §3.2.6). */
function readQcStatements(der: Uint8Array): string[] {
  const ids: string[] = [];
  const outer = readTlv(der, 0);
  for (let at = outer.contentStart; at < outer.end; ) {
    const statement = readTlv(der, at);
    const idTlv = readTlv(der, statement.contentStart);
    const id = decodeOid(der.subarray(idTlv.start, idTlv.end));
    if (id) ids.push(id);
    if (id === QC_TYPE && idTlv.end < statement.end) {
      const types = readTlv(der, idTlv.end);
      for (let t = types.contentStart; t < types.end; ) {
        const typeTlv = readTlv(der, t);
        const typeId = decodeOid(der.subarray(typeTlv.start, typeTlv.end));
        if (typeId) ids.push(typeId);
        t = typeTlv.end;
      }
    }
    at = statement.end;
  }
  return ids;
}
