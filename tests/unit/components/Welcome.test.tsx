/** The welcome page: what Credlens does, what it reads, privacy, and the sample badge checked on the spot. */
import { describe, expect, it } from 'vitest';
import { mount, fire, settle } from './dom';
import { SAMPLE_TEXT, Welcome } from '../../../components/Welcome';
import { createContext } from '../../../lib/engine/context';
import { verify } from '../../../lib/engine/pipeline';

describe('<Welcome>', () => {
  it('says what Credlens does, what it reads and how it keeps privacy, in three sentences', () => {
    const el = mount(<Welcome checkSample={async () => ({ message: 'x' })} verifyPageUrl="chrome-extension://id/verify.html" />);
    expect(el.querySelector('h1')!.textContent).toBe('Welcome to Credlens');
    const privacy = el.querySelector('[aria-labelledby="welcome-privacy"] p')!.textContent!;
    expect(privacy.split(/(?<=\.)\s+/)).toHaveLength(3);
    expect(el.querySelectorAll('[aria-labelledby="welcome-reads"] li')).toHaveLength(3);
    expect(el.querySelector('a')!.getAttribute('href')).toBe('chrome-extension://id/verify.html');
  });

  it('the bundled sample verifies offline, and says honestly that no organisation stands behind its key', async () => {
    const report = await verify({ text: SAMPLE_TEXT }, createContext({ transport: async () => { throw new TypeError('offline'); } }));
    expect(report.verdict).toBe('verified');
    const el = mount(<Welcome checkSample={async () => ({ report })} verifyPageUrl="verify.html" />);
    fire(el.querySelector('[data-testid="try-sample"]'), 'click');
    await settle();
    expect(el.querySelector('[data-testid="credential-details"]')!.getAttribute('data-verdict')).toBe('verified');
    expect(el.querySelector('[data-testid="verdict-explanation"]')!.textContent).toContain('nothing ties that key to an organisation');
  });
});
