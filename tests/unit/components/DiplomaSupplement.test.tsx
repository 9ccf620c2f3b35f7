/** The Diploma Supplement section of the details. */
import { describe, expect, it } from 'vitest';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { DiplomaSupplement } from '../../../components/DiplomaSupplement';
import type { DiplomaSupplementView } from '../../../lib/qa/types';
import { all, mount, settle } from './dom';
import { makeReport } from './reports';

const view: DiplomaSupplementView = {
  marker: 'profile',
  sections: [
    { section: 'holder', items: [{ field: 'name', value: 'Ana Andromeda' }, { field: 'dateOfBirth', value: '1990-04-30' }] },
    { section: 'level', items: [{ field: 'eqf', value: 'Level 7' }, { field: 'credits', value: '120 ECTS' }] },
    { section: 'function', items: [{ field: 'partialQualification', value: 'false' }] },
  ],
};

describe('<DiplomaSupplement>', () => {
  it('shows the numbered sections with their fields in words', () => {
    const el = mount(<DiplomaSupplement supplement={view} />);
    expect(all(el, '[data-section] h4').map((h) => h.textContent)).toEqual(['1. Holder', '3. Level and duration', '5. Function of the qualification']);
    expect(el.querySelector('[data-field="credits"]')!.textContent).toBe('Credits120 ECTS');
    expect(el.querySelector('[data-field="partialQualification"] dd')!.textContent).toBe('no');
    // a date in the UI language, not as the ISO string the credential holds
    expect(el.querySelector('[data-field="dateOfBirth"] dd')!.textContent).toBe('Apr 30, 1990');
  });

  it('is its own section in the details of an EDC that carries one, never for a failed one', async () => {
    const credential = { type: ['VerifiableCredential', 'DiplomaSupplement'], credentialSubject: { fullName: { en: 'Ana Andromeda' } } };
    const report = makeReport('verified', { format: 'edc', credential });
    const shown = mount(<CredentialDetails report={report} />);
    const failed = mount(<CredentialDetails report={{ ...report, verdict: 'failed' }} />);
    // the EDC profile is loaded on demand (it brings zod); the section appears once it is
    // (on a cold module cache that import takes more than a few turns: wait up to about five seconds)
    const until = Date.now() + 5_000;
    while (Date.now() < until && !shown.querySelector('[data-testid="diploma-supplement"]')) await settle();
    expect(shown.querySelector('[data-testid="diploma-supplement"] [data-field="name"] dd')!.textContent).toBe('Ana Andromeda');
    expect(failed.querySelector('[data-testid="diploma-supplement"]')).toBeNull();
    expect(mount(<CredentialDetails report={makeReport('verified')} />).querySelector('[data-testid="diploma-supplement"]')).toBeNull();
  });
});
