/** Regression: a real Europass "modes of learning and assessment" alignment was not read as the form of participation. */
import { describe, expect, it } from 'vitest';
import { readAlignments } from '../../../lib/qa/alignment';

describe('participation from Europass alignments', () => {
  it('reads the Europass Standard List of Modes of Learning and Assessment by name', () => {
    const facts = readAlignments([{ type: ['Alignment'], targetName: 'Online', targetFramework: 'Europass Standard List of Modes of Learning and Assessment', targetUrl: 'https://example.org/x' }]);
    expect(facts.participation).toBe('Online');
  });

  it('reads it by its data.europa.eu address', () => {
    const facts = readAlignments([{ type: ['Alignment'], targetName: 'Blended', targetUrl: 'http://data.europa.eu/snb/learning-assessment/b1a1f0ad7d' }]);
    expect(facts.participation).toBe('Blended');
  });
});
