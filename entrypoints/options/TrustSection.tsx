/**
 * Trust lists: issuers the recruiter chose to trust. Trust is shown beside
 * the verdict and never changes it (lib/trust/store.ts).
 */
import { useEffect, useState } from 'preact/hooks';
import { datedName, downloadText } from '../../components/HistoryView/download';
import { t } from '../../lib/extension/i18n';
import { addTrustedIssuer, exportTrustList, getTrustList, importTrustList, removeTrustedIssuer, type TrustEntry } from '../../lib/trust/store';
import styles from './style.module.css';

/** Trust list files are small; anything bigger is not one. */
const MAX_TRUST_FILE_BYTES = 5 * 1024 * 1024;

export function TrustSection() {
  const [entries, setEntries] = useState<TrustEntry[]>([]);
  const [issuerId, setIssuerId] = useState('');
  const [name, setName] = useState('');
  const [status, setStatus] = useState<{ text: string; error?: boolean }>();
  useEffect(() => void getTrustList().then(setEntries), []);

  async function add(e: Event) {
    e.preventDefault();
    const id = issuerId.trim();
    if (!id) return;
    setEntries(await addTrustedIssuer({ issuerId: id, name: name.trim() || undefined, source: 'user' }));
    setIssuerId('');
    setName('');
  }

  async function importFile(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    if (file.size > MAX_TRUST_FILE_BYTES) return setStatus({ text: t('trustImportTooLarge'), error: true });
    try {
      const r = await importTrustList(await file.text(), undefined, { source: file.name.slice(0, 100) });
      setStatus({ text: t('trustImported', r.added, r.total) });
      setEntries(await getTrustList());
    } catch {
      // the reader's reason is English (lib/trust/store.ts): the sentence in the UI language says the same
      setStatus({ text: t('trustImportFailed'), error: true });
    }
  }

  return (
    <section class={styles.section} aria-labelledby="trust-heading">
      <h2 id="trust-heading">{t('trustTitle')}</h2>
      <p class={styles.hint}>{t('trustHint')}</p>
      {entries.length === 0 ? <p>{t('trustEmpty')}</p> : null}
      <ul class={styles.trustList}>
        {entries.map((e) => (
          <li key={e.issuerId}>
            <span>
              <strong>{e.name ?? e.issuerId}</strong>
              {e.name ? <code> {e.issuerId}</code> : null} <small>({e.source})</small>
            </span>
            <button type="button" onClick={async () => setEntries(await removeTrustedIssuer(e.issuerId))} aria-label={t('trustRemoveNamed', e.name ?? e.issuerId)}>
              {t('trustRemove')}
            </button>
          </li>
        ))}
      </ul>
      <form class={styles.row} onSubmit={(e) => void add(e)}>
        <label>
          {t('trustIssuerId')}
          <input type="text" required value={issuerId} onInput={(e) => setIssuerId(e.currentTarget.value)} placeholder="did:web:badges.example.edu" />
        </label>
        <label>
          {t('trustIssuerName')}
          <input type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
        </label>
        <button type="submit">{t('trustAdd')}</button>
      </form>
      <div class={styles.row}>
        <label>
          {t('trustImport')}
          <input type="file" accept="application/json,.json" onChange={(e) => void importFile(e.currentTarget)} />
        </label>
        <button type="button" onClick={async () => downloadText(await exportTrustList(), datedName('credlens-trust-list', 'json'), 'application/json')}>
          {t('trustExport')}
        </button>
      </div>
      {status ? <p role="status" class={status.error ? styles.error : styles.notice}>{status.text}</p> : null}
    </section>
  );
}
