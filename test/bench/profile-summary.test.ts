import { statementTimes, summarise, type CpuProfile } from '../../bench/profile-summary';

const frame = (functionName: string, url = '', lineNumber = 0) => ({ functionName, url, lineNumber });

/** Samples 1 ms apart: two in start-up, then idle, a socket write, a package and the API, over the last 10 ms. */
const profile: CpuProfile = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4, 5, 6] },
    { id: 2, callFrame: frame('require', 'node:internal/modules/cjs/loader', 9) },
    { id: 3, callFrame: frame('(idle)') },
    { id: 4, callFrame: frame('writev') },
    { id: 5, callFrame: frame('addFields', 'file:///app/node_modules/pg/lib/result.js', 80) },
    { id: 6, callFrame: frame('toSql', 'file:///app/dist/src/access/casl-to-sql.js', 107) },
  ],
  samples: [2, 2, 3, 3, 3, 3, 3, 3, 4, 4, 5, 6],
  timeDeltas: Array(12).fill(1000),
  startTime: 0,
  endTime: 12_000,
};

describe('bench:profile summarises a CPU profile by where its busy time went', () => {
  it('counts only the last milliseconds asked for, leaves idle samples out, and groups by package, API folder and native function', () => {
    const { byOrigin, byFunction } = summarise(profile, 10);
    expect(byOrigin).toEqual([
      { name: 'writev (native)', percent: 50 },
      { name: 'pg', percent: 25 },
      { name: 'api:access', percent: 25 },
    ]);
    expect(byFunction.map((s) => s.name)).toEqual(['writev (native)', 'addFields pg:81', 'toSql api:access:108']);
  });

  it('counts the start-up too when the window covers the whole profile', () => {
    expect(summarise(profile, 12).byOrigin[0]).toEqual({ name: 'node', percent: 100 / 3 });
  });
});

describe("bench:profile sums PostgreSQL's logged durations per request, without a record's values", () => {
  const log = [
    `LOG:  duration: 1.500 ms  statement: BEGIN;`,
    `\tEXECUTE apse_open_as_actor_v6('5eed0000-0000-4000-8000-000000000008', '2026-12-07');`,
    `LOG:  duration: 2.500 ms  statement: BEGIN;`,
    `LOG:  duration: 0.900 ms  bind apse_abc: SELECT "r"."id" FROM "child_decisions" "r" WHERE "r"."child_id" = ANY ($1)`,
    `DETAIL:  parameters: $1 = '{77f6e0eb-a567-4518-a4d1-7c6649bbaac7}'`,
    `LOG:  duration: 1.100 ms  bind apse_abc: SELECT "r"."id" FROM "child_decisions" "r" WHERE "r"."child_id" = ANY ($1)`,
    `LOG:  duration: 0.800 ms  statement: SELECT audit_append('[{"subjectIds":["77f6e0eb-a567-4518-a4d1-7c6649bbaac7"]}]'::jsonb); COMMIT`,
  ].join('\n');

  it('groups by step and statement (a named one by its name and table), largest first, per request', () => {
    expect(statementTimes(log, 2)).toEqual([
      { step: 'statement', statement: 'BEGIN;', msPerRequest: 2, median: 2.5, count: 2 },
      { step: 'bind', statement: 'apse_abc (child_decisions)', msPerRequest: 1, median: 1.1, count: 2 },
      { step: 'statement', statement: 'SELECT audit_append(', msPerRequest: 0.4, median: 0.8, count: 1 },
    ]);
  });

  it('keeps no literal or parameter: no id of the log reaches the summary', () => {
    expect(JSON.stringify(statementTimes(log, 2))).not.toMatch(/77f6e0eb|5eed0000/);
  });
});
