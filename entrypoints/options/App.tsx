/** The options page: settings sections, then the full-page history. */
import { useState } from 'preact/hooks';
import { HistoryView } from '../../components/HistoryView';
import { t } from '../../lib/extension/i18n';
import { AllowHostsSection } from './AllowHostsSection';
import { ClearDataSection } from './ClearDataSection';
import { GeneralSection } from './GeneralSection';
import { TrustSection } from './TrustSection';
import { useSettings } from './use-settings';
import styles from './style.module.css';

export function OptionsApp() {
  // bumped after "delete all data", so every section re-reads what is (no longer) stored
  const [epoch, setEpoch] = useState(0);
  const { settings, save, status } = useSettings(epoch);
  return (
    <main class={styles.page}>
      <h1>{t('optionsTitle')}</h1>
      <p>
        <a href="/verify.html">{t('optionsOpenVerify')}</a>
      </p>
      {status ? (
        <p role="status" class={status.error ? styles.error : styles.notice}>
          {status.text}
        </p>
      ) : null}
      {settings ? (
        <>
          <GeneralSection key={`g${epoch}`} settings={settings} save={save} />
          <AllowHostsSection key={`h${epoch}`} settings={settings} save={save} />
        </>
      ) : (
        <p>{t('optionsLoading')}</p>
      )}
      <TrustSection key={`t${epoch}`} />
      {/* HistoryView is itself the labelled region; a second "History" landmark would repeat it */}
      <div class={styles.section}>
        <h2>{t('historyTitle')}</h2>
        <HistoryView key={`v${epoch}`} mode="page" />
      </div>
      <ClearDataSection onCleared={() => setEpoch((n) => n + 1)} />
    </main>
  );
}
