/** Hostile input never escapes as a raw exception: only VerifierErrors or check results. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createContext } from '../../../../../lib/engine/context';
import { label } from '../../../../../lib/engine/formats/edc/label';
import { parseXml } from '../../../../../lib/engine/formats/edc/xml';
import { isVerifierError } from '../../../../../lib/engine/errors';
import { verifyEdc } from '../../../../../lib/engine/formats/edc/verify';
import { profileEdc } from '../../../../../lib/qa/edc';
import { sampleEdc } from './pki';

const offline = () => createContext({ transport: async () => { throw new Error('offline'); } });

const xmlish = fc.array(fc.constantFrom('<a>', '</a>', '<b x="1">', '</b>', '<c/>', '&amp;', '&#x41;', '<!--', '-->', '<![CDATA[', ']]>', '<?p?>', 'text', '"', "'", '<', '>', '='), { maxLength: 30 }).map((parts) => parts.join(''));

describe('robustness of the EDC readers', () => {
  it('parseXml returns a tree or throws a VerifierError, nothing else', () => {
    fc.assert(
      fc.property(fc.oneof(xmlish, fc.string({ maxLength: 200 })), (xml) => {
        try {
          parseXml(xml);
        } catch (e) {
          expect(isVerifierError(e)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('label never throws and gives a string or undefined', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 6 }), (v) => {
      const text = label(v);
      expect(text === undefined || typeof text === 'string').toBe(true);
    }), { numRuns: 300 });
  });

  it('profileEdc never throws on arbitrary JSON and always lists the eleven elements', () => {
    fc.assert(fc.property(fc.jsonValue({ maxDepth: 5 }), (v) => {
      expect(profileEdc(v).elements).toHaveLength(11);
      expect(profileEdc({ ...sampleEdc(), credentialSubject: v }).elements).toHaveLength(11);
    }), { numRuns: 200 });
  });

  it('verifyEdc on arbitrary envelopes resolves with checks or rejects with a VerifierError', async () => {
    const envelope = fc.record({
      payload: fc.oneof(fc.string(), fc.constant(JSON.stringify(sampleEdc()))),
      signatures: fc.array(fc.record({ protected: fc.oneof(fc.string(), fc.base64String()), signature: fc.string(), header: fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 2 })) }), { maxLength: 2 }),
    });
    await fc.assert(
      fc.asyncProperty(fc.oneof(envelope, fc.jsonValue({ maxDepth: 4 })), async (value) => {
        try {
          const outcome = await verifyEdc(JSON.stringify(value) ?? 'null', offline());
          expect(outcome.format).toBe('edc');
          expect(outcome.checks.some((c) => c.status === 'pass' && c.id === 'seal')).toBe(false);
        } catch (e) {
          expect(isVerifierError(e)).toBe(true);
        }
      }),
      { numRuns: 150 },
    );
  });
});
