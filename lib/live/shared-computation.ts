/**
 * One computation per key and change marker in this process: every caller that
 * asks for a key with the marker it just read gets the same promise, whether
 * the computation is running or done, so N viewers refreshing after one event
 * cost one computation. A caller with another marker (a change committed since)
 * starts a new one, which replaces the entry. Entries are also dropped after
 * `maxAgeMs` (for what no marker counts, such as a renamed member) and the
 * least recently used beyond `maxEntries`; a failed computation is not kept.
 *
 * The marker must be read before computing, so the result is never older than
 * the state the marker describes.
 */
export class SharedComputations<T> {
  private readonly entries = new Map<string, { marker: string; at: number; value: Promise<T> }>();
  /** Computations started (for tests and benches). */
  computations = 0;

  constructor(private readonly options: { maxEntries: number; maxAgeMs: number; now?: () => number }) {}

  get(key: string, marker: string, compute: () => Promise<T>): Promise<T> {
    const now = (this.options.now ?? Date.now)();
    const entry = this.entries.get(key);
    if (entry && entry.marker === marker && now - entry.at < this.options.maxAgeMs) {
      // Most recently used last, so the first key is the one to evict.
      this.entries.delete(key);
      this.entries.set(key, entry);
      return entry.value;
    }
    this.computations += 1;
    const value = compute();
    const fresh = { marker, at: now, value };
    this.entries.delete(key);
    this.entries.set(key, fresh);
    value.catch(() => {
      if (this.entries.get(key) === fresh) this.entries.delete(key);
    });
    while (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    return value;
  }

  clear() {
    this.entries.clear();
  }
}
