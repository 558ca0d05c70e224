import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { signDevToken } from '../../src/access/tokens';
import { demoStaff } from '../../seeds/demo-staff';
import { TEST_AUDIT_SIGNING_KEY_PEM } from '../helpers/audit-signing-key';
import { freePort } from '../helpers/free-port';
import { onRealServer } from '../helpers/real-server';
import { testDatabaseUrl } from '../helpers/test-database';
import { TEST_CONFIG, useTestApi } from '../helpers/test-api';

/**
 * WEB_CONCURRENCY=2 as an operator sets it on a machine of two cores: one process migrates and runs two copies of the
 * API that share the port; SIGTERM to it drains both and ends them all. The embedded database belongs to one process,
 * so this runs on a real server only (and the configuration test refuses it without DATABASE_URL).
 */
const ROOT = join(__dirname, '..', '..');

const workersOf = (pid: number) =>
  execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' })
    .trim()
    .split('\n')
    .filter(Boolean)
    .map(Number);

onRealServer('the embedded database belongs to one process')('WEB_CONCURRENCY=2', () => {
  // The database reset, with the demo staff in it.
  useTestApi();

  it('serves from two processes on one port, and SIGTERM ends them all', async () => {
    const port = await freePort();
    const env = {
      ...process.env,
      PORT: String(port),
      DATABASE_URL: testDatabaseUrl(),
      WEB_CONCURRENCY: '2',
      // The workers sign checkpoints at start and on shutdown: with the key every test file signs the test database's.
      AUDIT_SIGNING_KEY: TEST_AUDIT_SIGNING_KEY_PEM,
      LOG_LEVEL: 'info',
      DB_POOL_MAX: '2',
      CONCURRENT_REQUESTS_PER_STAFF: '1',
    };
    const primary = spawn(process.execPath, ['src/app/cli/start.mjs'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    primary.stdout!.on('data', (chunk) => (output += chunk));
    primary.stderr!.on('data', (chunk) => (output += chunk));
    const exited = new Promise<number | null>((resolve) => primary.once('exit', resolve));
    for (let waited = 0; (output.match(/APSE API ready/g) ?? []).length < 2; waited += 250) {
      if (primary.exitCode !== null || waited > 240_000) throw new Error(`the workers did not get ready:\n${output.slice(-2000)}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    const workers = workersOf(primary.pid!);
    expect(workers).toHaveLength(2);

    const token = await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id);
    const answers = await Promise.all(
      Array.from({ length: 20 }, () =>
        fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, connection: 'close' },
          body: JSON.stringify({ query: '{ me { username } }' }),
        }).then(async (res) => `${res.status} ${JSON.stringify(await res.json())}`),
      ),
    );
    expect(answers).toEqual(Array.from({ length: 20 }, () => '200 {"data":{"me":{"username":"adm.kent"}}}'));

    primary.kill('SIGTERM');
    expect(await exited).toBe(0);
    for (const worker of workers) expect(() => process.kill(worker, 0)).toThrow();
  }, 300_000);
});
