import type { Pool } from 'pg';
import { ukDate } from '../../src/common/clock';
import { ageInYears, page } from './page';

/** The API's default order of children: by stage, then the longest in care first. */
const CHILDREN_ORDER = [
  { property: 'stage', direction: 'ASC' },
  { property: 'enteredCareOn', direction: 'ASC' },
] as const;

type ListBody = { first: number; stage: string; authority: string };
type ChildRow = {
  id: string;
  authority: string;
  stage: string;
  first_name: string;
  last_name: string;
  date_of_birth: string;
  entered_care_on: string;
  adoption_plan_decided_on: string | null;
  placement_order_granted_on: string | null;
  created_at: Date;
};

/** An ADM reads every field of their authority's children: nothing redacted. */
const NONE_REDACTED: string[] = [];
/** A family finder never reads birth-family fields. */
const REDACTED_FOR_FAMILY_FINDER = ['birthFamilyBackground'];

const LIST = `
  SELECT id, authority, stage, first_name, last_name, date_of_birth, entered_care_on, adoption_plan_decided_on,
         placement_order_granted_on, created_at
    FROM children WHERE authority = $1 AND stage = $2
   ORDER BY stage, entered_care_on, id LIMIT $3`;

const COUNT = `SELECT count(*)::int AS n FROM children WHERE authority = $1 AND stage = $2`;

/** The fields every child answer of these operations has. */
function childCore(
  row: Pick<ChildRow, 'id' | 'authority' | 'stage' | 'first_name' | 'last_name' | 'date_of_birth' | 'entered_care_on'>,
  today: string,
) {
  return {
    id: row.id,
    authority: row.authority,
    stage: row.stage,
    firstName: row.first_name,
    lastName: row.last_name,
    dateOfBirth: row.date_of_birth,
    ageInYears: ageInYears(row.date_of_birth, today),
    enteredCareOn: row.entered_care_on,
  };
}

function listNode(row: ChildRow, today: string) {
  return {
    ...childCore(row, today),
    adoptionPlanDecidedOn: row.adoption_plan_decided_on,
    placementOrderGrantedOn: row.placement_order_granted_on,
    redactedFields: NONE_REDACTED,
  };
}

async function listPage(pool: Pool, { first, stage, authority }: ListBody) {
  const today = ukDate(new Date());
  const { rows } = await pool.query<ChildRow>(LIST, [authority, stage, first + 1]);
  return page(
    'children',
    CHILDREN_ORDER,
    rows,
    first,
    (r) => ({ values: [r.stage, r.entered_care_on], id: r.id }),
    (r) => listNode(r, today),
  );
}

/** `children(first, filter: { stage })` of an authority's ADM. */
export async function children(pool: Pool, body: ListBody) {
  return { children: await listPage(pool, body) };
}

/** The same page with its totalCount, both statements at once. */
export async function childrenWithCount(pool: Pool, body: ListBody) {
  const [list, count] = await Promise.all([listPage(pool, body), pool.query<{ n: number }>(COUNT, [body.authority, body.stage])]);
  return { children: { totalCount: count.rows[0]!.n, ...list } };
}

/** One statement: the child if allocated to the finder now, its decisions, and its matches with their households. */
const DETAIL = `
  SELECT c.id, c.authority, c.stage, c.first_name AS "firstName", c.last_name AS "lastName", c.date_of_birth AS "dateOfBirth",
         c.entered_care_on AS "enteredCareOn", c.adoption_plan_decided_on AS "adoptionPlanDecidedOn",
         c.placement_order_granted_on AS "placementOrderGrantedOn", c.matched_on AS "matchedOn", c.placed_on AS "placedOn", c.version,
         (SELECT coalesce(json_agg(json_build_object('id', d.id, 'kind', d.kind, 'outcome', d.outcome, 'decidedOn', d.decided_on,
                                                     'matchId', d.match_id, 'rescindedOn', d.rescinded_on) ORDER BY d.created_at, d.id), '[]')
            FROM child_decisions d WHERE d.child_id = c.id) AS decisions,
         (SELECT coalesce(json_agg(json_build_object('id', m.id, 'status', m.status, 'proposedOn', m.proposed_on, 'approvedOn', m.approved_on,
                   'household', json_build_object('id', h.id, 'reference', h.reference, 'stage', h.stage, 'approvedOn', h.approved_on,
                     'applicantFirstNames', (SELECT json_agg(a.value->>'firstName' ORDER BY a.n)
                                               FROM jsonb_array_elements(h.applicants) WITH ORDINALITY AS a(value, n)),
                     'earlyPermanence', h.early_permanence)) ORDER BY m.created_at, m.id), '[]')
            FROM matches m JOIN households h ON h.id = m.household_id WHERE m.child_id = c.id) AS matches
    FROM children c
   WHERE c.id = $1
     AND EXISTS (SELECT 1 FROM family_finder_allocations a WHERE a.child_id = c.id AND a.family_finder_id = $2 AND a.ended_on IS NULL)`;

/** `child(id)` as a family finder: null when the child is not allocated to them (the API answers NOT_FOUND). */
export async function child(pool: Pool, { id, familyFinderId }: { id: string; familyFinderId: string }) {
  const { rows } = await pool.query(DETAIL, [id, familyFinderId]);
  return rows[0] ? { child: { ...rows[0], redactedFields: REDACTED_FOR_FAMILY_FINDER } } : null;
}

type NewChild = {
  authority: string;
  firstName: string;
  lastName: string;
  dateOfBirth: string;
  enteredCareOn: string;
  nhsNumber?: string | null;
  sex?: string | null;
  ethnicity?: string | null;
  religion?: string | null;
  disability?: string | null;
  healthNeeds?: string | null;
  birthFamilyBackground?: string | null;
};

const INSERT = `
  INSERT INTO children (authority, first_name, last_name, date_of_birth, entered_care_on, nhs_number, sex, ethnicity, religion,
                        disability, health_needs, birth_family_background, created_by)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
  RETURNING id, authority, stage, first_name, last_name, date_of_birth, entered_care_on, nhs_number, sex, ethnicity, version`;

/** `createChild` by a PPM lead: one INSERT (its audit trigger still logs it). */
export async function createChild(pool: Pool, { input, createdBy }: { input: NewChild; createdBy: string }) {
  const { rows } = await pool.query(INSERT, [
    input.authority,
    input.firstName,
    input.lastName,
    input.dateOfBirth,
    input.enteredCareOn,
    input.nhsNumber ?? null,
    input.sex ?? null,
    input.ethnicity ?? null,
    input.religion ?? null,
    input.disability ?? null,
    input.healthNeeds ?? null,
    input.birthFamilyBackground ?? null,
    createdBy,
  ]);
  const row = rows[0]!;
  return {
    createChild: {
      ...childCore(row, ukDate(new Date())),
      nhsNumber: row.nhs_number,
      sex: row.sex,
      ethnicity: row.ethnicity,
      version: row.version,
      redactedFields: NONE_REDACTED,
    },
  };
}
