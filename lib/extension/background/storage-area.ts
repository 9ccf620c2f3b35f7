/**
 * A minimal key-value area (what the background needs from
 * `browser.storage.session`), so the logic runs against a Map in tests.
 */
export interface KeyValueArea {
  get<T>(key: string): Promise<T | undefined>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  /** every key in the area (used once at start-up to resume unfinished work) */
  keys?(): Promise<string[]>;
}

/** The subset of a WebExtension `StorageArea` used here. */
export interface WebExtStorageArea {
  get(keys: string | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

/** Adapts `browser.storage.session` (or `.local`) to KeyValueArea. */
export function fromStorageArea(area: WebExtStorageArea): KeyValueArea {
  return {
    async get<T>(key: string) {
      return (await area.get(key))[key] as T | undefined;
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
    keys: async () => Object.keys(await area.get(null)),
  };
}

/** An in-memory area (tests, and a fallback where session storage is missing). */
export function createMemoryArea(): KeyValueArea & { readonly data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get<T>(key: string) {
      return structuredClone(data.get(key)) as T | undefined;
    },
    async set(key, value) {
      data.set(key, structuredClone(value));
    },
    async remove(key) {
      data.delete(key);
    },
    async keys() {
      return [...data.keys()];
    },
  };
}
