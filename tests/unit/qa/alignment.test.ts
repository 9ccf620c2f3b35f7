import { describe, expect, it } from 'vitest';
import { readAlignments } from '../../../lib/qa/alignment';
import { summaryLine } from '../../../lib/qa/finish';

describe('readAlignments', () => {
  it('reads the EQF level from an EQF URI or a targetCode', () => {
    expect(readAlignments({ targetUrl: 'http://data.europa.eu/snb/eqf/7' }).eqfLevel).toBe(7);
    expect(readAlignments([{ targetFramework: 'EQF', targetCode: 'level 5', targetUrl: 'https://x.example' }]).eqfLevel).toBe(5);
  });

  it('ignores EQF levels outside 1–8', () => {
    expect(readAlignments({ targetFramework: 'EQF', targetCode: '12' }).eqfLevel).toBeUndefined();
  });

  it('keeps NQF levels apart from EQF', () => {
    const f = readAlignments({ targetFramework: 'NQF Ireland', targetCode: '6' });
    expect(f.eqfLevel).toBeUndefined();
    expect(f.nqf).toBe('NQF Ireland 6');
  });

  it('collects ESCO skills and competency alignments as outcomes, not catalog entries', () => {
    const f = readAlignments([
      { targetName: 'teamwork', targetUrl: 'https://data.europa.eu/esco/skill/1' },
      { targetName: 'CASE item', targetType: 'CFItem', targetUrl: 'https://case.example/1' },
      { targetName: 'Course 101', targetFramework: 'College Course Catalog', targetUrl: 'https://c.example' },
      'not an object',
    ]);
    expect(f.outcomes).toEqual(['teamwork', 'CASE item']);
    expect(f.escoSkills).toEqual([{ uri: 'https://data.europa.eu/esco/skill/1', label: 'teamwork' }]);
  });

  it('reads ECTS points', () => {
    const f = readAlignments({ targetFramework: 'European Credit Transfer and Accumulation System', targetCode: '2.5' });
    expect(f).toMatchObject({ ects: 2.5, mentionsEcts: true });
  });
});

describe('summaryLine', () => {
  it('matches the house wording', () => {
    expect(summaryLine(8, 'present', 'unknown')).toBe('Micro-credential profile: 8 of 11 EU elements · assessed · no quality assurance stated');
    expect(summaryLine(3, 'free-text', 'stated')).toBe('Micro-credential profile: 3 of 11 EU elements · assessment only mentioned in the text · quality assurance stated, not checked');
    expect(summaryLine(3, 'absent', true)).toBe('Micro-credential profile: 3 of 11 EU elements · no assessment stated · quality assured');
  });
});
