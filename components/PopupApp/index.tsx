/**
 * The popup: "This page" (credentials found in the current tab, live) and
 * "History". State is read once before the first paint (main.tsx) and then
 * patched from storage change events; the background does all verifying.
 */
import type { ComponentChild } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../lib/i18n';
import type { TabResults } from '../../lib/tab-results';
import type { TrustEntry } from '../../lib/trust/types';
import { PageView, type ScanState } from '../PageView';
import type { RecipientInput } from '../RecipientForm/parse';
import { loadInitial, type InitialState, type PopupApi } from './api';
import { LazyHistory } from './lazy-history';
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
  const [loaded, setLoaded] = useState<InitialState | undefined>(initial);
  const [results, setResults] = useState<TabResults | undefined>(initial?.results);
  const [trust, setTrust] = useState<TrustEntry[]>(initial?.trust ?? []);
  const [selectedKey, setSelectedKey] = useState<string | undefined>(query.key);
  const [scan, setScan] = useState<ScanState>('idle');
  const tabId = loaded?.tabId;

  useEffect(() => {
    if (loaded) return;
    void loadInitial(api).then((state) => {
      setLoaded(state);
      setResults(state.results);
      setTrust(state.trust);
    });
  }, []);
  useEffect(() => (tabId === undefined ? undefined : api.watchResults(tabId, setResults)), [tabId]);
  useEffect(() => api.watchTrust(setTrust), []);

  const onScan = () => {
    if (tabId === undefined) return;
    setScan('scanning');
    api.send({ type: 'tab/scan', tabId }).then(
      (reply) => setScan(isRefusal(reply) ? 'failed' : 'idle'),
      () => setScan('failed'),
    );
  };
  const onRecipient = (recipient: RecipientInput) => {
    if (tabId !== undefined) void api.send({ type: 'tab/recipient', tabId, recipient }).catch(() => undefined);
  };
  const status = !loaded ? 'loading' : tabId === undefined ? 'no-tab' : 'ready';
  return (
    <div class={styles.app}>
      <header class={styles.header}>
        <h1 class={styles.brand}>{t('extName')}</h1>
        <ViewTabs view={view} onChange={setView} />
        {tabId !== undefined && query.tabId === undefined ? (
          <button type="button" class={styles.popOut} title={t('popOutLabel')} aria-label={t('popOutLabel')} onClick={() => void api.popOut(tabId, selectedKey)}>
            {t('popOut')} ↗
          </button>
        ) : null}
      </header>
      <main class={styles.main}>
        <div id={`panel-${view}`} role="tabpanel" aria-labelledby={`tab-${view}`}>
          {view === 'page' ? (
            <PageView
              status={status}
              results={results}
              selectedKey={selectedKey}
              onSelect={setSelectedKey}
              scan={scan}
              onScan={onScan}
              onRecipient={onRecipient}
              trustEntries={trust}
              onTrust={(id, name) => void api.trust(id, name).then(setTrust)}
              onUntrust={(id) => void api.untrust(id).then(setTrust)}
            />
          ) : (
            history()
          )}
        </div>
      </main>
    </div>
  );
}

const isRefusal = (reply: unknown): boolean => typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false;

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
