/**
 * A virtualised list: with fixed row heights, only the rows inside the
 * scroll viewport (plus a small overscan) are in the DOM, so 10,000 history
 * entries scroll as smoothly as ten.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';

export interface WindowedListProps {
  total: number;
  rowHeight: number;
  /** viewport height in px */
  height: number;
  overscan?: number;
  /** renders one row; `undefined` entries (still loading) get a placeholder */
  renderRow: (index: number) => ComponentChildren;
  /** told which rows are visible, so the caller can read those pages */
  onRangeChange?: (first: number, last: number) => void;
  label: string;
}

/** The first and last row index to render for a scroll position. */
export function visibleRange(scrollTop: number, height: number, rowHeight: number, total: number, overscan: number): [number, number] {
  if (total === 0) return [0, -1];
  const last = Math.min(total - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  // scrolled past the end (the list just shrank): show the last screenful, not nothing
  const lastScreen = Math.max(0, total - Math.ceil(height / rowHeight) - overscan);
  const first = Math.min(Math.max(0, Math.floor(scrollTop / rowHeight) - overscan), lastScreen);
  return [first, last];
}

export function WindowedList({ total, rowHeight, height, overscan = 6, renderRow, onRangeChange, label }: WindowedListProps) {
  const [scrollTop, setScrollTop] = useState(0);
  const viewport = useRef<HTMLDivElement>(null);
  const [first, last] = visibleRange(scrollTop, height, rowHeight, total, overscan);

  useEffect(() => onRangeChange?.(first, last), [first, last, onRangeChange]);
  useEffect(() => {
    // a new filter shrinks the list: jump back to the top rather than show blank space
    if (viewport.current && scrollTop > total * rowHeight) viewport.current.scrollTop = 0;
  }, [total]);

  const rows: ComponentChildren[] = [];
  for (let i = first; i <= last; i++)
    rows.push(
      <li key={i} role="listitem" style={{ position: 'absolute', top: `${i * rowHeight}px`, height: `${rowHeight}px`, left: 0, right: 0 }}>
        {renderRow(i)}
      </li>,
    );
  return (
    <div
      ref={viewport}
      style={{ height: `${height}px`, overflowY: 'auto', position: 'relative' }}
      onScroll={(e) => setScrollTop((e.currentTarget as HTMLDivElement).scrollTop)}
      tabIndex={0}
      aria-label={label}
    >
      <ul role="list" style={{ position: 'relative', height: `${total * rowHeight}px`, margin: 0, padding: 0, listStyle: 'none' }}>
        {rows}
      </ul>
    </div>
  );
}
