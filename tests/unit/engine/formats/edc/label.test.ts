import { describe, expect, it } from 'vitest';
import { label } from '../../../../../lib/engine/formats/edc/label';

describe('label (ELM display values)', () => {
  it.each([
    ['a plain string', '  Data Literacy ', 'Data Literacy'],
    ['a language map, English preferred', { de: 'Titel', en: 'Title' }, 'Title'],
    ['a language map without English: first language alphabetically', { sl: 'Naslov', de: 'Titel' }, 'Titel'],
    ['a language map with several strings for one language', { en: ['One', 'Two'] }, 'One'],
    ['a Concept with prefLabel', { id: 'http://data.europa.eu/snb/eqf/6', prefLabel: { en: 'Level 6' } }, 'Level 6'],
    ['a Note with noteLiteral', { type: 'Note', noteLiteral: { en: '19' } }, '19'],
    ['an array of Concepts: the first with a label', [{ id: 'x' }, { prefLabel: { en: 'Online' } }], 'Online'],
    ['a JSON-LD value object', { '@value': 'Plain' }, 'Plain'],
  ])('reads %s', (_name, value, expected) => {
    expect(label(value)).toBe(expected);
  });

  it.each([[undefined], [null], [42], [{}], [{ en: 5 }], [''], [[]]])('gives undefined for %j', (value) => {
    expect(label(value)).toBeUndefined();
  });

  it('stops at a bounded depth instead of recursing forever', () => {
    let deep: unknown = { en: 'bottom' };
    for (let i = 0; i < 10; i++) deep = [deep];
    expect(label(deep)).toBeUndefined();
  });
});
