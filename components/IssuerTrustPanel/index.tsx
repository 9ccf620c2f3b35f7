/**
 * Who signed, what the credential claims about its issuer, and who vouches
 * for it — kept apart from the verdict, so trust never changes it (OB 3.0
 * recommended practices: self-asserted issuer data is marked as such).
 */
import { LIMITS } from '../../lib/engine';
import { t } from '../../lib/extension/i18n';
import { domainLabel, type IssuerTrust } from '../../lib/trust/issuer';
import { formatDate } from '../CredentialRow/row-model';
import { EndorsementLine } from '../EndorsementList';
import styles from './style.module.css';

export interface IssuerTrustPanelProps {
  trust: IssuerTrust;
  /** adds `trust.trustId` to the user's list; no button without it */
  onTrust?: () => void;
  onUntrust?: () => void;
}

function Voucher({ voucher: v }: { voucher: IssuerTrust['vouchers'][number] }) {
  if (v.kind === 'trust-list') return <>{t('trustOnYourList', formatDate(v.since) ?? '', v.label)}</>;
  // an endorsement says whether it was verified and whether it counts (SECURITY.md row 61)
  if (v.kind === 'endorsement' && v.endorsement) return <EndorsementLine endorsement={{ endorser: v.label, ...v.endorsement }} />;
  return <>{t('trustAccreditation', v.label)}</>;
}

export function IssuerTrustPanel({ trust, onTrust, onUntrust }: IssuerTrustPanelProps) {
  const { signer, claimed } = trust;
  return (
    <section class={styles.section} data-testid="issuer-trust">
      <h3 class={styles.heading}>{t('trustHeading')}</h3>
      <h4 class={styles.subheading}>{t('trustSignedBy')}</h4>
      {signer ? (
        <ul class={styles.facts}>
          {signer.issuerId ? <li><code class={styles.id}>{signer.issuerId}</code></li> : null}
          {signer.domain ? <li data-testid="signer-domain">{t('trustDomain', domainLabel(signer)!)}</li> : null}
          {signer.certificateSubject ? <li>{t('trustCertificate', signer.certificateSubject)}</li> : null}
        </ul>
      ) : (
        <p class={styles.muted}>{t('trustSignerUnknown')}</p>
      )}
      {claimed.name || claimed.image ? (
        <>
          <h4 class={styles.subheading}>{t('trustClaims')}</h4>
          <p class={styles.claim}>
            {claimed.image ? <img class={styles.logo} src={claimed.image} alt="" /> : null}
            <span>{claimed.name}</span>
            <span class={claimed.boundToDomain ? styles.bound : styles.own} data-bound={String(claimed.boundToDomain)}>
              {t(claimed.boundToDomain ? 'trustBoundClaim' : 'trustOwnClaim')}
            </span>
          </p>
        </>
      ) : null}
      <h4 class={styles.subheading}>{t('trustVouchers')}</h4>
      {trust.vouchers.length ? (
        <ul class={styles.facts}>{trust.vouchers.map((v, i) => <li key={i} data-voucher={v.kind}><Voucher voucher={v} /></li>)}</ul>
      ) : (
        <p class={styles.muted}>{t('trustNoVouchers')}</p>
      )}
      {trust.endorsementsNotChecked ? <p class={styles.muted}>{t('endorsementsNotChecked', trust.endorsementsNotChecked, LIMITS.endorsementsVerified)}</p> : null}
      {trust.canTrust && onTrust ? <button type="button" class={styles.action} onClick={onTrust}>{t('trustAction')}</button> : null}
      {trust.trusted && onUntrust ? <button type="button" class={styles.action} onClick={onUntrust}>{t('trustRemove')}</button> : null}
      <p class={styles.note}>{t('trustNote')}</p>
    </section>
  );
}
