/**
 * Legacy Europass credentials (EDCI v1 XML, xsdVersion 0.x) sealed with an
 * enveloped XAdES signature. Their content is shown and their validity window
 * checked, but the seal is reported as "could not be checked": XAdES needs
 * XML canonicalization (Exclusive XML Canonicalization 1.0, W3C
 * xml-exc-c14n) of the signed references, and no maintained implementation
 * runs in an MV3 service worker without a DOM.
 */
import type { VerifyContext } from '../../context';
import { error, fail, pass, skip } from '../../checks/result';
import { checkValidity } from '../../checks/validity';
import { VerifierError, toVerifierError } from '../../errors';
import type { FormatOutcome } from '../types';
import type { Check, CredentialSummary, TechnicalDetails } from '../../report';
import { REQUIRED_CHECKS } from '../types';
import { describeSubject, parseCertificate } from './x509';
import { child, childrenNamed, findFirst, parseXml, type XmlElement } from './xml';

const NOT_CANONICALIZABLE = 'legacy Europass XML seals (XAdES) need XML canonicalization, which cannot run inside the browser extension';

/** Text of an EDCI multilingual element (`<title><text lang="en">…</text></title>`), English preferred. */
function xmlText(el: XmlElement | undefined): string | undefined {
  if (!el) return undefined;
  const texts = childrenNamed(el, 'text');
  const chosen = texts.find((t) => t.attrs.lang === 'en') ?? texts[0];
  const value = (chosen ?? el).text.trim();
  return value || undefined;
}

/** The EDCI organisation an `idref` points to, among `agentReferences`. */
function organisation(root: XmlElement, id: string | undefined): XmlElement | undefined {
  if (!id) return undefined;
  return childrenNamed(child(root, 'agentReferences'), 'organization').find((o) => o.attrs.id === id);
}

/** Display facts from an EDCI XML credential (title, issuer, learner, dates). */
export function summarizeEdciXml(root: XmlElement): CredentialSummary {
  const issuerRef = child(root, 'issuer')?.attrs.idref;
  const issuer = organisation(root, issuerRef);
  const subject = child(root, 'credentialSubject');
  const text = (name: string) => child(root, name)?.text.trim() || undefined;
  const credentialType = xmlText(child(root, 'type', 'targetName'));
  return {
    title: xmlText(child(root, 'title')),
    description: xmlText(child(root, 'description')),
    issuer: { id: issuerRef, name: xmlText(child(issuer, 'prefLabel')), url: child(issuer, 'homepage')?.attrs.uri },
    subject: { id: subject?.attrs.id, name: xmlText(child(subject, 'fullName')) },
    validFrom: text('validFrom') ?? text('issued'),
    validUntil: text('validUntil'),
    credentialId: root.attrs['cred:id'],
    types: ['EuropassCredential', ...(credentialType ? [credentialType] : [])],
  };
}

/** The enveloped XML signature: EDCI puts it in `<proof>` (xsd 0.10), older files directly under the root. */
const sealElement = (root: XmlElement): XmlElement | undefined => child(root, 'proof', 'Signature') ?? child(root, 'Signature');

/** Facts about the XAdES seal that can be read without canonicalization. */
function sealFacts(signature: XmlElement | undefined): TechnicalDetails {
  if (!signature) return {};
  const technical: TechnicalDetails = { sealType: 'XAdES' };
  const signingTime = findFirst(signature, 'SigningTime')?.text.trim();
  if (signingTime) technical.signingTime = signingTime;
  const certificate = findFirst(signature, 'X509Certificate')?.text.replace(/\s+/g, '');
  if (certificate) {
    try {
      technical.certificateSubject = describeSubject(parseCertificate(certificate));
    } catch {
      // the subject is informative only; an unreadable certificate changes nothing about the outcome
    }
  }
  return technical;
}

/** The parts every EDCI credential has (EDCI xsd 0.10: credentialSubject, issuer, issued). */
function checkXmlStructure(root: XmlElement, summary: CredentialSummary): Check {
  if (!child(root, 'credentialSubject')) return fail('structure', 'STRUCTURE_SUBJECT', { reason: 'no credentialSubject' });
  if (!summary.issuer?.id) return fail('structure', 'STRUCTURE_ISSUER', { reason: 'no issuer reference' });
  if (!summary.validFrom || Number.isNaN(Date.parse(summary.validFrom))) return fail('structure', 'STRUCTURE_DATES', { reason: 'no valid issuance date' });
  return pass('structure', 'A Europass credential (EDCI XML)');
}

/** Reads a legacy EDCI XML credential: content and validity shown, seal reported as not checkable. */
export function verifyEdciXml(xml: string, ctx: VerifyContext): FormatOutcome {
  let root: XmlElement;
  try {
    root = parseXml(xml);
  } catch (e) {
    const err = toVerifierError(e);
    return { format: 'edc', checks: [fail('parse', err.code, err.detail), skip('seal')], required: [...REQUIRED_CHECKS.edc], summary: {}, technical: {} };
  }
  if (root.name !== 'europassCredential') throw new VerifierError('INPUT_UNKNOWN_FORMAT', { reason: `XML document <${root.name.slice(0, 40)}>` });
  const summary = summarizeEdciXml(root);
  const signature = sealElement(root);
  const hasSeal = signature !== undefined;
  const checks: Check[] = [
    checkXmlStructure(root, summary),
    hasSeal ? error('seal', 'SEAL_UNSUPPORTED', { reason: NOT_CANONICALIZABLE }) : fail('seal', 'PROOF_MISSING'),
    skip('certificate', 'SKIPPED', hasSeal ? 'Not checked because the seal could not be checked' : undefined),
    skip('issuer-binding', 'SKIPPED', hasSeal ? 'Not checked because the seal could not be checked' : undefined),
    checkValidity({ validFrom: summary.validFrom, validUntil: summary.validUntil }, ctx.now(), ctx.skewSeconds),
  ];
  return { format: 'edc', checks, required: [...REQUIRED_CHECKS.edc], summary, technical: { ...sealFacts(signature), edcVersion: 'EDCI v1 XML' } };
}
