import { describe, expect, it } from 'vitest';
import { child, decodeEntities, findFirst, parseXml } from '../../../../../lib/engine/formats/edc/xml';

describe('parseXml (bounded reader for EDCI XML)', () => {
  it('builds a tree with local names, attributes and text', () => {
    const root = parseXml('<?xml version="1.0"?><!-- c --><a:root x="1" y=\'two\'><b>hi &amp; bye</b><c/><d><![CDATA[<raw>]]></d></a:root>');
    expect(root).toMatchObject({ name: 'root', qname: 'a:root', attrs: { x: '1', y: 'two' } });
    expect(child(root, 'b')?.text).toBe('hi & bye');
    expect(child(root, 'c')?.children).toEqual([]);
    expect(child(root, 'd')?.text).toBe('<raw>');
    expect(findFirst(root, 'd')?.name).toBe('d');
  });

  it.each([
    ['a DOCTYPE', '<!DOCTYPE a><a/>', /document type declaration/],
    ['an ENTITY', '<a><!ENTITY x "y"></a>', /document type declaration/],
    ['a mismatched end tag', '<a><b></a></b>', /mismatched/],
    ['an unterminated comment', '<a><!-- x</a>', /unterminated/],
    ['two roots', '<a/><b/>', /more than one/],
    ['an unclosed element', '<a><b>', /incomplete/],
  ])('refuses %s', (_name, xml, reason) => {
    expect(() => parseXml(xml)).toThrow(reason);
  });

  it('reads a long run of attribute-like text in linear time', () => {
    const started = Date.now();
    expect(() => parseXml(`<a ${'x'.repeat(500_000)}/>`)).not.toThrow();
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('caps nesting depth', () => {
    expect(() => parseXml('<a>'.repeat(100) + '</a>'.repeat(100))).toThrow(/INPUT_TOO_DEEP/);
  });

  it('decodes only predefined entities and character references', () => {
    expect(decodeEntities('&lt;&gt;&quot;&apos;&#65;&#x42;&custom;')).toBe('<>"\'AB&custom;');
  });
});
