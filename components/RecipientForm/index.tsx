/** "Issued to…": the candidate's email or web address, checked against every credential on the page. */
import { useId, useState } from 'preact/hooks';
import { t } from '../../lib/extension/i18n';
import { parseRecipient, type RecipientInput } from './parse';
import styles from './style.module.css';

export interface RecipientFormProps {
  onSubmit: (recipient: RecipientInput) => void;
}

export function RecipientForm({ onSubmit }: RecipientFormProps) {
  const [text, setText] = useState('');
  const [invalid, setInvalid] = useState(false);
  const inputId = useId();
  const errorId = useId();
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
      </span>
      {invalid ? <span id={errorId} class={styles.error} role="alert">{t('recipientInvalid')}</span> : null}
    </form>
  );
}
