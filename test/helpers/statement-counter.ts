import type { DataSource } from 'typeorm';

/**
 * Counts the SQL statements the data source sends while `work` runs (tests run in band, one
 * request at a time, so the count is that request's).
 */
export async function countStatements(
  dataSource: DataSource,
  work: () => Promise<unknown>,
): Promise<{ total: number; statements: string[] }> {
  const statements: string[] = [];
  const logger = dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements.push(query);
    return original(query, parameters, runner);
  };
  try {
    await work();
  } finally {
    logger.logQuery = original;
  }
  return { total: statements.length, statements };
}
