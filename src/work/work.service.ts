import type { SelectQueryBuilder, ObjectLiteral } from 'typeorm';
import { accessibleQuery } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { workingDaysBetween } from '../common/working-days';
import { checkedPageSize, DEFAULT_PAGE_SIZE, type ConnectionArgs, type Page } from '../graphql/connection';
import { badUserInput } from '../graphql/errors';
import { WORK_KIND_QUERIES, type WorkKind, type WorkKindQuery } from './work-kinds';
import type { WorkItem, WorkKindCount } from './work.types';

type WorkRow = { kind: WorkKind; record_type: string; record_id: string; since: string };
type Place = { since: string; kind: string; recordId: string };

export type WorkPage = Page<WorkItem> & { countByKind: () => Promise<WorkKindCount[]> };

const LIST = 'work';

const encodeCursor = ({ since, kind, recordId }: Place) => Buffer.from(JSON.stringify([LIST, since, kind, recordId])).toString('base64url');

function decodeCursor(cursor: string): Place {
  try {
    const [list, since, kind, recordId] = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const well = [since, kind, recordId].every((part) => typeof part === 'string');
    if (list === LIST && well && /^\d{4}-\d{2}-\d{2}$/.test(since) && /^[0-9a-f-]{1,36}$/.test(recordId)) return { since, kind, recordId };
  } catch {
    // fall through: any undecodable cursor is the caller's mistake
  }
  throw badUserInput('after', 'is not a cursor of this list');
}

/**
 * What awaits the caller: for each kind of work (work-kinds.ts), the records the policy lets them read and take
 * the awaited step on, as the policy's own SQL; one statement pages through them all, oldest first.
 */
export class WorkService {
  constructor(private readonly ctx: ServiceContext) {}

  async myWork(args: ConnectionArgs): Promise<WorkPage> {
    const first = checkedPageSize(args.first ?? DEFAULT_PAGE_SIZE, 'first');
    const after = args.after ? decodeCursor(args.after) : null;
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
    const none = async () => false;
    if (!work) {
      return { edges: [], pageInfo: { startCursor: null, endCursor: null, nextPage: none, previousPage: none }, countTotal, countByKind };
    }
    const from = after ? 'WHERE (since, kind, record_id::text) > (:afterSince, :afterKind, :afterId)' : '';
    const rows = await this.run<WorkRow>(`SELECT * FROM (${work.sql}) work ${from} ORDER BY since, kind, record_id LIMIT :limit`, {
      ...work.params,
      afterSince: after?.since,
      afterKind: after?.kind,
      afterId: after?.recordId,
      limit: first + 1,
    });
    const edges = rows.slice(0, first).map((row) => ({
      cursor: encodeCursor({ since: row.since, kind: row.kind, recordId: row.record_id }),
      node: {
        kind: row.kind,
        recordType: row.record_type,
        recordId: row.record_id,
        waitingSince: row.since,
        workingDaysWaiting: workingDaysBetween(row.since, this.ctx.today),
      },
    }));
    // Work before the cursor may have been done since: whether any is left is asked, when a client selects it.
    const previousPage = async () =>
      after !== null &&
      (
        await this.run<{ before: boolean }>(
          `SELECT EXISTS (SELECT 1 FROM (${work.sql}) work WHERE (since, kind, record_id::text) <= (:afterSince, :afterKind, :afterId)) AS before`,
          { ...work.params, afterSince: after.since, afterKind: after.kind, afterId: after.recordId },
        )
      )[0]!.before;
    const pageInfo = {
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
      nextPage: async () => rows.length > first,
      previousPage,
    };
    return { edges, pageInfo, countTotal, countByKind };
  }

  /** The union of every kind of work the caller's roles may have, each kind within the policy; null when none. */
  private workInReach(): { sql: string; params: ObjectLiteral } | null {
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
