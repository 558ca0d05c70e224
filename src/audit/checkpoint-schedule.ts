import type { Clock } from '../common/clock';
import type { Logger } from '../common/logger';
import { writeCheckpoint, type Query } from './checkpoints';
import type { SigningKey } from './signing-key';

/**
 * Signs a checkpoint of the access log at once, then every `minutes` (none when 0), and once more when
 * stopped, so that what the API wrote is signed before it goes. A failed checkpoint is logged and tried again next time.
 */
export function scheduleCheckpoints(
  query: Query,
  key: SigningKey,
  minutes: number,
  clock: Clock,
  log: Logger,
): { stop: () => Promise<void> } {
  let running: Promise<void> = Promise.resolve();
  const checkpoint = () => {
    running = running.then(async () => {
      try {
        const written = await writeCheckpoint(query, key, clock());
        if (written) log.info({ checkpoint: written.seq, chains: written.chains.length }, 'access log checkpoint signed');
      } catch (err) {
        log.warn({ err }, 'access log checkpoint not written; trying again at the next');
      }
    });
    return running;
  };
  // The first at start: what migrations, seeding or an earlier run left unsigned is signed now.
  void checkpoint();
  const timer = minutes > 0 ? setInterval(checkpoint, minutes * 60_000).unref() : null;
  return {
    stop: () => {
      if (timer) clearInterval(timer);
      return checkpoint();
    },
  };
}
