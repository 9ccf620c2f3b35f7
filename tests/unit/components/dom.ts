/**
 * A linkedom document for rendering Preact components in Node, plus small
 * helpers. Installed on globalThis because Preact creates nodes through the
 * global `document`.
 */
import { parseHTML } from 'linkedom';
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';

const { window, document } = parseHTML('<!doctype html><html><body></body></html>');
Object.assign(globalThis, {
  window,
  document,
  Node: window.Node,
  Element: window.Element,
  HTMLElement: window.HTMLElement,
  Event: window.Event,
  CustomEvent: window.CustomEvent,
});

/** Renders into a fresh container and flushes effects. */
export function mount(vnode: ComponentChild): HTMLElement {
  const container = document.createElement('div');
  document.body.appendChild(container);
  act(() => {
    render(vnode, container);
  });
  return container as unknown as HTMLElement;
}

export function unmount(container: HTMLElement): void {
  act(() => render(null, container));
  container.remove();
}

/** Dispatches a DOM event and flushes Preact's re-render. */
export function fire(el: Element | null | undefined, type: string, init: Record<string, unknown> = {}): void {
  if (!el) throw new Error(`no element to fire ${type} on`);
  act(() => {
    const event = new window.Event(type, { bubbles: true, cancelable: true });
    Object.assign(event, init);
    el.dispatchEvent(event);
  });
}

/** Waits for pending promises, then flushes re-renders. */
export async function settle(): Promise<void> {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

export const all = (root: ParentNode, selector: string): Element[] => Array.from(root.querySelectorAll(selector));
