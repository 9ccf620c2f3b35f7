/**
 * Hosts Credlens may contact although they are private or local (an
 * intranet issuer). Everything else private stays refused (SECURITY.md,
 * network policy: did:web SSRF), so the list is explicit and validated.
 */
import { useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { parseAllowHosts } from '../../lib/extension/settings';
import type { SectionProps } from './GeneralSection';
import styles from './style.module.css';

export function AllowHostsSection({ settings, save }: SectionProps) {
  const [text, setText] = useState(settings.allowHosts.join('\n'));
  const [invalid, setInvalid] = useState<string[]>([]);

  async function submit(e: Event) {
    e.preventDefault();
    const parsed = parseAllowHosts(text);
    setInvalid(parsed.invalid);
    if (parsed.invalid.length) return;
    if (await save({ allowHosts: parsed.hosts })) setText(parsed.hosts.join('\n'));
  }

  return (
    <section class={styles.section} aria-labelledby="hosts-heading">
      <h2 id="hosts-heading">{t('optionsAllowHosts')}</h2>
      <p class={styles.hint}>{t('optionsAllowHostsHint')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label>
          {t('optionsAllowHostsLabel')}
          <textarea rows={4} cols={48} value={text} onInput={(e) => setText(e.currentTarget.value)} spellcheck={false} />
        </label>
        {invalid.length ? (
          <p class={styles.error} role="alert">
            {t('optionsAllowHostsInvalid', invalid.join(', '))}
          </p>
        ) : null}
        <button type="submit">{t('optionsSave')}</button>
      </form>
    </section>
  );
}
