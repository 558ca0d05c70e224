import { execFile } from 'node:child_process';
import { createPublicKey } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { newAuditSigningKeyPem, TEST_AUDIT_SIGNING_KEY_PEM } from '../helpers/audit-signing-key';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The access log's tools, run as an operator runs them (`npm run audit:checkpoints`, `audit:verify`,
 * `audit:export`) against the test database.
 */
const run = promisify(execFile);
const ROOT = join(__dirname, '..', '..');
const KEY = TEST_AUDIT_SIGNING_KEY_PEM;
const dir = mkdtempSync(join(tmpdir(), 'apse-audit-tools-'));

beforeAll(async () => {
  const client = new Client({ connectionString: testDatabaseUrl() });
  await client.connect();
  await client.query(
    `SELECT audit_append('[{"action": "read", "subjectType": "Child", "fields": ["firstName"], "reason": "tools test"}]'::jsonb)`,
  );
  await client.end();
});

/** Each tool is a process of its own, compiled on start, over the whole run's log: minutes on a busy machine. */
function tool(script: string, args: string[]) {
  const env = { ...process.env, DATABASE_URL: testDatabaseUrl(), AUDIT_SIGNING_KEY: KEY, NODE_ENV: 'development', LOG_LEVEL: 'silent' };
  return run(process.execPath, ['-r', '@swc-node/register', join(ROOT, 'src', 'app', 'cli', script), ...args], { cwd: ROOT, env }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => ({ code: error.code, stdout: error.stdout, stderr: error.stderr }),
  );
}

it('audit:checkpoints signs the log and exports its checkpoints; audit:verify then finds it intact against the copy', async () => {
  const file = join(dir, 'checkpoints.json');
  const signed = await tool('audit-checkpoints.cli.ts', ['--export', file]);
  expect(signed).toMatchObject({ code: 0 });
  expect(signed.stdout).toMatch(/exported \d+ checkpoints/);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({
    format: 'apse-access-log-checkpoints/1',
    publicKeys: [expect.stringContaining('PUBLIC KEY')],
  });
  const verified = await tool('audit-verify.cli.ts', ['--checkpoints', file]);
  expect(verified.stdout).toMatch(/the access log is intact/);
  expect(verified.code).toBe(0);
}, 180_000);

it('audit:verify trusts only the keys it is given: checkpoints signed by another key are named, and it exits 1', async () => {
  const otherKey = join(dir, 'other.pem');
  writeFileSync(otherKey, createPublicKey(newAuditSigningKeyPem()).export({ type: 'spki', format: 'pem' }));
  const verified = await tool('audit-verify.cli.ts', ['--public-key', otherKey]);
  expect(verified.code).toBe(1);
  expect(verified.stdout).toMatch(/CHECKPOINT_ALTERED .*not a trusted key/);
}, 180_000);

it('audit:export writes a period as CSV, and refuses a period that is not one', async () => {
  const out = join(dir, 'export.csv');
  const exported = await tool('audit-export.cli.ts', ['--from', '2000-01-01', '--to', '2100-12-31', '--out', out]);
  expect(exported).toMatchObject({ code: 0 });
  const [header, ...rows] = readFileSync(out, 'utf8').trim().split('\r\n');
  expect(header).toMatch(/^"id","at","staff_id","roles","action","outcome","subject_type"/);
  expect(rows.length).toBeGreaterThan(0);
  const refused = await tool('audit-export.cli.ts', ['--from', '2026-12-31', '--to', '2026-01-01']);
  expect(refused.code).toBe(2);
  expect(refused.stderr).toMatch(/--from and --to are days/);
}, 180_000);
