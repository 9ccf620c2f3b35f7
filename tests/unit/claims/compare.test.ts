import { describe, expect, it } from 'vitest';
import { claimedMonth, compareClaim, foldWords } from '../../../lib/claims/compare';
import type { CredentialSummary } from '../../../lib/engine/report';

const summary: CredentialSummary = {
  title: 'Introduction to Research Data Management',
  achievement: { name: 'Introduction to Research Data Management' },
  issuer: { id: 'did:web:credentials.uni-example.de', name: 'Universität Beispielstadt' },
  subject: { name: 'Ada Lovelace' },
  validFrom: '2024-01-15T09:00:00Z',
  validUntil: '2027-01-15T09:00:00Z',
};

describe('compareClaim', () => {
  it('matches a claim written differently: case, accents, word order, "&", the issuer by its domain, dates to the month', () => {
    const result = compareClaim({ title: 'research data management – introduction to', issuer: 'Uni-Example', issued: 'Jan 2024', expires: 'janv. 2027', holder: 'LOVELACE, Ada' }, summary);
    expect(result.outcome).toBe('matches');
    expect(result.fields.map((f) => f.field)).toEqual(['title', 'issuer', 'issued', 'expires', 'holder']);
  });

  it('reports the title the profile gives and the one the credential is for', () => {
    const result = compareClaim({ title: 'Advanced Research Data Management', issuer: 'Universitat Beispielstadt' }, summary);
    expect(result.outcome).toBe('differs');
    expect(result.fields).toEqual([
      { field: 'title', claimed: 'Advanced Research Data Management', credential: 'Introduction to Research Data Management', agrees: false },
      { field: 'issuer', claimed: 'Universitat Beispielstadt', credential: 'Universität Beispielstadt', agrees: true },
    ]);
  });

  it('a credential issued to someone else than the profile owner differs', () => {
    expect(compareClaim({ holder: 'Grace Hopper' }, summary)).toMatchObject({ outcome: 'differs', fields: [{ field: 'holder', agrees: false }] });
  });

  it('another month differs; a date it cannot read, and a field the credential lacks, are not compared', () => {
    expect(compareClaim({ issued: 'Mar 2024' }, summary).outcome).toBe('differs');
    expect(compareClaim({ issued: 'last spring', holder: 'Ada Lovelace' }, { ...summary, subject: {} })).toEqual({ outcome: 'not-compared', fields: [] });
  });

  it('an issuer named more or less fully agrees; a different one does not', () => {
    const aws = { ...summary, issuer: { name: 'Amazon Web Services Training and Certification' } };
    expect(compareClaim({ issuer: 'Amazon Web Services (AWS)' }, aws).outcome).toBe('differs');
    expect(compareClaim({ issuer: 'Amazon Web Services' }, aws).outcome).toBe('matches');
    expect(compareClaim({ issuer: 'Microsoft' }, aws).outcome).toBe('differs');
  });
});

describe('claimedMonth reads the month as LinkedIn prints it in its languages', () => {
  it.each([
    ['Jan 2024', '2024-01'],
    ['Issued Sep 2023', '2023-09'],
    ['März 2024', '2024-03'],
    ['déc. 2025', '2025-12'],
    ['ene. 2022', '2022-01'],
    ['2024-06', '2024-06'],
    ['06/2024', '2024-06'],
  ])('%s → %s', (text, month) => expect(claimedMonth(text)).toBe(month));

  it('no month, no answer', () => expect(claimedMonth('2024')).toBeUndefined());
});

it('foldWords folds case, accents and punctuation', () => {
  expect(foldWords('Zürich – Data & AI!')).toEqual(['zurich', 'data', 'and', 'ai']);
});
