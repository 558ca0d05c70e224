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
};

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

/** The twelve months up to the generated data's last day (bench/data/timeline.ts AS_OF). */
const BOARD_PERIOD = { from: '2025-04', to: '2026-03' };

/**
 * The benchmark's operations as a front end's manifest (TRUSTED_DOCUMENTS), which the API requires in production:
 * the servers under test check every request against it, as in production. Returns the file's path.
 */
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
    },
    {
      name: 'children+totalCount',
      username: 'adm.kent',
      query: CHILDREN_WITH_COUNT,
      variables: listed,
      ideal: { path: '/children-count', body: { ...listed, authority: 'KENT' } },
    },
    {
      name: 'child',
      username: FAMILY_FINDER,
      query: CHILD,
      variables: { id: childId },
      ideal: { path: '/child', body: { id: childId, familyFinderId: finder.id } },
    },
    {
      name: 'households',
      username: FAMILY_FINDER,
      query: HOUSEHOLDS,
      variables: { first: PAGE },
      ideal: { path: '/households', body: { first: PAGE } },
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
