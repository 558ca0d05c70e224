import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { seedDemoData } from '../../seeds/seed';
import { buildPages } from '../../src/app/pages-bundle';
import { chromiumPath, withChromium } from '../helpers/browser';
import { listening, serverWithEvidence } from '../helpers/pages-server';
import { useTestApi } from '../helpers/test-api';

/**
 * The pages in a real browser (Debian's Chromium, headless) on the demo data, which reproduces the published
 * figures: what a board director and an auditor see, what they download, and that nothing leaves the origin.
 * Only the pages' own operations run on this API (an empty TRUSTED_DOCUMENTS), as in production.
 */
const SCREENSHOTS = join(__dirname, '..', '..', 'test-output', 'screenshots');
const EVIDENCE_FIXTURE = join(__dirname, '..', 'fixtures', 'policy-evidence.json');
const PUBLISHED_PERIOD = '/board?view=range&from=2020-11&to=2021-05';

const api = useTestApi(async ({ dataSource }) => {
  await dataSource.query('TRUNCATE staff, panels CASCADE');
  await Promise.all([seedDemoData(dataSource, '2026-11-20'), buildPages()]);
});

withChromium()('the pages in a browser', () => {
  let server: Awaited<ReturnType<typeof listening>>;
  let browser: Browser;
  let context: BrowserContext;
  const requested: string[] = [];
  const policyViolations: string[] = [];

  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    server = await listening(await serverWithEvidence(api(), EVIDENCE_FIXTURE));
    browser = await chromium.launch({ executablePath: chromiumPath()!, args: ['--no-sandbox', '--disable-gpu'] });
    context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 } });
    context.on('request', (request) => requested.push(request.url()));
    context.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens a page signed in as a demo identity, picked from the development token picker. */
  async function openAs(username: string, path: string): Promise<Page> {
    const page = await context.newPage();
    await page.goto(`${server.origin}${path}`);
    await page.evaluate('sessionStorage.clear()');
    await page.reload();
    const option = page.locator('#demo-identity option', { hasText: `${username} —` });
    await page.selectOption('#demo-identity', (await option.getAttribute('value'))!);
    await page.click('#use-demo-identity');
    return page;
  }

  const rowOf = (page: Page, table: string, label: string) =>
    page.locator(`table[data-table="${table}"] tbody tr`, { has: page.locator('th', { hasText: new RegExp(`^${label}$`) }) });

  let board: Page;

  it('a board director opens the board pack of the published period and sees Kent’s 38 plan decisions, month by month, with their chart', async () => {
    board = await openAs('board.kent', PUBLISHED_PERIOD);
    const kent = rowOf(board, 'plan-decisions', 'Kent');
    await kent.waitFor();
    expect(await kent.locator('td').allTextContents()).toEqual(['0', '0', '4', '10', '12', '9', '3', '38']);
    expect(await rowOf(board, 'placement-orders', 'Medway').locator('td').last().textContent()).toBe('14');
    expect(await rowOf(board, 'adopter-approvals', 'Partnership').locator('td').last().textContent()).toBe('53');
    await board.locator('[data-chart="plan-decisions"] canvas').first().waitFor();
    expect(await board.locator('.chart canvas').count()).toBeGreaterThanOrEqual(8);
    await board.screenshot({ path: join(SCREENSHOTS, 'board.png'), fullPage: true });
  });

  it('the support section shows the 177 calls for support, the 141 that went on to an advice-line call and the 82 assessments by council', async () => {
    const total = (table: string, label: string) => rowOf(board, table, label).locator('td').last().textContent();
    expect(await total('support-calls', 'Partnership')).toBe('177');
    expect(await total('support-calls-progressed', 'Partnership')).toBe('141');
    expect(await Promise.all(['Bexley', 'Kent', 'Medway', 'Partnership'].map((a) => total('support-assessments', a)))).toEqual([
      '9',
      '65',
      '8',
      '82',
    ]);
    const progressed = board.locator('.table-block', { has: board.locator('table[data-table="support-calls-progressed"]') });
    expect(await progressed.locator('.table-note').first().textContent()).toBe(
      'Calls for support: 177; 141 went on to an advice-line call.',
    );
  });

  it('the early-permanence split by authority is marked illustrative, and all but one child was placed within the partnership', async () => {
    const kent = await rowOf(board, 'early-permanence', 'Kent').locator('td').allTextContents();
    expect(kent.every((cell) => cell.endsWith(' (illustrative)'))).toBe(true);
    expect(await rowOf(board, 'early-permanence', 'Partnership').locator('td').last().textContent()).toBe('20 (illustrative)');
    expect(await rowOf(board, 'placed-outside', 'Partnership').locator('td').last().textContent()).toBe('1');
    const placed = board.locator('.table-block', { has: board.locator('table[data-table="placed-outside"]') });
    expect(await placed.locator('.table-note').first().textContent()).toMatch(
      /^Children placed: \d+; all but one placed within the partnership\.$/,
    );
  });

  it('the children waiting are shown with their breakdowns, a suppressed cell as "suppressed", never a number', async () => {
    await board.locator('table[data-table="children-waiting"]').waitFor();
    const withheld = await board.locator('td.suppressed').allTextContents();
    expect(withheld.length).toBeGreaterThan(0);
    expect(new Set(withheld)).toEqual(new Set(['suppressed']));
    for (const id of ['waiting-by-age-band', 'waiting-by-ethnicity', 'waiting-by-disability']) {
      expect(await board.locator(`table[data-table="${id}"]`).count()).toBe(1);
    }
  });

  it('a table downloads as CSV with the figures on the page', async () => {
    const block = board.locator('.table-block', { has: board.locator('table[data-table="plan-decisions"]') });
    const [download] = await Promise.all([board.waitForEvent('download'), block.locator('button.csv').click()]);
    expect(download.suggestedFilename()).toBe('apse-board-plan-decisions.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('"Kent","0","0","4","10","12","9","3","38"\r\n');
  });

  it('prints to A4 without its controls, a section a page', async () => {
    await board.emulateMedia({ media: 'print' });
    expect(await board.locator('.controls').isVisible()).toBe(false);
    expect(await board.locator('button.csv').first().isVisible()).toBe(false);
    expect(await board.locator('#section-2').evaluate((s) => (globalThis as any).getComputedStyle(s).breakBefore)).toBe('page');
    await board.pdf({ path: join(SCREENSHOTS, 'board.pdf'), format: 'A4' });
    await board.emulateMedia({ media: 'screen' });
  });

  it('a financial year shows the timeliness measures, and year on year the same period a year earlier beside it', async () => {
    await board.goto(`${server.origin}/board?view=year&from=2020-04&yoy=1`);
    await board.locator('table[data-table="timeliness-a2"]').waitFor();
    for (const id of ['timeliness-a1', 'timeliness-a3', 'timeliness-a10']) {
      expect(await board.locator(`table[data-table="${id}"]`).count()).toBe(1);
    }
    expect(await board.locator('table[data-table="timeliness-a1"] thead th').nth(3).textContent()).toBe('Within 426 days');
    expect(await board.locator('table[data-table="timeliness-a10"] thead th').nth(3).textContent()).toBe('Within threshold');
    const header = await board.locator('table[data-table="plan-decisions"] thead th').allTextContents();
    expect(header.slice(-2)).toEqual(['Total 2019-20 (Apr 2019 – Mar 2020)', 'Change']);
    expect(await board.locator('table[data-table="pooled-budget"] tbody tr').count()).toBeGreaterThanOrEqual(2);
    expect(await rowOf(board, 'pooled-budget', '2023-24').locator('td').allTextContents()).toEqual([
      expect.stringMatching(/^£[\d,]+ \(illustrative\)$/),
      expect.stringMatching(/^£[\d,]+ \(illustrative\)$/),
      '£328,000',
      'not yet decided',
    ]);
    await board.screenshot({ path: join(SCREENSHOTS, 'board-year-on-year.png'), fullPage: true });
  });

  it('a member of staff whose role the board pack is not for reads that it is not for their role, not an error', async () => {
    const page = await openAs('adm.kent', '/board');
    await page.locator('.notice', { hasText: 'not for your role' }).waitFor();
    expect(await page.locator('table').count()).toBe(0);
    await page.close();
  });

  it('an auditor finds a role-table row by its words, with the test that proves it', async () => {
    const audit = await openAs('auditor.1', '/audit');
    await audit.locator('#evidence-search').fill('Kent ADM Medway child');
    await expect(audit.locator('#evidence-count').textContent()).resolves.toBe('1 of 3 rows');
    const rows = audit.locator('table[data-table="role-table-rows"] tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('ADM of KENT: read Child of MEDWAY is refused');
    expect(await audit.locator('#mutation-score').textContent()).toContain('96.4%');
    expect(await audit.locator('table[data-table="rule-coverage"] tbody tr', { hasText: 'NO ROW PROVES IT' }).count()).toBe(1);
    await audit.locator('table[data-table="access-log-page"] tbody tr').first().waitFor();
    await audit.screenshot({ path: join(SCREENSHOTS, 'audit.png'), fullPage: true });
    await audit.close();
  });

  it('an auditor browses the access log by its filters a page at a time, and exports what the filters find in the export’s columns', async () => {
    const audit = await openAs('auditor.1', '/audit');
    await audit.selectOption('#log-outcome', 'ALLOWED');
    await audit.click('#log-search');
    await audit.locator('#log-status', { hasText: /^Events 1–25 of \d+/ }).waitFor();
    expect(new Set(await audit.locator('table[data-table="access-log-page"] tbody tr td:nth-child(5)').allTextContents())).toEqual(
      new Set(['ALLOWED']),
    );
    await audit.click('#log-next');
    await audit.locator('#log-status', { hasText: /^Events 26–/ }).waitFor();
    await audit.selectOption('#log-outcome', '');
    await audit.fill('#log-subject-type', 'AuditEvent');
    const [download] = await Promise.all([audit.waitForEvent('download'), audit.click('#log-export')]);
    const lines = readFileSync((await download.path())!, 'utf8')
      .split('\r\n')
      .filter(Boolean);
    expect(lines[0]).toBe(
      '"id","at","staff_id","roles","action","outcome","subject_type","subject_id","subject_ids","authorities","fields","reason","changes","criteria","policy_version","request_id","client_request_id","chain","seq","hash"',
    );
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((line) => line.split('","')[6] === 'AuditEvent')).toBe(true);
    await audit.close();
  });

  it('no page asked another host for anything, and none broke its content security policy', () => {
    expect(requested.length).toBeGreaterThan(0);
    expect(requested.filter((url) => !url.startsWith(`${server.origin}/`) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual(
      [],
    );
    expect(policyViolations).toEqual([]);
  });
});
