/**
 * The requests each member of staff has at the database at once on this instance. One person's burst must not
 * hold every pooled connection: at most `perStaff` of their requests run at once (the pool is larger, so
 * others always find one), up to `queued` more wait their turn, and beyond that their next request is
 * refused at once (RATE_LIMITED).
 */
export class ConcurrentRequests {
  private readonly running = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  constructor(
    readonly perStaff: number,
    readonly queued: number,
  ) {}

  /**
   * A place for one request of `staffId`: resolves when it may run (at once, or after waiting its turn);
   * null when the queue is full. Call `leave` once when the request ends.
   */
  enter(staffId: string): Promise<void> | null {
    const now = this.running.get(staffId) ?? 0;
    if (now < this.perStaff) {
      this.running.set(staffId, now + 1);
      return Promise.resolve();
    }
    const queue = this.waiting.get(staffId) ?? [];
    if (queue.length >= this.queued) return null;
    this.waiting.set(staffId, queue);
    return new Promise((resolve) => queue.push(resolve));
  }

  /** Ends a request's place: the next waiting request of the same member of staff runs in it. */
  leave(staffId: string): void {
    const next = this.waiting.get(staffId)?.shift();
    if (next) return next();
    if (this.waiting.get(staffId)?.length === 0) this.waiting.delete(staffId);
    const now = this.running.get(staffId) ?? 0;
    if (now <= 1) this.running.delete(staffId);
    else this.running.set(staffId, now - 1);
  }
}
