import { describe, expect, it } from 'vitest';
import { mount } from './dom';
import { makeReport } from './reports';
import { CredentialDetails } from '../../../components/CredentialDetails';
import { labelDiffers } from '../../../components/CredentialDetails/label-check';

describe('labelDiffers', () => {
  it('accepts the same credential named a little differently', () => {
    expect(labelDiffers('AWS Certified Developer', 'AWS Certified Developer – Associate')).toBe(false);
    expect(labelDiffers('Data literacy for managers', 'Data Literacy for Managers')).toBe(false);
    expect(labelDiffers('Prüfung Ökologie', 'Prufung Okologie')).toBe(false);
  });

  it('flags a badge for something else', () => {
    expect(labelDiffers('Certified Kubernetes Administrator', 'Intro to Spreadsheets')).toBe(true);
  });

  it('says nothing when either name is missing', () => {
    expect(labelDiffers(undefined, 'x y')).toBe(false);
    expect(labelDiffers('Kubernetes', undefined)).toBe(false);
    expect(labelDiffers('–', 'Kubernetes')).toBe(false);
    expect(labelDiffers('Show credential', 'Kubernetes Administrator')).toBe(false);
    expect(labelDiffers('View my badge', 'Kubernetes Administrator')).toBe(false);
  });
});

describe('<CredentialDetails pageLabel>', () => {
  it('warns when the page name differs from the signed title', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} pageLabel="Certified Kubernetes Administrator" />);
    expect(el.querySelector('[data-testid="label-differs"]')!.textContent).toBe(
      'The page calls this “Certified Kubernetes Administrator”, but the signed credential is “Data Literacy (verified)”.',
    );
  });

  it('stays quiet when they agree', () => {
    const el = mount(<CredentialDetails report={makeReport('verified')} pageLabel="Data Literacy" />);
    expect(el.querySelector('[data-testid="label-differs"]')).toBeNull();
  });
});
