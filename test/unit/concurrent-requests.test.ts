import type { Request } from 'express';
import { demoStaff } from '../../seeds/demo-staff';
import { ConcurrentRequests } from '../../src/access/concurrent-requests';
import { signDevToken } from '../../src/access/tokens';
import { appDepsFrom, buildContext } from '../../src/app/request-context';
import { createLogger } from '../../src/common/logger';
import { TEST_CONFIG } from '../helpers/test-api';

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

describe('a client that leaves while its request waits its turn', () => {
  it('gives the turn back: the member of staff’s next request runs at once', async () => {
    const staffId = demoStaff('adm.kent').id;
    const token = await signDevToken(TEST_CONFIG.jwt, staffId);
    const req = {
      header: (name: string) => (name.toLowerCase() === 'authorization' ? `Bearer ${token}` : undefined),
      ip: '127.0.0.1',
    } as unknown as Request;
    const inFlight = new ConcurrentRequests(1, 1);
    const deps = { ...appDepsFrom(TEST_CONFIG, null as never, createLogger('silent'), () => new Date()), inFlight };
    const gone = new AbortController();
    gone.abort();
    await expect(buildContext(deps, req, 'left-early', null, gone.signal)).rejects.toThrow(/left/);
    let ran = false;
    void inFlight.enter(staffId)!.then(() => (ran = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(ran).toBe(true);
  });
});
