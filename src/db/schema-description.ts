/** Anything that runs a statement and returns its rows: a DataSource, a QueryRunner. */
export type Queryable = { query: (sql: string) => Promise<Record<string, unknown>[]> };

/**
 * The schema `public` of the database as SQL, read from the catalogue: every object in a fixed order
 * (names sorted bytewise), each as the server itself prints it (pg_get_functiondef, pg_get_constraintdef, …).
 * The same SQL runs on PostgreSQL and on PGlite; what legitimately differs between them is left out:
 * - the owner's own privileges (PostgreSQL 17 added MAINTAIN to a table owner's), so a grant is listed only
 *   to a role other than the object's owner, and an owner only when it is not the login describing (the one
 *   that ran the migrations);
 * - NOT NULL constraints as rows of pg_constraint (PostgreSQL 18): nullability is the column's;
 * - grantors, object ids, statistics, and the contents of tables;
 * - PUBLIC's USAGE on schema public (every PostgreSQL since 15 grants it; listed when revoked);
 * - TypeORM's own `migrations` table.
 */
export async function describeSchema(db: Queryable): Promise<string> {
  // Each section is a list of lines or of blocks; sections and blocks are set apart by an empty line.
  const sections = [
    (await extensions(db)).join('\n'),
    (await schemaPrivileges(db)).join('\n'),
    (await types(db)).join('\n'),
    (await tables(db)).join('\n\n'),
    (await views(db)).join('\n\n'),
    (await functions(db)).join('\n\n'),
    (await roles(db)).join('\n'),
  ].filter((section) => section.length > 0);
  return [HEADER, ...sections].join('\n\n') + '\n';
}

const HEADER = `-- The database's schema as the migrations leave it: written by \`npm run schema:sql\` from the catalogue
-- (src/db/schema-description.ts), never by hand. A test fails when a migrated database differs from it.
-- Objects the migration login owns carry no OWNER line; a grant to an object's owner is not listed.`;

const BYTEWISE = 'COLLATE "C"';
const PUBLIC_SCHEMA = `(SELECT oid FROM pg_namespace WHERE nspname = 'public')`;
/** A role by its id in an ACL; 0 is PUBLIC. */
const ROLE_NAME = (column: string) => `CASE WHEN ${column} = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(${column})) END`;
/** Objects an extension created are the extension's, not the migrations'. */
const NOT_FROM_EXTENSION = (catalog: string, oid: string) =>
  `NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = '${catalog}'::regclass AND d.objid = ${oid} AND d.deptype = 'e')`;
/** Privileges in the order GRANT lists them, whichever order the server keeps them in. */
const PRIVILEGE_ORDER = `array_position(ARRAY['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER', 'MAINTAIN',
  'USAGE', 'CREATE', 'EXECUTE'], acl.privilege_type)`;

async function lines(db: Queryable, sql: string): Promise<string[]> {
  return (await db.query(sql)).map((row) => String(row.line));
}

/**
 * `GRANT … ON <object> TO <role>;` for each role other than the owner (and PUBLIC unless `publicToo` is false),
 * privileges with grant option apart. `acl` is the object's ACL, `fallback` the ACL it has when that is null;
 * `column` names the column of a column privilege.
 */
const grantsOf = (object: string, acl: string, fallback: string, owner: string, { publicToo = true, column = '' } = {}) => `
  SELECT 'GRANT ' || string_agg(acl.privilege_type${column ? ` || ' (' || quote_ident(${column}) || ')'` : ''}, ', ' ORDER BY ${PRIVILEGE_ORDER})
         || ' ON ' || ${object} || ' TO ' || ${ROLE_NAME('acl.grantee')} || CASE WHEN acl.is_grantable THEN ' WITH GRANT OPTION' ELSE '' END
         || ';' AS grant_line,
         ${ROLE_NAME('acl.grantee')} AS grantee
    FROM aclexplode(coalesce(${acl}, ${fallback})) acl
   WHERE acl.grantee <> ${owner}${publicToo ? '' : ' AND acl.grantee <> 0'}
   GROUP BY acl.grantee, acl.is_grantable`;

async function extensions(db: Queryable): Promise<string[]> {
  return lines(
    db,
    `SELECT format('CREATE EXTENSION %I;', extname) AS line FROM pg_extension WHERE extname <> 'plpgsql' ORDER BY extname ${BYTEWISE}`,
  );
}

async function schemaPrivileges(db: Queryable): Promise<string[]> {
  return lines(
    db,
    `SELECT line FROM (
       SELECT g.grant_line AS line, g.grantee FROM pg_namespace n,
              LATERAL (${grantsOf("'SCHEMA public'", 'n.nspacl', "acldefault('n', n.nspowner)", 'n.nspowner', { publicToo: false })}) g
        WHERE n.nspname = 'public'
       UNION ALL
       SELECT 'REVOKE USAGE ON SCHEMA public FROM PUBLIC;', '' FROM pg_namespace n
        WHERE n.nspname = 'public' AND NOT has_schema_privilege('public', n.oid, 'USAGE')
       UNION ALL
       SELECT 'GRANT CREATE ON SCHEMA public TO PUBLIC;', '' FROM pg_namespace n
        WHERE n.nspname = 'public' AND has_schema_privilege('public', n.oid, 'CREATE')
     ) s ORDER BY grantee ${BYTEWISE}, line ${BYTEWISE}`,
  );
}

async function types(db: Queryable): Promise<string[]> {
  return lines(
    db,
    `SELECT line FROM (
       SELECT t.typname AS name, format('CREATE TYPE %I AS ENUM (%s);', t.typname,
                (SELECT string_agg(quote_literal(e.enumlabel), ', ' ORDER BY e.enumsortorder) FROM pg_enum e WHERE e.enumtypid = t.oid)) AS line
         FROM pg_type t WHERE t.typnamespace = ${PUBLIC_SCHEMA} AND t.typtype = 'e' AND ${NOT_FROM_EXTENSION('pg_type', 't.oid')}
       UNION ALL
       -- Kinds of type no migration creates yet are named, so that none goes unseen.
       SELECT t.typname, format('-- type %I of kind %s: describe it in src/db/schema-description.ts', t.typname, t.typtype)
         FROM pg_type t LEFT JOIN pg_class c ON c.oid = t.typrelid
        WHERE t.typnamespace = ${PUBLIC_SCHEMA} AND t.typtype NOT IN ('e', 'b') AND (c.oid IS NULL OR c.relkind = 'c')
          AND ${NOT_FROM_EXTENSION('pg_type', 't.oid')}
     ) s ORDER BY name ${BYTEWISE}`,
  );
}

async function tables(db: Queryable): Promise<string[]> {
  const names = await lines(
    db,
    `SELECT c.relname AS line FROM pg_class c
      WHERE c.relnamespace = ${PUBLIC_SCHEMA} AND c.relkind IN ('r', 'p') AND c.relname <> 'migrations'
        AND ${NOT_FROM_EXTENSION('pg_class', 'c.oid')}
      ORDER BY c.relname ${BYTEWISE}`,
  );
  const described: string[] = [];
  for (const name of names) described.push((await lines(db, tableSql(name))).join('\n'));
  return described;
}

/** One table: columns in their physical order (a row's shape), then what hangs off it, each kind by name. */
function tableSql(name: string): string {
  const table = `('public.' || quote_ident(${literal(name)}))::regclass`;
  return `
    WITH t AS (SELECT c.* FROM pg_class c WHERE c.oid = ${table}),
    columns AS (
      SELECT a.attnum, format('  %I %s', a.attname, format_type(a.atttypid, a.atttypmod))
               || CASE WHEN a.attcollation <> ty.typcollation THEN ' COLLATE ' || a.attcollation::regcollation ELSE '' END
               || CASE a.attidentity WHEN 'a' THEN ' GENERATED ALWAYS AS IDENTITY' WHEN 'd' THEN ' GENERATED BY DEFAULT AS IDENTITY' ELSE '' END
               || CASE WHEN a.attgenerated = 's' THEN ' GENERATED ALWAYS AS (' || pg_get_expr(d.adbin, d.adrelid) || ') STORED'
                       WHEN d.adbin IS NOT NULL THEN ' DEFAULT ' || pg_get_expr(d.adbin, d.adrelid) ELSE '' END
               || CASE WHEN a.attnotnull THEN ' NOT NULL' ELSE '' END AS text
        FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
        JOIN pg_type ty ON ty.oid = a.atttypid
        LEFT JOIN pg_attrdef d ON d.adrelid = t.oid AND d.adnum = a.attnum
    ),
    parts AS (
      SELECT 0 AS part, '' AS name, format('CREATE TABLE %I (', t.relname) || E'\\n'
               || coalesce((SELECT string_agg(text, E',\\n' ORDER BY attnum) FROM columns), '') || E'\\n)'
               || coalesce(' WITH (' || array_to_string(t.reloptions, ', ') || ')', '') || ';' AS line FROM t
      UNION ALL
      SELECT 1, c.conname, format('ALTER TABLE %I ADD CONSTRAINT %I %s;', t.relname, c.conname, pg_get_constraintdef(c.oid))
        FROM t JOIN pg_constraint c ON c.conrelid = t.oid WHERE c.contype <> 'n'
      UNION ALL
      SELECT 2, i.relname, pg_get_indexdef(i.oid) || ';' FROM t JOIN pg_index x ON x.indrelid = t.oid JOIN pg_class i ON i.oid = x.indexrelid
       WHERE NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.oid AND c.conrelid = t.oid AND c.contype IN ('p', 'u', 'x'))
      UNION ALL
      SELECT 3, g.tgname, pg_get_triggerdef(g.oid) || ';'
               || CASE g.tgenabled WHEN 'O' THEN '' WHEN 'D' THEN format(E'\\nALTER TABLE %I DISABLE TRIGGER %I;', t.relname, g.tgname)
                  ELSE format(E'\\n-- trigger %I fires in replication mode %s', g.tgname, g.tgenabled) END
        FROM t JOIN pg_trigger g ON g.tgrelid = t.oid WHERE NOT g.tgisinternal
      UNION ALL
      SELECT 4, '', format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY;', t.relname) FROM t WHERE t.relrowsecurity
      UNION ALL
      SELECT 5, '', format('ALTER TABLE %I FORCE ROW LEVEL SECURITY;', t.relname) FROM t WHERE t.relforcerowsecurity
      UNION ALL
      SELECT 6, p.policyname, format('CREATE POLICY %I ON %I AS %s FOR %s TO %s', p.policyname, p.tablename, p.permissive, p.cmd,
                                     (SELECT string_agg(quote_ident(r), ', ' ORDER BY r ${BYTEWISE}) FROM unnest(p.roles) r))
               || coalesce(' USING (' || p.qual || ')', '') || coalesce(' WITH CHECK (' || p.with_check || ')', '') || ';'
        FROM t JOIN pg_policies p ON p.schemaname = 'public' AND p.tablename = t.relname
      UNION ALL
      SELECT 7, '', format('ALTER TABLE %I OWNER TO %I;', t.relname, pg_get_userbyid(t.relowner)) FROM t WHERE pg_get_userbyid(t.relowner) <> current_user
      UNION ALL
      SELECT 8, g.grantee, g.grant_line FROM t, LATERAL (${grantsOf("format('TABLE %I', t.relname)", 't.relacl', "acldefault('r', t.relowner)", 't.relowner')}) g
      UNION ALL
      SELECT 9, a.attname || ' ' || g.grantee, g.grant_line
        FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped AND a.attacl IS NOT NULL,
        LATERAL (${grantsOf("format('TABLE %I', t.relname)", 'a.attacl', "'{}'::aclitem[]", 't.relowner', { column: 'a.attname' })}) g
      UNION ALL
      SELECT 10, '', format('COMMENT ON TABLE %I IS %L;', t.relname, obj_description(t.oid, 'pg_class')) FROM t
       WHERE obj_description(t.oid, 'pg_class') IS NOT NULL
      UNION ALL
      SELECT 11, a.attname, format('COMMENT ON COLUMN %I.%I IS %L;', t.relname, a.attname, col_description(t.oid, a.attnum))
        FROM t JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum > 0 AND NOT a.attisdropped
       WHERE col_description(t.oid, a.attnum) IS NOT NULL
    )
    SELECT line FROM parts ORDER BY part, name ${BYTEWISE}, line ${BYTEWISE}`;
}

async function views(db: Queryable): Promise<string[]> {
  const described = await lines(
    db,
    `SELECT format('CREATE %sVIEW %I%s AS', CASE c.relkind WHEN 'm' THEN 'MATERIALIZED ' ELSE '' END, c.relname,
                   coalesce(' WITH (' || array_to_string(c.reloptions, ', ') || ')', '')) || E'\\n'
            || rtrim(pg_get_viewdef(c.oid, true), ';') || ';'
            || coalesce((SELECT E'\\n' || string_agg(g.grant_line, E'\\n' ORDER BY g.grantee ${BYTEWISE})
                           FROM (${grantsOf("format('TABLE %I', c.relname)", 'c.relacl', "acldefault('r', c.relowner)", 'c.relowner')}) g), '') AS line
       FROM pg_class c
      WHERE c.relnamespace = ${PUBLIC_SCHEMA} AND c.relkind IN ('v', 'm') AND ${NOT_FROM_EXTENSION('pg_class', 'c.oid')}
      ORDER BY c.relname ${BYTEWISE}`,
  );
  return described;
}

/** Each function in full, then its owner (unless the migration login) and who may execute it. */
async function functions(db: Queryable): Promise<string[]> {
  const signature = `format('FUNCTION %I(%s)', p.proname, pg_get_function_identity_arguments(p.oid))`;
  const described = await lines(
    db,
    `SELECT rtrim(pg_get_functiondef(p.oid), E'\\n') || ';'
            || CASE WHEN pg_get_userbyid(p.proowner) <> current_user
                    THEN format(E'\\nALTER %s OWNER TO %I;', ${signature}, pg_get_userbyid(p.proowner)) ELSE '' END
            || CASE WHEN has_function_privilege('public', p.oid, 'EXECUTE') THEN '' ELSE format(E'\\nREVOKE ALL ON %s FROM PUBLIC;', ${signature}) END
            || coalesce((SELECT E'\\n' || string_agg(g.grant_line, E'\\n' ORDER BY g.grantee ${BYTEWISE})
                           FROM (${grantsOf(signature, 'p.proacl', "acldefault('f', p.proowner)", 'p.proowner')}) g), '')
            || coalesce(E'\\nCOMMENT ON ' || ${signature} || ' IS ' || quote_literal(obj_description(p.oid, 'pg_proc')) || ';', '') AS line
       FROM pg_proc p
      WHERE p.pronamespace = ${PUBLIC_SCHEMA} AND p.prokind IN ('f', 'p') AND ${NOT_FROM_EXTENSION('pg_proc', 'p.oid')}
      ORDER BY p.proname ${BYTEWISE}, pg_get_function_identity_arguments(p.oid) ${BYTEWISE}`,
  );
  return described;
}

/** The roles the schema names (owners, grantees, policies), with what they may do as logins. */
async function roles(db: Queryable): Promise<string[]> {
  return lines(
    db,
    `WITH named AS (
       SELECT c.relowner AS role FROM pg_class c WHERE c.relnamespace = ${PUBLIC_SCHEMA} AND c.relname <> 'migrations'
       UNION SELECT p.proowner FROM pg_proc p WHERE p.pronamespace = ${PUBLIC_SCHEMA}
       UNION SELECT a.grantee FROM pg_class c, aclexplode(c.relacl) a WHERE c.relnamespace = ${PUBLIC_SCHEMA} AND c.relname <> 'migrations'
       UNION SELECT a.grantee FROM pg_class c JOIN pg_attribute t ON t.attrelid = c.oid, aclexplode(t.attacl) a
              WHERE c.relnamespace = ${PUBLIC_SCHEMA} AND c.relname <> 'migrations'
       UNION SELECT a.grantee FROM pg_proc p, aclexplode(p.proacl) a WHERE p.pronamespace = ${PUBLIC_SCHEMA}
       UNION SELECT a.grantee FROM pg_namespace n, aclexplode(n.nspacl) a WHERE n.nspname = 'public'
       UNION SELECT unnest(y.polroles) FROM pg_policy y JOIN pg_class c ON c.oid = y.polrelid WHERE c.relnamespace = ${PUBLIC_SCHEMA}
     )
     SELECT format('-- role %I: %s', r.rolname, concat_ws(' ', CASE WHEN r.rolcanlogin THEN 'LOGIN' ELSE 'NOLOGIN' END,
                   CASE WHEN r.rolsuper THEN 'SUPERUSER' END, CASE WHEN r.rolbypassrls THEN 'BYPASSRLS' END)) AS line
       FROM pg_roles r JOIN named ON named.role = r.oid
      WHERE r.rolname <> current_user AND r.rolname <> 'pg_database_owner'
      ORDER BY r.rolname ${BYTEWISE}`,
  );
}

function literal(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}
