/**
 * A soft cap on bytes held at once: downloaded feeds waiting for a parse slot. A fetch may start only
 * while the held bytes are under the cap, so when parsing and storing fall behind the network, the
 * fetcher stops downloading instead of piling bodies up in memory. Soft: bodies already in flight
 * still land, so the cap can be passed by what the running fetches bring in.
 */
export class ByteBudget {
  private held = 0;
  private readonly waiters: Array<() => void> = [];

  constructor(readonly limit: number) {}

  /** Resolves once the held bytes are under the cap (at once when they already are); waiters go in the order they came. */
  whenBelow(): Promise<void> {
    if (this.held < this.limit) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  hold(bytes: number): void {
    this.held += bytes;
  }

  release(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
    while (this.held < this.limit && this.waiters.length > 0) this.waiters.shift()!();
  }

  get heldBytes(): number {
    return this.held;
  }
}
