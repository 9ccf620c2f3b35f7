/**
 * The popup: "This page" (credentials found in the current tab, live) and
 * "History". State is read once before the first paint (main.tsx) and then
 * patched from storage change events; the background does all verifying.
 */
import type { ComponentChild } from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { isPdfTabUrl } from '../../lib/pdf/tab';
import { PageView } from '../PageView';
import { PdfScanOffer, VerifyPageLink } from './actions';
import type { InitialState, PopupApi } from './api';
import { LazyHistory } from './lazy-history';
import { usePopupState } from './use-popup-state';
import styles from './style.module.css';

export interface PopupAppProps {
  api: PopupApi;
  /** state read before the first render; without it the popup shows "loading" and reads it itself */
  initial?: InitialState;
  /** from the page URL: `?tab=` (popped out) and `?key=` (open one credential) */
  query?: { tabId?: number; key?: string };
  /** the History view; defaults to the shared HistoryView */
  history?: () => ComponentChild;
}

type View = 'page' | 'history';

const defaultHistory = () => <LazyHistory />;

export function PopupApp({ api, initial, query = {}, history = defaultHistory }: PopupAppProps) {
  const [view, setView] = useState<View>('page');
  const state = usePopupState(api, initial, query.key);
  const { tabId } = state;
  return (
    <div class={styles.app}>
      <header class={styles.header}>
        <h1 class={styles.brand}>{t('extName')}</h1>
        <ViewTabs view={view} onChange={setView} />
        {tabId !== undefined && query.tabId === undefined ? (
          <button type="button" class={styles.popOut} title={t('popOutLabel')} onClick={() => void api.popOut(tabId, state.selectedKey)}>
            {t('popOut')} <span aria-hidden="true">↗</span>
          </button>
        ) : null}
      </header>
      <main class={styles.main}>
        <div id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === 'page' ? <PdfScanOffer tabUrl={state.tabUrl} onOpen={(url) => void api.openVerifyPage(url)} /> : null}
          {view === 'page' ? (
            <PageView
              status={state.status}
              results={state.results}
              selectedKey={state.selectedKey}
              onSelect={state.setSelectedKey}
              scan={state.scan}
              onScan={state.onScan}
              canScanPage={!isPdfTabUrl(state.tabUrl)}
              onRecipient={state.onRecipient}
              onClearRecipient={state.onClearRecipient}
              siteAccess={state.siteAccess}
              onRecheck={state.onRecheck}
              onAllowSites={state.onAllowSites}
              trustEntries={state.trust}
              onTrust={state.onTrust}
              onUntrust={state.onUntrust}
            />
          ) : (
            history()
          )}
        </div>
      </main>
      <VerifyPageLink onOpen={() => void api.openVerifyPage()} />
    </div>
  );
}

/** Two tabs with arrow-key navigation (WAI-ARIA tabs pattern). */
function ViewTabs({ view, onChange }: { view: View; onChange: (v: View) => void }) {
  const views: View[] = ['page', 'history'];
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key !== 'ArrowLeft' && e.key !== 'ArrowRight') return;
    const next = view === 'page' ? 'history' : 'page';
    onChange(next);
    (e.currentTarget as HTMLElement).parentElement?.querySelector<HTMLElement>(`#tab-${next}`)?.focus();
  };
  return (
    <div class={styles.tabs} role="tablist" aria-label={t('viewsLabel')}>
      {views.map((v) => (
        <button
          key={v}
          type="button"
          role="tab"
          id={`tab-${v}`}
          class={styles.tab}
          aria-selected={view === v}
          aria-controls={`panel-${v}`}
          tabIndex={view === v ? 0 : -1}
          onClick={() => onChange(v)}
          onKeyDown={onKeyDown}
        >
          {t(v === 'page' ? 'viewThisPage' : 'viewHistory')}
        </button>
      ))}
    </div>
  );
}
