/**
 * The page Credlens opens once, right after it is installed: what it does,
 * what it reads, privacy in three sentences, and a sample badge to check on
 * the spot. The sample is signed with a did:key made for it alone, so its
 * check also shows the honest "nothing ties that key to an organisation".
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { type Report } from '../../lib/engine';
import { CredentialDetails } from '../CredentialDetails';
import sample from './sample-credential.json';
import styles from './style.module.css';

/** The bundled sample, as the text the verify page would send. */
export const SAMPLE_TEXT = JSON.stringify(sample);
export const SAMPLE_NAME = 'credlens-sample-badge.json';

export type SampleCheck = () => Promise<{ report: Report } | { message: string }>;

export interface WelcomeProps {
  /** verifies the sample (the background, as for the verify page) */
  checkSample: SampleCheck;
  /** the verify page's address, for "check a file or link of your own" */
  verifyPageUrl: string;
}

export function Welcome({ checkSample, verifyPageUrl }: WelcomeProps) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ report: Report } | { message: string }>();
  const run = () => {
    setBusy(true);
    void checkSample()
      .catch((e: unknown) => ({ message: String(e) }))
      .then((o) => (setOutcome(o), setBusy(false)));
  };
  return (
    <main class={styles.page}>
      <h1>{t('welcomeTitle')}</h1>
      <section aria-labelledby="welcome-what">
        <h2 id="welcome-what">{t('welcomeWhatHeading')}</h2>
        <p>{t('welcomeWhat')}</p>
        <p>{t('welcomeNext')}</p>
      </section>
      <section aria-labelledby="welcome-reads">
        <h2 id="welcome-reads">{t('welcomeReadsHeading')}</h2>
        <ul>
          <li>{t('welcomeReadsPages')}</li>
          <li>{t('welcomeReadsCv')}</li>
          <li>{t('welcomeReadsFormats')}</li>
        </ul>
      </section>
      <section aria-labelledby="welcome-privacy">
        <h2 id="welcome-privacy">{t('welcomePrivacyHeading')}</h2>
        <p>{t('welcomePrivacy')}</p>
      </section>
      <section aria-labelledby="welcome-try" class={styles.try}>
        <h2 id="welcome-try">{t('welcomeTryHeading')}</h2>
        <p>{t('welcomeTryText')}</p>
        <p class={styles.actions}>
          <button type="button" class={styles.primary} data-testid="try-sample" disabled={busy} onClick={run}>
            {busy ? t('verdict_pending') : t('welcomeTrySample')}
          </button>
          <a href={verifyPageUrl}>{t('welcomeOpenVerify')}</a>
        </p>
        <div aria-live="polite" data-testid="sample-result">
          {outcome && 'report' in outcome ? <CredentialDetails report={outcome.report} /> : null}
          {outcome && 'message' in outcome ? <p role="alert">{t('welcomeSampleFailed', outcome.message)}</p> : null}
        </div>
      </section>
    </main>
  );
}
