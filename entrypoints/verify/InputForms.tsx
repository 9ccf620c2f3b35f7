/** The two ways in: a plain, labelled file picker, and a box for a pasted link or text. */
import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { pastedPayload, type VerifyPayload } from './inputs';
import styles from './style.module.css';

const ACCEPT = '.png,.svg,.json,.jsonld,.jwt,.txt,.xml,.pdf,image/png,image/svg+xml,application/json,application/pdf';

export function FilePicker({ onFiles }: { onFiles: (files: File[]) => Promise<void> }) {
  return (
    <div class={styles.drop}>
      <label for="verify-files">{t('verifyPickFiles')}</label>
      <input
        id="verify-files"
        type="file"
        multiple
        accept={ACCEPT}
        onChange={(e) => {
          const input = e.currentTarget;
          void onFiles(Array.from(input.files ?? [])).then(() => (input.value = ''));
        }}
      />
      <p class={styles.hint}>{t('verifyDropHint')}</p>
    </div>
  );
}

export function PasteForm({ onSubmit }: { onSubmit: (payload: VerifyPayload, label: string) => void }) {
  const [pasted, setPasted] = useState('');
  function submit(e: Event) {
    e.preventDefault();
    const payload = pastedPayload(pasted);
    if (!payload) return;
    onSubmit(payload, 'url' in payload ? payload.url : t('verifyPastedText'));
    setPasted('');
  }
  return (
    <form onSubmit={submit} class={styles.paste}>
      <label for="verify-paste">{t('verifyPasteLabel')}</label>
      <textarea id="verify-paste" rows={4} value={pasted} onInput={(e) => setPasted(e.currentTarget.value)} spellcheck={false} />
      <button type="submit" disabled={!pasted.trim()}>{t('verifyPasteButton')}</button>
    </form>
  );
}
