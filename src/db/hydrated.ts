import type { ColumnMetadata } from 'typeorm/metadata/ColumnMetadata';
import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * The entities of a query that selects one entity and joins nothing, hydrated column by column.
 * TypeORM's getMany() runs its general transformer (relations, embeds, per-column driver conversion)
 * over every column of every row: about a tenth of the API's time on a page of 50 children. Here values
 * are kept as the driver parsed them (dates stay text: src/db/pg-types.ts); only the columns the driver
 * cannot parse alone (enum arrays, which arrive as text, and columns with a transformer) go through
 * TypeORM's own conversion.
 */
export async function hydrated<E extends ObjectLiteral>(query: SelectQueryBuilder<E>): Promise<E[]> {
  return (await hydratedRows(query)).map((row) => row.entity);
}

/** `hydrated`, each entity with the raw row it came from (which holds whatever else the query selected). */
export async function hydratedRows<E extends ObjectLiteral>(
  query: SelectQueryBuilder<E>,
): Promise<{ entity: E; raw: Record<string, unknown> }[]> {
  if (query.expressionMap.joinAttributes.length > 0) throw new Error('hydrated() reads one entity: the query joins another');
  const { metadata, name: alias } = query.expressionMap.mainAlias!;
  const driver = query.connection.driver;
  const columns = metadata.columns.map((column) => ({
    property: column.propertyName,
    key: `${alias}_${column.databaseName}`,
    convert: needsConversion(column) ? column : null,
  }));
  const rows = await query.getRawMany<Record<string, unknown>>();
  return rows.map((row) => {
    const entity = metadata.create() as Record<string, unknown>;
    for (const { property, key, convert } of columns)
      entity[property] = convert ? driver.prepareHydratedValue(row[key], convert) : row[key];
    return { entity: entity as E, raw: row };
  });
}

function needsConversion(column: ColumnMetadata): boolean {
  return column.transformer !== undefined || (column.isArray && column.type === 'enum');
}
