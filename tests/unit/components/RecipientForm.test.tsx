import { describe, expect, it, vi } from 'vitest';
import { fire, mount } from './dom';
import { RecipientForm } from '../../../components/RecipientForm';
import { parseRecipient } from '../../../components/RecipientForm/parse';

describe('parseRecipient', () => {
  it('accepts an email address or an http(s) URL', () => {
    expect(parseRecipient('  ada@example.org ')).toEqual({ email: 'ada@example.org' });
    expect(parseRecipient('https://ada.example/profile')).toEqual({ url: 'https://ada.example/profile' });
  });

  it('refuses anything else', () => {
    for (const bad of ['', 'ada', 'ada@', 'javascript:alert(1)', 'ftp://x.example', 'https://', `${'a'.repeat(2050)}@x.org`]) {
      expect(parseRecipient(bad), bad).toBeUndefined();
    }
  });
});

describe('<RecipientForm>', () => {
  it('submits a valid recipient and explains an invalid one', () => {
    const onSubmit = vi.fn();
    const el = mount(<RecipientForm onSubmit={onSubmit} />);
    const input = el.querySelector('input')!;
    expect(el.querySelector('label')!.getAttribute('for')).toBe(input.getAttribute('id'));
    input.value = 'not an address';
    fire(input, 'input');
    fire(el.querySelector('form'), 'submit');
    expect(onSubmit).not.toHaveBeenCalled();
    expect(el.querySelector('[role="alert"]')!.textContent).toContain('email address');
    input.value = 'ada@example.org';
    fire(input, 'input');
    fire(el.querySelector('form'), 'submit');
    expect(onSubmit).toHaveBeenCalledWith({ email: 'ada@example.org' });
    expect(el.querySelector('[role="alert"]')).toBeNull();
  });
});
