import { Client } from 'pg';
import { generateBenchData } from '../../bench/data/generate';
import { prepareTargetDatabase } from '../../bench/data/target-database';
import { addRestrictionsAndPastGrants, removeRestrictionsAndPastGrants } from '../../bench/restrictions';
import { onRealServer } from '../helpers/real-server';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * The benchmark's data keeps up with the schema: a small generated data set satisfies every constraint the
 * migrations add (the generator writes with triggers off, not with checks off), and the restrictions the benchmark
 * adds and removes again leave it as generated.
 */
onRealServer('the generator writes through its own login and a database of its own')('the benchmark data', () => {
  const url = new URL(testDatabaseUrl());
  const name = `${url.pathname.slice(1)}_bench`;
  const benchUrl = Object.assign(new URL(url), { pathname: `/${name}` }).toString();
  let admin: Client;
  let client: Client;

  beforeAll(async () => {
    admin = new Client({ connectionString: url.toString() });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    client = new Client({ connectionString: benchUrl });
    await client.connect();
  }, 60_000);

  afterAll(async () => {
    await client?.end();
    await admin?.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin?.end();
  });

  const count = async (rows: string) => Number((await client.query<{ n: string }>(`SELECT count(*) AS n FROM ${rows}`)).rows[0]!.n);

  it('is generated for 600 children into a migrated database, the adopted ones sealed', async () => {
    await prepareTargetDatabase(client, benchUrl, false);
    await client.query(`SET session_replication_role = replica`);
    await generateBenchData(client, 600, () => undefined);
    await client.query(`RESET session_replication_role`);
    expect(await count(`children`)).toBe(600);
    expect(await count(`children WHERE adoption_order_granted_on IS NOT NULL`)).toBeGreaterThan(0);
    expect(await count(`children WHERE adoption_order_granted_on IS NOT NULL AND restriction_category IS NULL`)).toBe(0);
  }, 120_000);

  it('takes the restrictions and past emergency grants the benchmark adds, and is as generated once they are removed', async () => {
    await addRestrictionsAndPastGrants(client);
    expect(await count(`child_restrictions`)).toBeGreaterThan(0);
    expect(await count(`emergency_accesses WHERE expires_at < now()`)).toBeGreaterThan(0);
    await removeRestrictionsAndPastGrants(client);
    expect(await count(`child_restrictions`)).toBe(0);
    expect(await count(`emergency_accesses`)).toBe(0);
    expect(await count(`children WHERE restriction_category IS DISTINCT FROM 'ADOPTION' AND restriction_category IS NOT NULL`)).toBe(0);
  }, 60_000);
});
