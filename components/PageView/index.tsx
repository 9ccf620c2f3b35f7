/** "This page": loading, empty, the list of found credentials, or one credential's details. */
import { useEffect, useRef } from 'preact/hooks';
import { t, tn } from '../../lib/extension/i18n';
import { sortRows, summarizePage, type PageSummary } from '../../lib/extension/page-summary';
import type { FoundCredential, TabResults } from '../../lib/extension/tab-results';
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
  /** removes the recipient: every row goes back to "not checked" */
  onClearRecipient?: () => void;
  /** whether the extension may read issuers' sites that send no CORS permission (undefined: unknown) */
  siteAccess?: boolean;
  /** "Try again": one row by key, or every row that could not be checked */
  onRecheck?: (key?: string) => void;
  /** asks for access to issuers' sites, then checks again */
  onAllowSites?: () => void;
  trustEntries: readonly TrustEntry[];
  onTrust: (issuerId: string, name?: string) => void;
  onUntrust: (issuerId: string) => void;
}

export function PageView(props: PageViewProps) {
  useFocusReturn(props.selectedKey);
  useEscapeToList(props.selectedKey, props.onSelect);
  if (props.status === 'loading') return <p class={styles.message} role="status">{t('loading')}</p>;
  if (props.status === 'no-tab') return <p class={styles.message} role="status">{t('noTab')}</p>;
  const items = props.results?.credentials ?? [];
  const selected = props.selectedKey ? items.find((c) => c.key === props.selectedKey) : undefined;
  if (selected?.state === 'done' && selected.report) {
    const couldNotCheck = selected.report.verdict === 'unverifiable';
    return (
      <>
      {/* read anew, keys and revocation status included; the result replaces this one everywhere it is shown */}
      {props.onRecheck ? (
        <button type="button" class={styles.retry} data-testid={couldNotCheck ? 'retry' : 'check-again'} onClick={() => props.onRecheck!(selected.key)}>
          {t(couldNotCheck ? 'tryAgain' : 'historyReverify')}
        </button>
      ) : null}
      <CredentialDetails
        report={selected.report}
        trustEntries={props.trustEntries}
        onTrust={props.onTrust}
        onUntrust={props.onUntrust}
        onBack={() => props.onSelect(undefined)}
        pageLabel={selected.label}
        {...(selected.claim ? { pageClaim: selected.claim } : {})}
        autoFocus
      />
      </>
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

/** Codes of a row that could not be read because the site did not answer (or, without the permission, would not let the extension read it). */
const UNREAD = new Set(['FETCH_NETWORK', 'FETCH_TIMEOUT', 'FETCH_HTTP_STATUS', 'STATUS_RETRIEVAL_ERROR']);

function PageList({ results, scan, onScan, canScanPage = true, onSelect, onRecipient, onClearRecipient, siteAccess, onRecheck, onAllowSites }: PageViewProps) {
  const items = results ? sortRows(results.credentials) : [];
  const summary = results && items.length ? summarizePage(results) : undefined;
  const status = scan === 'scanning' ? t('scanning') : scan === 'failed' ? t('scanFailed') : summary ? summaryLine(summary) : '';
  return (
    <div class={styles.page}>
      {results?.profileName ? <p class={styles.profile}>{t('profileOf', results.profileName)}</p> : null}
      <p class={styles.status} role="status" aria-live="polite" data-testid="page-summary">{status}</p>
      {summary && unreadRows(items) > 0 && onRecheck ? (
        <div class={styles.unread} data-testid="unread">
          <p>{t(siteAccess === false ? 'unreadWithoutAccess' : 'unreadSites')}</p>
          {siteAccess === false && onAllowSites ? (
            <button type="button" class={styles.scan} data-testid="allow-sites" onClick={onAllowSites}>{t('allowSites')}</button>
          ) : (
            <button type="button" class={styles.retry} data-testid="retry-all" onClick={() => onRecheck()}>{t('tryAgain')}</button>
          )}
        </div>
      ) : null}
      {summary?.allAt ? (
        <a class={styles.showAll} href={summary.allAt} target="_blank" rel="noreferrer" data-testid="show-all">
          {t('showAllListed', summary.listed)}
        </a>
      ) : null}
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
          <RecipientForm
            onSubmit={onRecipient}
            {...(onClearRecipient ? { onClear: onClearRecipient } : {})}
            active={items.some((c) => c.report !== undefined && c.report.recipient.outcome !== 'not-checked')}
          />
          <CredentialList items={items} onOpen={onSelect} />
        </>
      )}
    </div>
  );
}

/** Rows that could not be read because a site did not answer. */
function unreadRows(items: readonly FoundCredential[]): number {
  return items.filter((c) => c.report?.verdict === 'unverifiable' && c.report.checks.some((k) => k.status === 'error' && UNREAD.has(k.code))).length;
}

/** "LinkedIn lists 7 certifications · 3 verified · 1 failed · 2 cannot be checked (1 without a link) · 1 says something else than the profile". */
export function summaryLine(summary: PageSummary): string {
  const parts = [summary.fromProfile ? tn('summaryListedLinkedIn', summary.listed) : tn('summaryFound', summary.rows)];
  for (const verdict of ['verified', 'failed', 'revoked', 'expired', 'unverifiable'] as const) {
    const n = summary.verdicts[verdict];
    if (n === 0) continue;
    parts.push(verdict === 'unverifiable' && summary.noLink > 0 ? `${tn(`summary_${verdict}`, n)} ${t('summaryNoLink', summary.noLink)}` : tn(`summary_${verdict}`, n));
  }
  if (summary.pending > 0) parts.push(tn('summary_pending', summary.pending));
  if (summary.mismatched > 0) parts.push(tn('summaryMismatched', summary.mismatched));
  return parts.join(' · ');
}

/** Escape closes one credential's view (its details, or "checking…" while it is checked again): back to the list. */
function useEscapeToList(selectedKey: string | undefined, onSelect: (key: string | undefined) => void): void {
  useEffect(() => {
    if (selectedKey === undefined) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) onSelect(undefined);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [selectedKey, onSelect]);
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
