import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '../helpers/free-port';
import { signDevToken } from '../../src/access/tokens';
import { demoStaff } from '../../seeds/demo-staff';
import { TEST_CONFIG } from '../helpers/test-api';

/**
 * `npm start` as an operator runs it (a first start builds, migrates and seeds the demo: minutes on a busy machine): the API runs in the process npm started (no shell between), so the SIGTERM a
 * service manager sends to npm reaches the server, which finishes the requests it has begun and stops; nothing is
 * left running. A start after an unchanged build does not build again.
 */
const ROOT = join(__dirname, '..', '..');
const dataDir = mkdtempSync(join(tmpdir(), 'apse-npm-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

type Started = { npm: ChildProcess; port: number; output: () => string; exited: Promise<number | null> };

async function npmStart(): Promise<Started> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), EMBEDDED_DATA_DIR: join(dataDir, 'pglite'), LOG_LEVEL: 'info' };
  delete env.DATABASE_URL;
  const npm = spawn('npm', ['start'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  npm.stdout!.on('data', (chunk) => (output += chunk));
  npm.stderr!.on('data', (chunk) => (output += chunk));
  const exited = new Promise<number | null>((resolve) => npm.once('exit', resolve));
  for (let waited = 0; !output.includes('APSE API ready'); waited += 250) {
    if (npm.exitCode !== null || waited > 360_000) throw new Error(`npm start did not get ready:\n${output.slice(-2000)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { npm, port, output: () => output, exited };
}

/** Sends a request's headers and half its body: begun, not finished, until `finish` is called. */
async function begunRequest(port: number): Promise<{ finish: () => void; response: Promise<string> }> {
  const token = await signDevToken(TEST_CONFIG.jwt, demoStaff('adm.kent').id);
  const body = JSON.stringify({ query: '{ me { username } }' });
  const socket = connect(port, '127.0.0.1');
  await new Promise((resolve) => socket.once('connect', resolve));
  let response = '';
  socket.on('data', (chunk) => (response += chunk));
  socket.write(
    `POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAuthorization: Bearer ${token}\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body.slice(0, 10)}`,
  );
  return {
    finish: () => socket.write(body.slice(10)),
    response: new Promise((resolve) => socket.once('close', () => resolve(response))),
  };
}

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('npm start', () => {
  it('runs the API as npm’s own child: SIGTERM to npm finishes the request under way, stops the server and leaves nothing running', async () => {
    const started = await npmStart();
    const [server, ...others] = execFileSync('pgrep', ['-P', String(started.npm.pid)], { encoding: 'utf8' })
      .trim()
      .split('\n')
      .map(Number);
    expect(others).toEqual([]);
    const request = await begunRequest(started.port);
    await new Promise((resolve) => setTimeout(resolve, 200));
    started.npm.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    request.finish();
    expect(await request.response).toMatch(/^HTTP\/1.1 200[\s\S]*"username":"adm.kent"/);
    expect(await started.exited).toBe(0);
    expect(started.output()).toMatch(/"signal":"SIGTERM".*shutting down/);
    expect(isRunning(server!)).toBe(false);
  }, 480_000);

  it('builds only when a source changed: a second start runs what the first built', async () => {
    const started = await npmStart();
    expect(started.output()).not.toMatch(/^built \d+ files/m);
    started.npm.kill('SIGTERM');
    expect(await started.exited).toBe(0);
  }, 480_000);
});
