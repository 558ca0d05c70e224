import { ConcurrentRequests } from '../../src/auth/concurrent-requests';

describe('requests of one member of staff at once', () => {
  it('beyond their share a request waits its turn, and runs when one of theirs ends', async () => {
    const inFlight = new ConcurrentRequests(2, 1);
    await inFlight.enter('a');
    await inFlight.enter('a');
    let ran = false;
    const third = inFlight.enter('a')!.then(() => (ran = true));
    await Promise.resolve();
    expect(ran).toBe(false);
    inFlight.leave('a');
    await third;
    expect(ran).toBe(true);
  });

  it('beyond their share and a full queue, a request is refused at once', async () => {
    const inFlight = new ConcurrentRequests(1, 1);
    await inFlight.enter('a');
    expect(inFlight.enter('a')).not.toBeNull();
    expect(inFlight.enter('a')).toBeNull();
  });

  it('one member of staff’s requests never hold back another’s', async () => {
    const inFlight = new ConcurrentRequests(1, 0);
    await inFlight.enter('a');
    expect(inFlight.enter('b')).not.toBeNull();
  });
});
