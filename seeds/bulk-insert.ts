import type { EntityManager, EntityTarget, ObjectLiteral } from 'typeorm';
import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';

const hasDefault = (c: ColumnMetadata) => c.default !== undefined || c.isGenerated || c.isCreateDate || c.isUpdateDate || c.isVersion;

/**
 * Inserts `rows` of `entity` in one statement, the rows travelling as one JSON parameter: a tenth of the time of
 * TypeORM's batched inserts on the embedded database, and one access-log event per table when importing. A column
 * no row sets takes its default; one that some rows leave unset is NULL in them, so it may not have a default.
 */
export async function bulkInsert(manager: EntityManager, entity: EntityTarget<ObjectLiteral>, rows: ObjectLiteral[]): Promise<void> {
  if (rows.length === 0) return;
  const { tableName, columns } = manager.getRepository(entity).metadata;
  const written = columns.filter((c) => rows.some((row) => c.getEntityValue(row) !== undefined));
  const partial = written.filter((c) => hasDefault(c) && rows.some((row) => c.getEntityValue(row) === undefined));
  if (partial.length > 0) {
    throw new Error(`${tableName}: ${partial.map((c) => c.databaseName).join(', ')} set in some rows only, and they have defaults`);
  }
  const driver = manager.connection.driver;
  // JSON columns go as they are: the driver would write them as JSON text, which the recordset reads as a string.
  const persisted = (c: ColumnMetadata, value: unknown) =>
    c.type === 'json' || c.type === 'jsonb' ? value : driver.preparePersistentValue(value, c);
  const records = rows.map((row) => Object.fromEntries(written.map((c) => [c.databaseName, persisted(c, c.getEntityValue(row))])));
  const names = written.map((c) => `"${c.databaseName}"`).join(', ');
  await manager.query(`INSERT INTO ${tableName} (${names}) SELECT ${names} FROM json_populate_recordset(NULL::${tableName}, $1)`, [
    JSON.stringify(records),
  ]);
}
