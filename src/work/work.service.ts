import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { accessibleQuery } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { workingDaysBetween } from '../common/working-days';
import { keysetPage, type ConnectionArgs, type KeysetSource, type Page } from '../graphql/connection';
import type { SqlCondition, SqlKey } from '../graphql/keyset';
import { WORK_KIND_QUERIES, type WorkKind, type WorkKindQuery } from './work-kinds';
import type { WorkItem, WorkKindCount } from './work.types';

type WorkRow = { kind: WorkKind; record_type: string; record_id: string; since: string };

export type WorkPage = Page<WorkItem> & { countByKind: () => Promise<WorkKindCount[]> };

/** The work's order: longest waiting first, then by kind and record: every item has one place. */
const KEYS: SqlKey[] = [
  { sql: 'work.since', nullable: false, direction: 'ASC' },
  { sql: 'work.kind', nullable: false, direction: 'ASC' },
  { sql: 'work.record_id::text', nullable: false, direction: 'ASC' },
];

/** The list of a caller with no kind of work: no item, and nothing to ask the database. */
const noWork = (count: () => Promise<number>): KeysetSource<WorkRow> => ({
  list: 'work',
  order: 'since ASC,kind ASC',
  keys: KEYS,
  read: async () => [],
  exists: async () => false,
  count,
});

/**
 * What awaits the caller: for each kind of work (work-kinds.ts), the records the policy lets them read and take
 * the awaited step on, as the policy's own SQL; one statement pages through them all, oldest first, by keyset in
 * either direction as every connection does.
 */
export class WorkService {
  constructor(private readonly ctx: ServiceContext) {}

  async myWork(args: ConnectionArgs): Promise<WorkPage> {
    const work = this.workInReach();
    const countByKind = async () => {
      const rows = work
        ? await this.run<{ kind: WorkKind; count: number }>(
            `SELECT kind, count(*)::int AS count FROM (${work.sql}) work GROUP BY kind ORDER BY kind`,
            work.params,
          )
        : [];
      return rows.map(({ kind, count }) => ({ kind, count: Number(count) }));
    };
    const countTotal = async () => (await countByKind()).reduce((total, { count }) => total + count, 0);
    const page = await keysetPage(work ? this.source(work, countTotal) : noWork(countTotal), args, (row) => ({
      kind: row.kind,
      recordType: row.record_type,
      recordId: row.record_id,
      waitingSince: row.since,
      workingDaysWaiting: workingDaysBetween(row.since, this.ctx.today),
    }));
    return { ...page, countByKind };
  }

  /** The caller's work as a keyset source: the union of its kinds, read as one table. */
  private source(work: SqlCondition, count: () => Promise<number>): KeysetSource<WorkRow> {
    const from = (conditions: SqlCondition[]) => ({
      sql: `FROM (${work.sql}) work WHERE ${conditions.map((c) => `(${c.sql})`).join(' AND ') || 'TRUE'}`,
      params: Object.assign({}, work.params, ...conditions.map((c) => c.params)),
    });
    return {
      ...noWork(count),
      read: async (conditions, reading, limit) => {
        const { sql, params } = from(conditions);
        const by = reading.map((key) => `${key.sql} ${key.direction}`).join(', ');
        const rows = await this.run<WorkRow>(`SELECT * ${sql} ORDER BY ${by} LIMIT :limit`, { ...params, limit });
        return rows.map((row) => ({ row, values: [row.since, row.kind], id: row.record_id }));
      },
      exists: async (condition) => {
        const { sql, params } = from([condition]);
        return (await this.run<{ found: boolean }>(`SELECT EXISTS (SELECT 1 ${sql}) AS found`, params))[0]!.found;
      },
    };
  }

  /** The union of every kind of work the caller's roles may have, each kind within the policy; null when none. */
  private workInReach(): SqlCondition | null {
    const { ability } = this.ctx;
    const kinds = WORK_KIND_QUERIES.filter(({ gate, action, subjectType }) => {
      const [gateAction, gateSubject] = gate ?? [action, subjectType];
      return ability.can('read', subjectType) && ability.can(gateAction, gateSubject);
    });
    if (kinds.length === 0) return null;
    const queries = kinds.map((kind) => this.kindQuery(kind));
    return {
      sql: queries.map((query) => `(${query.getQuery()})`).join(' UNION ALL '),
      params: Object.assign({ today: this.ctx.today }, ...queries.map((query) => query.getParameters())),
    };
  }

  /** The records of one kind the caller may read and take its step on, and the day each became due. */
  private kindQuery({ kind, subjectType, entity, alias, action, awaiting, since }: WorkKindQuery): SelectQueryBuilder<ObjectLiteral> {
    const { manager } = this.ctx.db;
    const query = accessibleQuery(manager, this.ctx.ability, 'read', subjectType, entity, alias);
    if (action !== 'read') {
      const mayAct = accessibleQuery(manager, this.ctx.ability, action, subjectType, entity, `${alias}_may`).select(`${alias}_may.id`);
      query.andWhere(`${alias}.id IN (${mayAct.getQuery()})`, mayAct.getParameters());
    }
    return query
      .andWhere(awaiting)
      .select(`'${kind}'::text`, 'kind')
      .addSelect(`'${subjectType}'::text`, 'record_type')
      .addSelect(`${alias}.id`, 'record_id')
      .addSelect(`coalesce(${since}, :today)::text`, 'since');
  }

  private run<R>(sql: string, params: ObjectLiteral): Promise<R[]> {
    const { manager } = this.ctx.db;
    const [statement, values] = manager.connection.driver.escapeQueryWithParameters(sql, params);
    return manager.query(statement, values);
  }
}
