import { ConcurrentRequests } from '../../src/auth/concurrent-requests';

describe('requests in flight per member of staff', () => {
  it('a member of staff is refused a request beyond their share in flight, and admitted again once one ends', () => {
    const inFlight = new ConcurrentRequests(2);
    expect([inFlight.enter('a'), inFlight.enter('a'), inFlight.enter('a')]).toEqual([true, true, false]);
    inFlight.leave('a');
    expect(inFlight.enter('a')).toBe(true);
  });

  it('one member of staff’s requests in flight never refuse another’s', () => {
    const inFlight = new ConcurrentRequests(1);
    expect([inFlight.enter('a'), inFlight.enter('b')]).toEqual([true, true]);
  });
});
