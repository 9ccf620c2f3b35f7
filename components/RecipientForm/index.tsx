/** "Issued to…": the candidate's email or web address, checked against every credential on the page. */
import { useId, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { parseRecipient, type RecipientInput } from './parse';
import styles from './style.module.css';

export interface RecipientFormProps {
  onSubmit: (recipient: RecipientInput) => void;
  /** removes the recipient and every result it gave; the "Clear" button shows when there is one, or text to clear */
  onClear?: () => void;
  /** a recipient was checked and its results are shown */
  active?: boolean;
}

export function RecipientForm({ onSubmit, onClear, active = false }: RecipientFormProps) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const errorId = useId();
  const clear = () => {
    setText('');
    setInvalid(false);
    onClear?.();
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const recipient = parseRecipient(text);
    setInvalid(!recipient);
    if (recipient) onSubmit(recipient);
  };
  return (
    <form class={styles.form} onSubmit={submit} data-testid="recipient-form">
      <label for={inputId} class={styles.label}>{t('recipientLabel')}</label>
      <span class={styles.row}>
        <input
          id={inputId}
          class={styles.input}
          type="text"
          inputMode="email"
          autoComplete="off"
          spellcheck={false}
          value={text}
          aria-invalid={invalid}
          aria-describedby={invalid ? errorId : undefined}
          onInput={(e) => setText((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class={styles.button}>{t('recipientCheck')}</button>
        {onClear && (active || text !== '') ? (
          <button type="button" class={styles.clear} data-testid="recipient-clear" aria-label={t('recipientClearLabel')} onClick={clear}>
            {t('recipientClear')}
          </button>
        ) : null}
      </span>
      {invalid ? <span id={errorId} class={styles.error} role="alert">{t('recipientInvalid')}</span> : null}
    </form>
  );
}
