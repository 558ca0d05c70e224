/**
 * The requests each member of staff has in flight on this instance. One person's burst must not hold every
 * pooled connection: beyond `perStaff` at once their next request is refused at once (RATE_LIMITED), while
 * the pool stays larger than one person's share.
 */
export class ConcurrentRequests {
  private readonly inFlight = new Map<string, number>();

  constructor(readonly perStaff: number) {}

  /** False when `staffId` already has `perStaff` requests in flight; otherwise counts one more. */
  enter(staffId: string): boolean {
    const now = this.inFlight.get(staffId) ?? 0;
    if (now >= this.perStaff) return false;
    this.inFlight.set(staffId, now + 1);
    return true;
  }

  leave(staffId: string): void {
    const now = this.inFlight.get(staffId) ?? 0;
    if (now <= 1) this.inFlight.delete(staffId);
    else this.inFlight.set(staffId, now - 1);
  }
}
