import { describe, expect, it } from 'vitest';
import {
  ASSESSMENT_IN_TEXT, ECTS_IN_TEXT, EQF_IN_TEXT, excerpt, firstMention, HOURS_IN_TEXT, numberOf, PARTICIPATION_IN_TEXT, plain, sources,
} from '../../../lib/qa/text';

describe('prose patterns', () => {
  it('finds EQF levels in both word orders, and only 1–8', () => {
    expect('Awarded at EQF level 5.'.match(EQF_IN_TEXT)?.[1]).toBe('5');
    expect('This is level 6 of the European Qualifications Framework'.match(EQF_IN_TEXT)?.[2]).toBe('6');
    expect('EQF 4'.match(EQF_IN_TEXT)?.[1]).toBe('4');
    expect('EQF level 9'.match(EQF_IN_TEXT)).toBeNull();
    expect('frequency level 5'.match(EQF_IN_TEXT)).toBeNull();
  });

  it('finds hours and ECTS', () => {
    expect('about 25 hours of study'.match(HOURS_IN_TEXT)?.[1]).toBe('25');
    expect('a 40-hour course'.match(HOURS_IN_TEXT)?.[1]).toBe('40');
    expect('worth 2,5 ECTS'.match(ECTS_IN_TEXT)?.[1]).toBe('2,5');
    expect(numberOf('2,5')).toBe(2.5);
    expect('hourly'.match(HOURS_IN_TEXT)).toBeNull();
  });

  it('recognises assessment and participation wording but not look-alikes', () => {
    expect('Passed a proctored exam'.match(ASSESSMENT_IN_TEXT)?.[0]).toBe('proctored');
    expect('contestant'.match(ASSESSMENT_IN_TEXT)).toBeNull();
    expect('delivered fully online'.match(PARTICIPATION_IN_TEXT)?.[0]).toBe('online');
    expect('a face-to-face workshop'.match(PARTICIPATION_IN_TEXT)?.[0]).toBe('face-to-face');
  });
});

describe('text helpers', () => {
  it('reads plain text from strings, language maps, value objects and arrays', () => {
    expect(plain({ '@value': ' Teamwork ' })).toBe('Teamwork');
    expect(plain([{ fr: 'Travail' }])).toBe('Travail');
    expect(plain('   ')).toBeUndefined();
    expect(plain(7)).toBe('7');
  });

  it('remembers which field a mention came from', () => {
    const from = sources([['a', ''], ['b.narrative', 'Take the exam'], ['c', 'online']]);
    expect(from.map((s) => s.path)).toEqual(['b.narrative', 'c']);
    expect(firstMention(from, ASSESSMENT_IN_TEXT)?.path).toBe('b.narrative');
  });

  it('shortens long prose for display', () => {
    expect(excerpt('a  b\n c')).toBe('a b c');
    expect(excerpt('x'.repeat(300))).toHaveLength(120);
  });
});
