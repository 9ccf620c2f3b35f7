/** Reports and found-credential entries for the component tests. */
import type { Check, Report, Verdict } from '../../../lib/engine/report';
import type { FoundCredential, TabResults } from '../../../lib/extension/tab-results';
import { fullyDescribed } from '../qa/credentials';

export const PNG = 'data:image/png;base64,iVBORw0KGgo=';

export const passCheck = (id: Check['id']): Check => ({ id, status: 'pass', code: 'OK', message: 'Passed' });

export function makeReport(verdict: Verdict, over: Partial<Report> = {}): Report {
  return {
    verdict,
    format: 'vc-data-integrity',
    container: 'json',
    checks: [passCheck('structure'), passCheck('proof'), passCheck('issuer-binding')],
    summary: {
      title: `Data Literacy (${verdict})`,
      issuer: { id: 'did:web:uni.example', name: 'Universität Beispiel', url: 'https://uni.example' },
      validFrom: '2025-03-01T00:00:00Z',
      image: PNG,
    },
    recipient: { outcome: 'not-checked', identifierTypes: [], message: '' },
    technical: { keyId: 'did:web:uni.example#key-1', keyController: 'did:web:uni.example', canonicalHash: 'ab12', didDocument: { id: 'did:web:uni.example' } },
    inputHash: 'c0ffee',
    checkedAt: '2026-01-01T00:00:00Z',
    credential: fullyDescribed,
    ...over,
  };
}

export const found = (key: string, report?: Report, over: Partial<FoundCredential> = {}): FoundCredential => ({
  key,
  candidateKind: 'json',
  pageUrl: 'https://www.linkedin.com/in/someone',
  state: report ? 'done' : 'pending',
  ...(report ? { report } : {}),
  ...over,
});

export const tabResults = (tabId: number, credentials: FoundCredential[]): TabResults => ({
  tabId,
  pageUrl: 'https://www.linkedin.com/in/someone',
  updatedAt: '2026-01-01T00:00:00Z',
  credentials,
});
