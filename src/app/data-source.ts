import '../db/pg-types';
import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../migrations';
import type { Logger } from '../common/logger';
import { ENTITIES } from './entities';
import { StatementCountingLogger } from '../db/statement-counter';

export type DataSourceOptions = { url: string; poolMax: number; log: Logger };

/** Schema changes come only from migrations/: never `synchronize`. */
export function createDataSource({ url, poolMax, log }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: 'migrations',
    synchronize: false,
    migrationsRun: false,
    installExtensions: false,
    maxQueryExecutionTime: 1000,
    logger: new StatementCountingLogger(log),
    extra: { max: poolMax, application_name: 'apse-api', connectionTimeoutMillis: 10000 },
  });
}
