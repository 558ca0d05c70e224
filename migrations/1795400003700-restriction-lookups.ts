import type { MigrationInterface, QueryRunner } from 'typeorm';

const ADM_OF = (authority: string) => `coalesce(current_setting('app.roles', true), '') ~ ('(^|,)ADM:' || ${authority}::text || '(/|,|$)')`;
const NAMED = `(SELECT app_named_children())::uuid[]`;
const GRANTED = `(SELECT app_granted_children())::uuid[]`;
const REACHABLE = `('HIGH_PROFILE', 'HIGH_RISK')`;
const WHOLE_RECORD = `('HIGH_PROFILE', 'STAFF_CONNECTED', 'HIGH_RISK')`;
const CHILD_RECORD_TABLES = ['child_decisions', 'placement_orders', 'disruptions'];
const ALLOCATIONS = 'family_finder_allocations';
const LINK_TABLES = ['matches', 'placements'];
const RECORD_TABLES = [...CHILD_RECORD_TABLES, ...LINK_TABLES];

/**
 * The restrictions, restated without reading other tables under the request's Row-Level Security.
 *  - A child's record hung off a restricted child is hidden by asking `child_record_hidden`, which reads the child as
 *    apse_reporting. The policies of migrations 1795400003500–3600 read the child under the request's own policies:
 *    a restricted child, invisible to the request, looked unrestricted, and its decisions, orders, disruptions (and a
 *    sealed child's matches and placements) stayed visible to the database to anyone in the tenant.
 *  - The children whose restriction names the member of staff, and those of their emergency accesses live at the
 *    request's instant, are the facts statement's (`app.named_children`, `app.granted_children`), as the roles are
 *    (`app.roles`): the policies compare with a list read once per statement instead of planning a lookup per table,
 *    which cost 3 ms of planning on every statement that read a child's records.
 *  - `restricted_children_naming_me` finds the first list by the index on the named staff, which a lookup under
 *    Row-Level Security could not use (containment is not leakproof): its cost does not grow with the restrictions.
 */
export class RestrictionLookups1795400003700 implements MigrationInterface {
  name = 'RestrictionLookups1795400003700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`GRANT SELECT (child_id, allowed_staff_ids) ON child_restrictions TO apse_reporting`);
    await q.query(`CREATE POLICY restriction_lookups ON child_restrictions FOR SELECT TO apse_reporting USING (true)`);
    await q.query(`
      CREATE FUNCTION restricted_children_naming_me() RETURNS SETOF uuid
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT r.child_id FROM child_restrictions r WHERE r.allowed_staff_ids @> ARRAY[app_staff_id()]
         $$`);
    for (const [name, setting] of [
      ['app_named_children', 'app.named_children'],
      ['app_granted_children', 'app.granted_children'],
    ]) {
      await q.query(`
        CREATE FUNCTION ${name}() RETURNS uuid[]
        LANGUAGE sql STABLE AS $$
             SELECT coalesce(string_to_array(nullif(current_setting('${setting}', true), ''), ',')::uuid[], '{}')
           $$`);
    }
    await q.query(`
      CREATE FUNCTION child_record_hidden(child uuid, sealed_too boolean) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
           SELECT EXISTS (SELECT 1 FROM children c
                           WHERE c.id = child
                             AND (c.restriction_category IN ${WHOLE_RECORD} OR (sealed_too AND c.restriction_category = 'ADOPTION'))
                             AND NOT ${ADM_OF('c.authority')} AND NOT child = ANY (app_named_children())
                             AND NOT (c.restriction_category IN ${REACHABLE} AND child = ANY (app_granted_children())))
         $$`);
    for (const fn of ['restricted_children_naming_me()', 'child_record_hidden(uuid, boolean)']) {
      await q.query(`ALTER FUNCTION ${fn} OWNER TO apse_reporting`);
      await q.query(`REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO apse_app`);
    }

    for (const table of ['children', ...RECORD_TABLES, ALLOCATIONS]) {
      const id = table === 'children' ? 'id' : 'child_id';
      await q.query(`DROP POLICY named_on_restriction ON ${table}`);
      await q.query(`CREATE POLICY named_on_restriction ON ${table} FOR SELECT TO apse_app USING (${id} = ANY (${NAMED}))`);
      await q.query(`DROP POLICY emergency_access ON ${table}`);
      await q.query(`CREATE POLICY emergency_access ON ${table} FOR SELECT TO apse_app USING (${id} = ANY (${GRANTED}))`);
    }
    await q.query(`DROP POLICY restricted_records ON children`);
    await q.query(`
      CREATE POLICY restricted_records ON children AS RESTRICTIVE FOR SELECT TO apse_app
        USING (restriction_category IS NULL OR restriction_category = 'ADOPTION' OR ${ADM_OF('authority')} OR id = ANY (${NAMED})
               OR (restriction_category IN ${REACHABLE} AND id = ANY (${GRANTED})))`);
    for (const table of RECORD_TABLES) {
      await q.query(`DROP POLICY restricted_records ON ${table}`);
      await q.query(`
        CREATE POLICY restricted_records ON ${table} AS RESTRICTIVE FOR SELECT TO apse_app
          USING (NOT child_record_hidden(child_id, ${LINK_TABLES.includes(table)}))`);
    }
  }

  async down(q: QueryRunner): Promise<void> {
    // The policies as migration 1795400003600 left them.
    const named = (childId: string) =>
      `EXISTS (SELECT 1 FROM child_restrictions r WHERE r.child_id = ${childId} AND (SELECT app_staff_id()) = ANY (r.allowed_staff_ids))`;
    const granted = (childId: string) =>
      `EXISTS (SELECT 1 FROM emergency_accesses g WHERE g.child_id = ${childId} AND g.staff_id = (SELECT app_staff_id())
                 AND g.expires_at > (SELECT app_now()))`;
    for (const table of ['children', ...RECORD_TABLES, ALLOCATIONS]) {
      const id = table === 'children' ? 'children.id' : `${table}.child_id`;
      await q.query(`DROP POLICY named_on_restriction ON ${table}`);
      await q.query(`CREATE POLICY named_on_restriction ON ${table} FOR SELECT TO apse_app USING (${named(id)})`);
      await q.query(`DROP POLICY emergency_access ON ${table}`);
      await q.query(`CREATE POLICY emergency_access ON ${table} FOR SELECT TO apse_app USING (${granted(id)})`);
    }
    await q.query(`DROP POLICY restricted_records ON children`);
    await q.query(`
      CREATE POLICY restricted_records ON children AS RESTRICTIVE FOR SELECT TO apse_app
        USING (restriction_category IS NULL OR restriction_category = 'ADOPTION' OR ${ADM_OF('authority')} OR ${named('children.id')}
               OR (restriction_category IN ${REACHABLE} AND ${granted('children.id')}))`);
    for (const table of RECORD_TABLES) {
      const hidden = LINK_TABLES.includes(table) ? `c.restriction_category IS NOT NULL` : `c.restriction_category IN ${WHOLE_RECORD}`;
      await q.query(`DROP POLICY restricted_records ON ${table}`);
      await q.query(`
        CREATE POLICY restricted_records ON ${table} AS RESTRICTIVE FOR SELECT TO apse_app
          USING (NOT EXISTS (SELECT 1 FROM children c WHERE c.id = ${table}.child_id AND ${hidden}
                                AND NOT ${ADM_OF('c.authority')} AND NOT ${named('c.id')}
                                AND NOT (c.restriction_category IN ${REACHABLE} AND ${granted('c.id')})))`);
    }
    await q.query(`DROP FUNCTION child_record_hidden(uuid, boolean)`);
    await q.query(`DROP FUNCTION app_granted_children()`);
    await q.query(`DROP FUNCTION app_named_children()`);
    await q.query(`DROP FUNCTION restricted_children_naming_me()`);
    await q.query(`DROP POLICY restriction_lookups ON child_restrictions`);
    await q.query(`REVOKE SELECT (child_id, allowed_staff_ids) ON child_restrictions FROM apse_reporting`);
  }
}
