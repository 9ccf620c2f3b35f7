import { describe, expect, it } from 'vitest';
import { visibleRange } from '../../../../components/HistoryView/WindowedList';

describe('visibleRange (history list virtualisation)', () => {
  it('renders only the rows in view plus the overscan', () => {
    // 560 px viewport, 64 px rows: rows 0..8 visible, +6 overscan below
    expect(visibleRange(0, 560, 64, 10_000, 6)).toEqual([0, 15]);
    const [first, last] = visibleRange(64 * 9000, 560, 64, 10_000, 6);
    expect([first, last]).toEqual([8994, 9015]);
    expect(last - first + 1).toBeLessThan(25);
  });

  it('clamps at both ends and handles an empty list', () => {
    // scrolled past the end after the list shrank: the last screenful, never an empty window
    expect(visibleRange(64 * 20_000, 560, 64, 10_000, 6)).toEqual([9985, 9999]);
    expect(visibleRange(0, 560, 64, 3, 6)).toEqual([0, 2]);
    expect(visibleRange(0, 560, 64, 0, 6)).toEqual([0, -1]);
  });
});
