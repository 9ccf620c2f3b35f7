/** The credentials found on a page (or in a history group), each opening its details. */
import { t } from '../../lib/extension/i18n';
import type { FoundCredential } from '../../lib/extension/tab-results';
import { CredentialRow } from '../CredentialRow';
import styles from './style.module.css';

export interface CredentialListProps {
  items: readonly FoundCredential[];
  onOpen: (key: string) => void;
  /** accessible name of the list */
  label?: string;
}

export function CredentialList({ items, onOpen, label = t('credentialList') }: CredentialListProps) {
  return (
    <ul class={styles.list} aria-label={label}>
      {items.map((item) => (
        <li key={item.key}>
          <CredentialRow item={item} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
