import { statementName } from '../../src/common/statement-name';

/** A statement is logged by its name: its verb and what it acts on, or a prepared statement's own name. */
it.each([
  ['INSERT children', `INSERT INTO "children"("first_name", "date_of_birth") VALUES ($1, $2) RETURNING "id"`],
  ['UPDATE children', `UPDATE "children" SET "first_name" = $1, "version" = "version" + 1 WHERE "id" = $2`],
  ['DELETE allocations', `DELETE FROM "allocations" WHERE "id" = $1`],
  ['SELECT children', `SELECT "c"."id" AS "c_id", "c"."first_name" AS "c_first_name" FROM "children" "c" WHERE "c"."id" IN ($1)`],
  ['SELECT public.children', `SELECT count(*)::int AS n FROM public."children" WHERE "stage" = $1`],
  ['SELECT audit_append', `SELECT audit_append('[{"reason":"Zebedee-Recognisable"}]'::jsonb);\nCOMMIT`],
  [
    'apse_open_as_actor',
    `BEGIN;\nEXECUTE apse_open_as_actor('5eed0000-0000-4000-8000-000000000006', 'req-1', '2026-11-20');\nEXECUTE apse_facts`,
  ],
  ['PREPARE apse_facts', `PREPARE apse_facts AS SELECT * FROM facts WHERE day = current_setting('app.today')`],
  ['SAVEPOINT', 'SAVEPOINT unit_1'],
  ['BEGIN', 'BEGIN'],
])('%s names its statement', (name, sql) => {
  expect(statementName(sql)).toBe(name);
});

it('no literal, parameter or comment of a statement is read for its name', () => {
  expect(statementName(`SELECT 'Zebedee' AS x FROM children`)).toBe('SELECT');
  expect(statementName(`/* Zebedee */ SELECT * FROM children`)).toBe('statement');
  expect(statementName(`SELECT $1::text AS "Zebedee" FROM children`)).toBe('SELECT');
});
