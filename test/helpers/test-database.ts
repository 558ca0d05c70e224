/** Where the test run's database is: set by global-setup.ts before any test file runs. */
export function testDatabaseUrl(): string {
  const url = process.env.APSE_TEST_DATABASE_URL;
  if (!url) throw new Error('APSE_TEST_DATABASE_URL is not set: run the tests with `npm test`');
  return url;
}

/** 'embedded' (PGlite) or 'postgres' (a real server, from DATABASE_URL). */
export function testDatabaseKind(): 'embedded' | 'postgres' {
  return process.env.APSE_TEST_DATABASE_KIND === 'postgres' ? 'postgres' : 'embedded';
}
