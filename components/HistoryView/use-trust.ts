/** The trust list for CredentialDetails' issuer panel, with add and remove. */
import { useEffect, useState } from 'preact/hooks';
import { addTrustedIssuer, getTrustList, removeTrustedIssuer, type TrustEntry } from '../../lib/trust/store';

export function useTrust() {
  const [trustEntries, setEntries] = useState<TrustEntry[]>([]);
  useEffect(() => {
    // no trust list readable (e.g. storage unavailable): the panel simply shows nobody vouching
    getTrustList().then(setEntries, () => setEntries([]));
  }, []);
  return {
    trustEntries,
    onTrust: (issuerId: string, name?: string) => void addTrustedIssuer({ issuerId, name, source: 'user' }).then(setEntries),
    onUntrust: (issuerId: string) => void removeTrustedIssuer(issuerId).then(setEntries),
  };
}
