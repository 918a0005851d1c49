// Answers kept for a few seconds in this process, for reads that many requests repeat
// (who a session is, an area's public wish wall). A change forgets what it touches at once;
// another server process sees it within the TTL. A value read before a forget is not
// kept: it may predate the change.
import type { AppContext } from '../context.ts';

export class ShortCache<V> {
  readonly #entries = new Map<string, { value: V; until: number }>();
  // Bumped by every forget.
  #generation = 0;

  constructor(readonly ttlMs: number, readonly maxEntries: number) {}

  /** Take it before reading the value to keep, and hand it to set(). */
  generation(): number {
    return this.#generation;
  }

  get(key: string): V | undefined {
    const entry = this.#entries.get(key);
    if (entry && entry.until > Date.now()) return entry.value;
    if (entry) this.#entries.delete(key);
    return undefined;
  }

  /** Keeps the value read at `readAt` (a generation), unless something was forgotten since. */
  set(key: string, value: V, readAt: number): void {
    if (readAt !== this.#generation) return;
    if (this.#entries.size >= this.maxEntries) this.#entries.delete(this.#entries.keys().next().value!);
    this.#entries.set(key, { value, until: Date.now() + this.ttlMs });
  }

  /** Forgets the entries `which` picks (all without it). */
  forget(which?: (value: V, key: string) => boolean): void {
    this.#generation += 1;
    if (!which) return this.#entries.clear();
    for (const [key, entry] of this.#entries) if (which(entry.value, key)) this.#entries.delete(key);
  }

  /**
   * Forgets now and again once the transaction in progress commits: a request reading in
   * between would otherwise keep the old value.
   */
  forgetWithCommit(ctx: AppContext, which?: (value: V, key: string) => boolean): void {
    this.forget(which);
    ctx.afterCommit?.push(() => this.forget(which));
  }
}
