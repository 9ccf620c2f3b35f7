/**
 * Punycode decoding (RFC 3492 §6.2) of IDNA A-labels, so a host can be shown in
 * the Unicode form a look-alike imitates, next to the ASCII form DNS resolves
 * (SECURITY.md row 47). The WHATWG URL parser only encodes, and the engine and
 * the popup have no `node:url` `domainToUnicode`.
 */

// RFC 3492 §5: the Punycode parameter values.
const BASE = 36;
const T_MIN = 1;
const T_MAX = 26;
const SKEW = 38;
const DAMP = 700;
const INITIAL_BIAS = 72;
const INITIAL_N = 0x80;
const MAX_INT = 0x7fffffff;

/** RFC 3492 §6.1 bias adaptation. */
function adapt(delta: number, pointCount: number, firstTime: boolean): number {
  let d = firstTime ? Math.floor(delta / DAMP) : delta >> 1;
  d += Math.floor(d / pointCount);
  let k = 0;
  while (d > ((BASE - T_MIN) * T_MAX) >> 1) {
    d = Math.floor(d / (BASE - T_MIN));
    k += BASE;
  }
  return k + Math.floor(((BASE - T_MIN + 1) * d) / (d + SKEW));
}

/** "a"–"z" (either case) are 0–25, "0"–"9" are 26–35; anything else is not a digit. */
function digitValue(code: number): number | undefined {
  if (code >= 0x30 && code <= 0x39) return code - 0x30 + 26;
  if (code >= 0x41 && code <= 0x5a) return code - 0x41;
  if (code >= 0x61 && code <= 0x7a) return code - 0x61;
  return undefined;
}

/**
 * Decodes a Punycode string (an A-label without its "xn--" prefix); undefined
 * when it is not valid Punycode.
 * @example decodePunycode('80ak6aa92e') // 'аррӏе' (Cyrillic)
 */
export function decodePunycode(input: string): string | undefined {
  const delimiter = input.lastIndexOf('-');
  const output: number[] = [];
  for (let j = 0; j < Math.max(delimiter, 0); j++) {
    const code = input.charCodeAt(j);
    if (code >= 0x80) return undefined;
    output.push(code);
  }
  let n = INITIAL_N;
  let bias = INITIAL_BIAS;
  let i = 0;
  for (let index = delimiter < 0 ? 0 : delimiter + 1; index < input.length; ) {
    const oldI = i;
    for (let w = 1, k = BASE; ; k += BASE) {
      const digit = index < input.length ? digitValue(input.charCodeAt(index++)) : undefined;
      if (digit === undefined || digit > Math.floor((MAX_INT - i) / w)) return undefined;
      i += digit * w;
      const t = k <= bias ? T_MIN : k >= bias + T_MAX ? T_MAX : k - bias;
      if (digit < t) break;
      if (w > Math.floor(MAX_INT / (BASE - t))) return undefined;
      w *= BASE - t;
    }
    const length = output.length + 1;
    bias = adapt(i - oldI, length, oldI === 0);
    n += Math.floor(i / length);
    i %= length;
    // a code point past Unicode or a surrogate half cannot be part of a name
    if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) return undefined;
    output.splice(i, 0, n);
    i++;
  }
  // nothing, or a control character, is no label to show
  if (output.length === 0 || output.some((c) => c < 0x20 || (c >= 0x7f && c <= 0x9f))) return undefined;
  return String.fromCodePoint(...output);
}

/**
 * The Unicode form of an ASCII host whose labels may be A-labels ("xn--…");
 * undefined when a label is not valid Punycode.
 * @example hostToUnicode('xn--pple-43d.com') // 'аpple.com' (Cyrillic а)
 */
export function hostToUnicode(host: string): string | undefined {
  const labels = host.split('.').map((label) => (/^xn--/i.test(label) ? decodePunycode(label.slice(4).toLowerCase()) : label));
  return labels.every((l) => l !== undefined) ? labels.join('.') : undefined;
}
