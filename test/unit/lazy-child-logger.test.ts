import { Writable } from 'node:stream';
import { createLogger, lazyChild } from '../../src/common/logger';

/** A request's logger is made when the request first logs, and its lines carry the request's bindings. */
describe('a request’s logger', () => {
  const capture = () => {
    const lines: Record<string, unknown>[] = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(JSON.parse(chunk.toString()) as Record<string, unknown>);
        done();
      },
    });
    return { lines, log: createLogger('info', stream) };
  };

  it('makes no child logger for a request that logs nothing', () => {
    const { log } = capture();
    const child = jest.spyOn(log, 'child');
    lazyChild(log, { requestId: 'r-1' });
    expect(child).not.toHaveBeenCalled();
  });

  it('writes the request’s bindings on each line once it logs', async () => {
    const { lines, log } = capture();
    const requestLog = lazyChild(log, { requestId: 'r-2', staffId: 's-2' });
    requestLog.error({ code: 'X' }, 'unexpected error');
    requestLog.warn('statement timed out');
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.map(({ requestId, staffId, msg }) => ({ requestId, staffId, msg }))).toEqual([
      { requestId: 'r-2', staffId: 's-2', msg: 'unexpected error' },
      { requestId: 'r-2', staffId: 's-2', msg: 'statement timed out' },
    ]);
  });
});
