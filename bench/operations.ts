import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { demoStaff } from '../seeds/demo-staff';
import { manifestOf } from '../src/graphql/trusted-documents';

/** Anything that runs SQL: a pg Pool or Client. */
export type Queryable = { query<R extends object>(sql: string, params?: unknown[]): Promise<{ rows: R[] }> };

/** One benchmark operation: the GraphQL request, who sends it, and the ideal server's route for the same answer. */
export type BenchOperation = {
  name: string;
  /** The demo member of staff whose token the request carries (`npm run --silent token -- USERNAME`). */
  username: string;
  query: string;
  variables: Record<string, unknown>;
  /** The ideal server's route and body: the variables, plus the caller's scope the API takes from the token. */
  ideal: { path: string; body: Record<string, unknown> };
  /** The peer's request for the same records (bench/peer), where PostGraphile can express the operation. */
  peer?: PeerRequest;
};

/** A GraphQL request to the peer, and the records of its answer, to hold beside the API's (`recordsOf`). */
export type PeerRequest = { query: string; variables: Record<string, unknown>; records: (data: never) => string[] };

/** A stage with many children at every scale (about a third of the children the generator writes). */
const LISTED_STAGE = 'SHOULD_BE_PLACED';
const PAGE = 50;
const FAMILY_FINDER = 'finder.1';

/**
 * The child of the detail operation: the family finder's oldest live allocation, preferring a child with
 * a match (so that matches and their households load). Deterministic for generated data.
 */
export const ALLOCATED_CHILD_SQL = `
  SELECT a.child_id AS id
    FROM family_finder_allocations a JOIN children c ON c.id = a.child_id
   WHERE a.family_finder_id = $1 AND a.ended_on IS NULL
   ORDER BY EXISTS (SELECT 1 FROM matches m WHERE m.child_id = a.child_id) DESC, c.created_at, c.id
   LIMIT 1`;

const CHILDREN = `
  query Children($first: Int!, $stage: ChildStage!) {
    children(first: $first, filter: { stage: $stage }) {
      edges { cursor node { id authority stage firstName lastName dateOfBirth ageInYears enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn redactedFields } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const CHILDREN_WITH_COUNT = `
  query ChildrenWithCount($first: Int!, $stage: ChildStage!) {
    children(first: $first, filter: { stage: $stage }) {
      totalCount
      edges { cursor node { id authority stage firstName lastName dateOfBirth ageInYears enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn redactedFields } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const CHILD = `
  query Child($id: ID!) {
    child(id: $id) {
      id authority stage firstName lastName dateOfBirth enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn matchedOn placedOn
      version redactedFields
      decisions { id kind outcome decidedOn matchId rescindedOn }
      matches { id status proposedOn approvedOn household { id reference stage approvedOn applicantFirstNames earlyPermanence } }
    }
  }`;

const HOUSEHOLDS = `
  query Households($first: Int!) {
    households(first: $first) {
      edges { cursor node { id reference stage stageEnteredOn homeAuthority applicantFirstNames earlyPermanence fastTrack approvedOn redactedFields } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const BOARD = `
  query Board($from: Month!, $to: Month!) {
    boardPerformance(from: $from, to: $to) {
      from to
      byAuthority { month authority adoptionPlanDecisions placementOrders matches supportRequests earlyPermanencePlacements disruptions }
      partnership { month adopterApprovals householdsWithdrawn }
      childrenWaiting { authority children suppressed averageDaysWaiting averageWithheld }
      timeliness { authority childrenAdopted a2AverageDays a2Withheld a2ThresholdDays a2WithinThreshold a10AverageDays a10Withheld a10ThresholdDays a10WithinThreshold }
      byAge: childrenWaitingBy(characteristic: AGE_BAND) { authority category count suppressed }
      byEthnicity: childrenWaitingBy(characteristic: ETHNICITY) { authority category count suppressed }
      byDisability: childrenWaitingBy(characteristic: DISABILITY) { authority category count suppressed }
    }
  }`;

const AUDIT_EVENTS = `
  query AuditEvents($first: Int!) {
    auditEvents(first: $first) {
      edges { cursor node { id at staffId role action outcome subjectType subjectId subjectIds fields reason changes requestId chain seq hash } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const CREATE_CHILD = `
  mutation CreateChild($input: CreateChildInput!) {
    createChild(input: $input) {
      id authority stage firstName lastName dateOfBirth ageInYears enteredCareOn nhsNumber sex ethnicity version redactedFields
    }
  }`;

/**
 * The peer's operations: the same records in the same order, named as PostGraphile names them. Row-Level Security
 * alone scopes them, so the list names no authority; the order is the API's (the stage is fixed by the filter).
 */
const PEER_CHILDREN = (withCount: boolean) => `
  query PeerChildren($first: Int!, $stage: ChildStage!) {
    allChildren(first: $first, condition: { stage: $stage }, orderBy: [ENTERED_CARE_ON_ASC, ROW_ID_ASC]) {
      ${withCount ? 'totalCount' : ''}
      edges { cursor node { rowId authority stage firstName lastName dateOfBirth enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const PEER_CHILD = `
  query PeerChild($id: UUID!) {
    childByRowId(rowId: $id) {
      rowId authority stage firstName lastName dateOfBirth enteredCareOn adoptionPlanDecidedOn placementOrderGrantedOn matchedOn placedOn version
      childDecisionsByChildId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) { nodes { rowId kind outcome decidedOn matchId rescindedOn } }
      matchesByChildId(orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
        nodes { rowId status proposedOn approvedOn householdByHouseholdId { rowId reference stage approvedOn applicants earlyPermanence } }
      }
    }
  }`;

const PEER_HOUSEHOLDS = `
  query PeerHouseholds($first: Int!) {
    allHouseholds(first: $first, orderBy: [CREATED_AT_ASC, ROW_ID_ASC]) {
      edges { cursor node { rowId reference stage stageEnteredOn homeAuthority applicants earlyPermanence fastTrack approvedOn } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

type Edges<T> = { edges: { node: T }[] };
type PeerChild = {
  rowId: string;
  childDecisionsByChildId: { nodes: { rowId: string }[] };
  matchesByChildId: { nodes: { rowId: string; householdByHouseholdId: { rowId: string } }[] };
};
type ApiChild = { id: string; decisions: { id: string }[]; matches: { id: string; household: { id: string } }[] };

/** A child's records: itself, its decisions, its matches and their households, in order. */
const childRecords = (child: ApiChild | null) =>
  child ? [child.id, ...child.decisions.map((d) => d.id), ...child.matches.flatMap((m) => [m.id, m.household.id])] : [];
const peerChildRecords = (child: PeerChild | null) =>
  child
    ? [
        child.rowId,
        ...child.childDecisionsByChildId.nodes.map((d) => d.rowId),
        ...child.matchesByChildId.nodes.flatMap((m) => [m.rowId, m.householdByHouseholdId.rowId]),
      ]
    : [];

/**
 * The records of an API answer, to hold beside the peer's: the ids of a page's nodes (its totalCount too), or of
 * a child and what hangs from it.
 */
export function recordsOf(operation: BenchOperation, data: Record<string, unknown>): string[] {
  switch (operation.name) {
    case 'children':
    case 'children+totalCount': {
      const { edges, totalCount } = data.children as Edges<{ id: string }> & { totalCount?: number };
      return [...(totalCount === undefined ? [] : [`totalCount ${totalCount}`]), ...edges.map((e) => e.node.id)];
    }
    case 'child':
      return childRecords(data.child as ApiChild | null);
    case 'households':
      return (data.households as Edges<{ id: string }>).edges.map((e) => e.node.id);
    default:
      throw new Error(`${operation.name} has no peer to compare with`);
  }
}

const peerPageRecords = (connection: Edges<{ rowId: string }> & { totalCount?: number }) => [
  ...(connection.totalCount === undefined ? [] : [`totalCount ${connection.totalCount}`]),
  ...connection.edges.map((e) => e.node.rowId),
];

/** The twelve months up to the generated data's last day (bench/data/timeline.ts AS_OF). */
const BOARD_PERIOD = { from: '2025-04', to: '2026-03' };

/**
 * The benchmark's operations as a front end's manifest (TRUSTED_DOCUMENTS), which the API requires in production:
 * the servers under test check every request against it, as in production. Returns the file's path.
 */
/** The database `npm run bench:data` generated, which the benchmark's commands measure. */
export function benchDatabaseUrl(): string {
  const url = process.env.BENCH_DATABASE_URL;
  if (!url) throw new Error('BENCH_DATABASE_URL is not set: generate the data with `npm run bench:data -- --children 100000`');
  return url;
}

export function benchManifestFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'apse-bench-')), 'persisted-documents.json');
  writeFileSync(file, JSON.stringify(manifestOf([CHILDREN, CHILDREN_WITH_COUNT, CHILD, HOUSEHOLDS, BOARD, AUDIT_EVENTS, CREATE_CHILD])));
  return file;
}

/** A valid new Kent child: born and in care before the data's last day, with a check-digit-valid NHS number. */
const NEW_CHILD = {
  authority: 'KENT',
  firstName: 'Ada',
  lastName: 'Bench',
  dateOfBirth: '2025-03-14',
  enteredCareOn: '2026-01-05',
  nhsNumber: '9990001235',
  sex: 'female',
  ethnicity: 'White British',
};

/**
 * Removes the children earlier runs' createChild wrote (API and ideal alike), so that every run measures
 * the generated data. The benchmark's login is a superuser: Row-Level Security does not hide them from it.
 * Their access-log events stay, as the log is append-only. Returns how many were removed.
 */
export async function removeCreatedChildren(db: Queryable): Promise<number> {
  const { rows } = await db.query<{ n: number }>(
    `WITH removed AS (DELETE FROM children WHERE last_name = $1 AND nhs_number = $2 RETURNING 1) SELECT count(*)::int AS n FROM removed`,
    [NEW_CHILD.lastName, NEW_CHILD.nhsNumber],
  );
  return rows[0]!.n;
}

/** The operations, with the child of the detail operation looked up in `db` (the database under test). */
export async function benchOperations(db: Queryable): Promise<BenchOperation[]> {
  const finder = demoStaff(FAMILY_FINDER);
  const { rows } = await db.query<{ id: string }>(ALLOCATED_CHILD_SQL, [finder.id]);
  if (!rows[0]) throw new Error(`${FAMILY_FINDER} has no live allocation: generate the benchmark data first (bench/data/generate.cli.ts)`);
  const childId = rows[0].id;
  const listed = { first: PAGE, stage: LISTED_STAGE };
  return [
    {
      name: 'children',
      username: 'adm.kent',
      query: CHILDREN,
      variables: listed,
      ideal: { path: '/children', body: { ...listed, authority: 'KENT' } },
      peer: {
        query: PEER_CHILDREN(false),
        variables: listed,
        records: (data: { allChildren: never }) => peerPageRecords(data.allChildren),
      },
    },
    {
      name: 'children+totalCount',
      username: 'adm.kent',
      query: CHILDREN_WITH_COUNT,
      variables: listed,
      ideal: { path: '/children-count', body: { ...listed, authority: 'KENT' } },
      peer: { query: PEER_CHILDREN(true), variables: listed, records: (data: { allChildren: never }) => peerPageRecords(data.allChildren) },
    },
    {
      name: 'child',
      username: FAMILY_FINDER,
      query: CHILD,
      variables: { id: childId },
      ideal: { path: '/child', body: { id: childId, familyFinderId: finder.id } },
      peer: {
        query: PEER_CHILD,
        variables: { id: childId },
        records: (data: { childByRowId: PeerChild | null }) => peerChildRecords(data.childByRowId),
      },
    },
    {
      name: 'households',
      username: FAMILY_FINDER,
      query: HOUSEHOLDS,
      variables: { first: PAGE },
      ideal: { path: '/households', body: { first: PAGE } },
      peer: {
        query: PEER_HOUSEHOLDS,
        variables: { first: PAGE },
        records: (data: { allHouseholds: never }) => peerPageRecords(data.allHouseholds),
      },
    },
    {
      name: 'boardPerformance',
      username: 'board.kent',
      query: BOARD,
      variables: BOARD_PERIOD,
      ideal: { path: '/board', body: BOARD_PERIOD },
    },
    {
      name: 'auditEvents',
      username: 'auditor.1',
      query: AUDIT_EVENTS,
      variables: { first: PAGE },
      ideal: { path: '/audit-events', body: { first: PAGE } },
    },
    {
      name: 'createChild',
      username: 'ppm.kent',
      query: CREATE_CHILD,
      variables: { input: NEW_CHILD },
      ideal: { path: '/create-child', body: { input: NEW_CHILD, createdBy: demoStaff('ppm.kent').id } },
    },
  ];
}
