/** "This page": loading, empty, the list of found credentials, or one credential's details. */
import { useEffect, useRef } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import type { TabResults } from '../../lib/extension/tab-results';
import type { TrustEntry } from '../../lib/trust/types';
import { BackButton } from '../BackButton';
import { CredentialDetails } from '../CredentialDetails';
import { CredentialList } from '../CredentialList';
import { CredentialRow } from '../CredentialRow';
import { RecipientForm } from '../RecipientForm';
import type { RecipientInput } from '../RecipientForm/parse';
import styles from './style.module.css';

export type ScanState = 'idle' | 'scanning' | 'failed';

export interface PageViewProps {
  status: 'loading' | 'no-tab' | 'ready';
  results?: TabResults;
  selectedKey?: string;
  onSelect: (key: string | undefined) => void;
  scan: ScanState;
  onScan: () => void;
  /** false where the tab cannot be scanned in place (the browser's PDF viewer runs no content script) */
  canScanPage?: boolean;
  onRecipient: (recipient: RecipientInput) => void;
  trustEntries: readonly TrustEntry[];
  onTrust: (issuerId: string, name?: string) => void;
  onUntrust: (issuerId: string) => void;
}

export function PageView(props: PageViewProps) {
  useFocusReturn(props.selectedKey);
  if (props.status === 'loading') return <p class={styles.message} role="status">{t('loading')}</p>;
  if (props.status === 'no-tab') return <p class={styles.message} role="status">{t('noTab')}</p>;
  const items = props.results?.credentials ?? [];
  const selected = props.selectedKey ? items.find((c) => c.key === props.selectedKey) : undefined;
  if (selected?.state === 'done' && selected.report) {
    return (
      <CredentialDetails
        report={selected.report}
        trustEntries={props.trustEntries}
        onTrust={props.onTrust}
        onUntrust={props.onUntrust}
        onBack={() => props.onSelect(undefined)}
        pageLabel={selected.label}
        autoFocus
      />
    );
  }
  if (selected) {
    return (
      <div class={styles.pending}>
        <BackButton onClick={() => props.onSelect(undefined)} />
        <CredentialRow item={selected} onOpen={() => undefined} />
        <p role="status">{t('verdict_pending')}</p>
      </div>
    );
  }
  return <PageList {...props} />;
}

function PageList({ results, scan, onScan, canScanPage = true, onSelect, onRecipient }: PageViewProps) {
  const items = results?.credentials ?? [];
  const status = scan === 'scanning' ? t('scanning') : scan === 'failed' ? t('scanFailed') : items.length ? t('foundCount', items.length) : '';
  return (
    <div class={styles.page}>
      {results?.profileName ? <p class={styles.profile}>{t('profileOf', results.profileName)}</p> : null}
      <p class={styles.status} role="status" aria-live="polite">{status}</p>
      {items.length === 0 ? (
        <div class={styles.empty} data-testid="empty">
          <p class={styles.message}>{t('emptyNothingFound')}</p>
          {canScanPage ? (
            <>
              <p class={styles.hint}>{t('emptyHint')}</p>
              <button type="button" class={styles.scan} onClick={onScan} disabled={scan === 'scanning'}>{t('scanPage')}</button>
            </>
          ) : null}
        </div>
      ) : (
        <>
          <RecipientForm onSubmit={onRecipient} />
          <CredentialList items={items} onOpen={onSelect} />
        </>
      )}
    </div>
  );
}

/** After "Back to the list", keyboard focus returns to the row that was opened. */
function useFocusReturn(selectedKey: string | undefined): void {
  const previous = useRef<string | undefined>(selectedKey);
  useEffect(() => {
    const opened = previous.current;
    previous.current = selectedKey;
    if (selectedKey !== undefined || opened === undefined) return;
    const rows = document.querySelectorAll<HTMLElement>('[data-testid="credential"]');
    Array.from(rows).find((r) => r.dataset.key === opened)?.focus();
  }, [selectedKey]);
}
