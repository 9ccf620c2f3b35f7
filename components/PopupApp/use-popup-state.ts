/**
 * The popup's state: the tab, its live results, the trust list, the opened
 * credential and the scan request. Starts from the state read before the
 * first paint when given, then follows storage changes.
 */
import { useEffect, useState } from 'preact/hooks';
import type { TabResults } from '../../lib/extension/tab-results';
import type { TrustEntry } from '../../lib/trust/types';
import type { ScanState } from '../PageView';
import type { RecipientInput } from '../RecipientForm/parse';
import { loadInitial, type InitialState, type PopupApi } from './api';

const isRefusal = (reply: unknown): boolean => typeof reply === 'object' && reply !== null && (reply as { ok?: unknown }).ok === false;

export function usePopupState(api: PopupApi, initial: InitialState | undefined, initialKey: string | undefined) {
  const [loaded, setLoaded] = useState<InitialState | undefined>(initial);
  const [results, setResults] = useState<TabResults | undefined>(initial?.results);
  const [trust, setTrust] = useState<TrustEntry[]>(initial?.trust ?? []);
  const [selectedKey, setSelectedKey] = useState<string | undefined>(initialKey);
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
  /** a recipient that names no one clears it (lib/extension/background/tab-flow.ts recheckRecipient) */
  const onClearRecipient = () => {
    if (tabId !== undefined) void api.send({ type: 'tab/recipient', tabId, recipient: {} }).catch(() => undefined);
  };
  const [siteAccess, setSiteAccess] = useState<boolean | undefined>(undefined);
  useEffect(() => void api.hasSiteAccess().then(setSiteAccess, () => setSiteAccess(undefined)), []);
  /** "Try again": one row, or every row that could not be checked */
  const onRecheck = (key?: string) => {
    if (tabId !== undefined) void api.send({ type: 'tab/recheck', tabId, ...(key ? { key } : {}) }).catch(() => undefined);
  };
  /** Asks for access to issuers' sites in this click, then checks again what could not be read */
  const onAllowSites = () => {
    void api.requestSiteAccess().then((granted) => {
      setSiteAccess(granted);
      if (granted) onRecheck();
    }, () => undefined);
  };
  return {
    status: !loaded ? ('loading' as const) : tabId === undefined ? ('no-tab' as const) : ('ready' as const),
    tabId,
    tabUrl: loaded?.tabUrl,
    results,
    trust,
    selectedKey,
    setSelectedKey,
    scan,
    onScan,
    onRecipient,
    onClearRecipient,
    siteAccess,
    onRecheck,
    onAllowSites,
    onTrust: (issuerId: string, name?: string) => void api.trust(issuerId, name).then(setTrust),
    onUntrust: (issuerId: string) => void api.untrust(issuerId).then(setTrust),
  };
}
