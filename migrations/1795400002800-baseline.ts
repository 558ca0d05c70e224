import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The last of the migrations this one replaces: a database that ran them has this schema already. */
const REPLACED = { count: 28, last: 'BoardDisclosureControl1795400002700' };

/**
 * Roles are cluster-wide: created here when missing (where the migration login may), otherwise by the
 * database administrator beforehand (README, "Production database"). Every request runs as `apse_app`, a
 * NOLOGIN role that owns nothing; `apse_reporting` owns the functions that read every authority's rows.
 */
const ROLES = [
  `DO $$ BEGIN
     IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'apse_app') THEN CREATE ROLE apse_app NOLOGIN; END IF;
     IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'apse_reporting') THEN CREATE ROLE apse_reporting NOLOGIN; END IF;
   END $$`,
  `GRANT USAGE ON SCHEMA public TO apse_app, apse_reporting`,
];

const TYPES = [
  `CREATE TYPE authority AS ENUM ('BEXLEY', 'KENT', 'MEDWAY')`,
  `CREATE TYPE staff_role AS ENUM ('ADM', 'PPM_LEAD', 'FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER', 'AUDITOR')`,
  `CREATE TYPE panel_role AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'ADVISER')`,
  `CREATE TYPE child_stage AS ENUM (
     'CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'EARLY_PERMANENCE', 'AUTHORITY_TO_PLACE', 'LINKED',
     'MATCH_RECOMMENDED', 'MATCHED', 'PLACED', 'ADOPTED', 'PLAN_CHANGED', 'DISRUPTED'
   )`,
  `CREATE TYPE household_stage AS ENUM (
     'ENQUIRY', 'INFORMATION_EVENT', 'INITIAL_VISIT', 'REGISTRATION', 'STAGE_1', 'STAGE_2', 'PANEL',
     'APPROVED', 'MATCHED', 'PLACED', 'WITHDRAWN', 'NOT_APPROVED', 'TERMINATED'
   )`,
  `CREATE TYPE household_decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED', 'TERMINATED')`,
  `CREATE TYPE match_status AS ENUM ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'DECLINED', 'PLACED', 'ADOPTED', 'DISRUPTED', 'WITHDRAWN')`,
  `CREATE TYPE child_decision_kind AS ENUM ('ADOPTION_PLAN', 'MATCH')`,
  `CREATE TYPE decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED')`,
  `CREATE TYPE authority_to_place AS ENUM ('PLACEMENT_ORDER', 'CONSENT')`,
  `CREATE TYPE placement_kind AS ENUM ('EARLY_PERMANENCE', 'ADOPTIVE')`,
  `CREATE TYPE agenda_item_kind AS ENUM ('ADOPTER_APPROVAL', 'MATCH', 'APPROVAL_REVIEW', 'TERMINATION', 'EARLY_PERMANENCE_DUAL_APPROVAL')`,
  `CREATE TYPE panel_recommendation AS ENUM ('POSITIVE', 'NEGATIVE', 'DEFERRED')`,
  `CREATE TYPE support_outcome AS ENUM ('RESOLVED', 'SIGNPOSTED', 'ASSESSMENT')`,
  `CREATE TYPE support_assessment_outcome AS ENUM ('SUPPORT_PLAN', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION')`,
  `CREATE TYPE underspend_treatment AS ENUM ('ROLLED_FORWARD', 'RETURNED')`,
];

/**
 * Columns in the order the replaced migrations left them (a row's shape: `audit_append` builds audit_events
 * rows by position). The child's journey records carry the child's authority (the tenant); an agenda item
 * copies its meeting's panel and dates so that the policy can state "this panel, while the papers are open"
 * on the item's own columns.
 */
const TABLES = [
  `CREATE TABLE staff (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     username text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'),
     display_name text NOT NULL CHECK (length(display_name) BETWEEN 1 AND 200),
     active boolean NOT NULL DEFAULT true,
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE panels (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     name text NOT NULL UNIQUE CHECK (length(name) BETWEEN 1 AND 100),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  // One role for one authority, or partnership-wide (authority null); an authority's auditor names it.
  `CREATE TABLE role_assignments (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     staff_id uuid NOT NULL REFERENCES staff (id),
     role staff_role NOT NULL,
     authority authority,
     panel_id uuid CONSTRAINT role_assignments_panel_fk REFERENCES panels (id),
     panel_role panel_role,
     CONSTRAINT ppm_lead_has_authority CHECK (role <> 'PPM_LEAD' OR authority IS NOT NULL),
     CONSTRAINT partnership_roles_have_no_authority
       CHECK (role NOT IN ('FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER') OR authority IS NULL),
     CONSTRAINT panel_members_name_their_panel
       CHECK ((role = 'PANEL_MEMBER') = (panel_id IS NOT NULL AND panel_role IS NOT NULL)),
     CONSTRAINT one_assignment_per_scope UNIQUE NULLS NOT DISTINCT (staff_id, role, authority, panel_id)
   )`,
  `CREATE TABLE panel_meetings (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     panel_id uuid NOT NULL REFERENCES panels (id),
     meeting_on date NOT NULL,
     papers_released_on date NOT NULL,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT papers_before_meeting CHECK (papers_released_on <= meeting_on),
     CONSTRAINT one_meeting_a_day UNIQUE (panel_id, meeting_on)
   )`,
  `CREATE TABLE children (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     authority authority NOT NULL,
     stage child_stage NOT NULL DEFAULT 'CONSIDERING_ADOPTION',
     first_name text NOT NULL CHECK (length(first_name) BETWEEN 1 AND 100),
     last_name text NOT NULL CHECK (length(last_name) BETWEEN 1 AND 100),
     date_of_birth date NOT NULL,
     nhs_number text CHECK (nhs_number ~ '^[0-9]{10}$'),
     sex text,
     ethnicity text,
     religion text,
     disability text,
     health_needs text,
     birth_family_background text,
     entered_care_on date NOT NULL CHECK (entered_care_on >= date_of_birth),
     adoption_plan_decided_on date,
     placement_order_granted_on date,
     early_permanence_placed_on date,
     matched_on date,
     placed_on date,
     adoption_order_granted_on date,
     plan_changed_on date,
     created_by uuid NOT NULL REFERENCES staff (id),
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     updated_at timestamptz(3) NOT NULL DEFAULT now(),
     plan_change_reason text,
     disrupted_on date
   )`,
  // Recruited and approved partnership-wide: the home authority is information, not a tenant. `proposed_for`:
  // the authorities with an open match with the household, whose ADM and PPM lead read it.
  `CREATE TABLE households (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     reference text NOT NULL UNIQUE,
     stage household_stage NOT NULL,
     stage_entered_on date NOT NULL,
     home_authority authority,
     applicants jsonb NOT NULL CHECK (jsonb_typeof(applicants) = 'array' AND jsonb_array_length(applicants) BETWEEN 1 AND 2),
     address text,
     ethnicity text,
     religion text,
     health_notes text,
     dbs_outcome text,
     min_child_age integer NOT NULL DEFAULT 0 CHECK (min_child_age BETWEEN 0 AND 17),
     max_child_age integer NOT NULL DEFAULT 17 CHECK (max_child_age BETWEEN 0 AND 17),
     max_siblings integer NOT NULL DEFAULT 1 CHECK (max_siblings BETWEEN 1 AND 6),
     needs_they_can_meet text[] NOT NULL DEFAULT '{}',
     early_permanence boolean NOT NULL DEFAULT false,
     fast_track boolean NOT NULL DEFAULT false,
     enquiry_on date NOT NULL,
     approved_on date,
     created_by uuid NOT NULL REFERENCES staff (id),
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     updated_at timestamptz(3) NOT NULL DEFAULT now(),
     proposed_for authority[] NOT NULL DEFAULT '{}',
     CONSTRAINT age_range CHECK (min_child_age <= max_child_age)
   )`,
  `CREATE TABLE household_stage_events (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     household_id uuid NOT NULL REFERENCES households (id),
     stage household_stage NOT NULL,
     entered_on date NOT NULL,
     reason text,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE household_decisions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     household_id uuid NOT NULL REFERENCES households (id),
     outcome household_decision_outcome NOT NULL,
     decided_on date NOT NULL,
     rationale text NOT NULL,
     decided_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE family_finder_allocations (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     family_finder_id uuid NOT NULL REFERENCES staff (id),
     allocated_on date NOT NULL,
     ended_on date,
     allocated_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE matches (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     household_id uuid NOT NULL REFERENCES households (id),
     status match_status NOT NULL DEFAULT 'PROPOSED',
     proposed_on date NOT NULL,
     proposed_by uuid NOT NULL REFERENCES staff (id),
     approved_on date,
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     updated_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE child_decisions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     kind child_decision_kind NOT NULL,
     outcome decision_outcome NOT NULL DEFAULT 'APPROVED',
     match_id uuid REFERENCES matches (id),
     decided_on date NOT NULL,
     rationale text NOT NULL,
     decided_by uuid NOT NULL REFERENCES staff (id),
     rescinded_on date,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT match_decisions_name_the_match CHECK ((kind = 'MATCH') = (match_id IS NOT NULL))
   )`,
  `CREATE TABLE placement_orders (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     basis authority_to_place NOT NULL DEFAULT 'PLACEMENT_ORDER',
     granted_on date NOT NULL,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  // Fostering for adoption records the day its carers were temporarily approved as the child's foster carers.
  `CREATE TABLE placements (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     household_id uuid NOT NULL REFERENCES households (id),
     match_id uuid REFERENCES matches (id),
     kind placement_kind NOT NULL,
     placed_on date NOT NULL,
     moved_in_on date NOT NULL,
     converted_on date,
     ended_on date,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     temporary_foster_carer_approval_on date,
     CONSTRAINT moved_in_by_placement CHECK (moved_in_on <= placed_on),
     CONSTRAINT ends_after_start CHECK (ended_on IS NULL OR ended_on >= placed_on),
     CONSTRAINT placements_temporary_approval_before_placement CHECK (temporary_foster_carer_approval_on <= placed_on)
   )`,
  `CREATE TABLE disruptions (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     child_id uuid NOT NULL REFERENCES children (id),
     authority authority NOT NULL,
     placement_id uuid NOT NULL UNIQUE REFERENCES placements (id),
     disrupted_on date NOT NULL,
     meeting_on date NOT NULL,
     reason text NOT NULL,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT meeting_after_disruption CHECK (meeting_on >= disrupted_on)
   )`,
  `CREATE TABLE agenda_items (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     meeting_id uuid NOT NULL REFERENCES panel_meetings (id),
     panel_id uuid NOT NULL REFERENCES panels (id),
     meeting_on date NOT NULL,
     papers_released_on date NOT NULL,
     window_closes_on date NOT NULL GENERATED ALWAYS AS (meeting_on + 7) STORED,
     kind agenda_item_kind NOT NULL,
     household_id uuid NOT NULL REFERENCES households (id),
     match_id uuid REFERENCES matches (id),
     child_id uuid REFERENCES children (id),
     child_authority authority,
     recommendation panel_recommendation,
     reasons text,
     recommended_by uuid REFERENCES staff (id),
     scheduled_by uuid NOT NULL REFERENCES staff (id),
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     updated_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT match_items_name_the_match CHECK ((kind = 'MATCH') = (match_id IS NOT NULL)),
     CONSTRAINT match_items_name_the_child CHECK ((match_id IS NULL) = (child_id IS NULL AND child_authority IS NULL)),
     CONSTRAINT recommendation_has_reasons CHECK (recommendation IS NULL OR (reasons IS NOT NULL AND recommended_by IS NOT NULL))
   )`,
  `CREATE TABLE report_quality_feedback (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     panel_id uuid NOT NULL REFERENCES panels (id),
     period text NOT NULL CHECK (period ~ '^[0-9]{4}-H[12]$'),
     rating smallint NOT NULL CHECK (rating BETWEEN 1 AND 4),
     strengths text NOT NULL,
     improvements text NOT NULL,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT one_feedback_per_period UNIQUE (panel_id, period)
   )`,
  // Adoption support: tenant-owned by the authority the family lives in.
  `CREATE TABLE support_requests (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     authority authority NOT NULL,
     family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 200),
     summary text NOT NULL CHECK (length(summary) BETWEEN 1 AND 4000),
     received_on date NOT NULL,
     advice_line_call_on date,
     outcome support_outcome,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     version integer NOT NULL DEFAULT 1,
     created_at timestamptz(3) NOT NULL DEFAULT now(),
     updated_at timestamptz(3) NOT NULL DEFAULT now(),
     CONSTRAINT call_after_request CHECK (advice_line_call_on IS NULL OR advice_line_call_on >= received_on)
   )`,
  `CREATE TABLE support_assessments (
     id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
     support_request_id uuid NOT NULL UNIQUE REFERENCES support_requests (id),
     authority authority NOT NULL,
     completed_on date NOT NULL,
     outcome support_assessment_outcome NOT NULL,
     notes text,
     recorded_by uuid NOT NULL REFERENCES staff (id),
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  // The pooled budget: each financial year, each authority's contribution and share of any underspend.
  `CREATE TABLE budget_years (
     financial_year text PRIMARY KEY CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
     operating_budget numeric(12, 2) NOT NULL CHECK (operating_budget >= 0),
     spend numeric(12, 2) NOT NULL CHECK (spend >= 0),
     underspend_treatment underspend_treatment,
     created_at timestamptz(3) NOT NULL DEFAULT now()
   )`,
  `CREATE TABLE budget_contributions (
     financial_year text NOT NULL REFERENCES budget_years (financial_year),
     authority authority NOT NULL,
     contribution numeric(12, 2) NOT NULL CHECK (contribution >= 0),
     underspend_share numeric(12, 2) CHECK (underspend_share >= 0),
     PRIMARY KEY (financial_year, authority)
   )`,
  // Requests per member of staff (each database backend counting in a row of its own, so that concurrent
  // requests do not wait on one row) and per client address without a valid token, per minute.
  `CREATE TABLE rate_limit_windows (
     staff_id uuid NOT NULL,
     window_start timestamptz NOT NULL,
     requests integer NOT NULL,
     backend integer NOT NULL DEFAULT 0,
     PRIMARY KEY (staff_id, window_start, backend)
   )`,
  `CREATE TABLE rate_limit_addresses (
     address text NOT NULL,
     window_start timestamptz NOT NULL,
     requests integer NOT NULL,
     PRIMARY KEY (address, window_start)
   )`,
  // The access log: append-only and tamper-evident. Each event's hash covers its content and its predecessor's
  // hash in its chain (UTC day and one of 8 lanes by transaction). Events of link_version 1 hash as they were
  // written before policy_version, client_request_id, authorities and criteria existed.
  `CREATE TABLE audit_events (
     id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
     chain text NOT NULL,
     seq bigint NOT NULL,
     at timestamptz(3) NOT NULL,
     request_id text,
     staff_id uuid,
     roles text NOT NULL,
     action text NOT NULL,
     outcome text NOT NULL CHECK (outcome IN ('ALLOWED', 'REFUSED')),
     subject_type text NOT NULL,
     subject_id uuid,
     fields text[] NOT NULL DEFAULT '{}',
     reason text,
     changes jsonb,
     prev_hash text NOT NULL,
     hash text NOT NULL,
     subject_ids uuid[],
     link_version smallint NOT NULL DEFAULT 1,
     policy_version text,
     client_request_id text,
     authorities authority[],
     criteria jsonb,
     CONSTRAINT one_link_per_position UNIQUE (chain, seq)
   )`,
  `CREATE TABLE audit_chain_heads (
     chain text PRIMARY KEY,
     seq bigint NOT NULL,
     hash text NOT NULL
   )`,
  // The class of every column of every audited table: a change event keeps the values of `case` columns only.
  `CREATE TABLE audit_column_classes (
     subject_type text NOT NULL,
     column_name text NOT NULL,
     class text NOT NULL CHECK (class IN ('case', 'identifying', 'special', 'criminalOffence', 'birthFamily', 'narrative')),
     PRIMARY KEY (subject_type, column_name)
   )`,
  // The key of the digests that replace withheld values; granted to no one, so only its owner reads it.
  `CREATE TABLE audit_digest_key (only_row boolean PRIMARY KEY DEFAULT true CHECK (only_row), key text NOT NULL)`,
  // Checkpoints signed by the API with a key the database never holds; audit_chain_signed only tells the
  // writer which chains moved since.
  `CREATE TABLE audit_checkpoints (
     seq bigint PRIMARY KEY,
     signed_at timestamptz(3) NOT NULL,
     prev_hash text NOT NULL,
     chains jsonb NOT NULL,
     hash text NOT NULL,
     key_id text NOT NULL,
     signature text NOT NULL
   )`,
  `CREATE TABLE audit_chain_signed (chain text PRIMARY KEY, events bigint NOT NULL, head text NOT NULL, checkpoint_seq bigint NOT NULL)`,
];

/**
 * Lists are keyset-paginated in (created_at, id) order within what the policy lets through; the foreign keys
 * that lookups and deletes follow are indexed; the partial unique indexes hold "one live record of each kind"
 * under concurrent writes.
 */
const INDEXES = [
  `CREATE INDEX role_assignments_staff_idx ON role_assignments (staff_id)`,
  `CREATE INDEX panel_meetings_window_idx ON panel_meetings (panel_id, papers_released_on, meeting_on)`,
  `CREATE INDEX children_authority_order_idx ON children (authority, created_at, id)`,
  `CREATE INDEX children_authority_stage_order_idx ON children (authority, stage, created_at, id)`,
  `CREATE INDEX children_order_idx ON children (created_at, id)`,
  `CREATE INDEX children_adoption_order_idx ON children (adoption_order_granted_on)`,
  `CREATE INDEX households_order_idx ON households (created_at, id)`,
  `CREATE INDEX households_stage_idx ON households (stage, created_at, id)`,
  `CREATE INDEX households_approved_on_idx ON households (approved_on)`,
  `CREATE INDEX household_stage_events_household_idx ON household_stage_events (household_id, entered_on)`,
  `CREATE INDEX household_stage_events_stage_idx ON household_stage_events (stage, entered_on)`,
  `CREATE INDEX household_decisions_household_idx ON household_decisions (household_id)`,
  `CREATE INDEX household_decisions_month_idx ON household_decisions (outcome, decided_on)`,
  `CREATE UNIQUE INDEX allocations_one_live_idx ON family_finder_allocations (child_id) WHERE ended_on IS NULL`,
  `CREATE INDEX allocations_finder_idx ON family_finder_allocations (family_finder_id) WHERE ended_on IS NULL`,
  `CREATE INDEX allocations_authority_idx ON family_finder_allocations (authority)`,
  `CREATE INDEX family_finder_allocations_child_idx ON family_finder_allocations (child_id)`,
  `CREATE UNIQUE INDEX matches_one_open_idx ON matches (child_id) WHERE status IN ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED')`,
  `CREATE INDEX matches_authority_order_idx ON matches (authority, created_at, id)`,
  `CREATE INDEX matches_child_idx ON matches (child_id)`,
  `CREATE INDEX matches_household_idx ON matches (household_id)`,
  `CREATE UNIQUE INDEX child_decisions_one_live_plan_idx ON child_decisions (child_id) WHERE kind = 'ADOPTION_PLAN' AND rescinded_on IS NULL`,
  `CREATE UNIQUE INDEX child_decisions_one_per_match_idx ON child_decisions (match_id) WHERE kind = 'MATCH'`,
  `CREATE INDEX child_decisions_month_idx ON child_decisions (kind, authority, decided_on)`,
  `CREATE INDEX child_decisions_child_idx ON child_decisions (child_id)`,
  `CREATE INDEX child_decisions_authority_idx ON child_decisions (authority)`,
  `CREATE UNIQUE INDEX placement_orders_one_per_child_idx ON placement_orders (child_id)`,
  `CREATE INDEX placement_orders_month_idx ON placement_orders (authority, granted_on)`,
  `CREATE UNIQUE INDEX placements_one_live_idx ON placements (child_id) WHERE ended_on IS NULL`,
  `CREATE INDEX placements_month_idx ON placements (authority, kind, placed_on)`,
  `CREATE INDEX placements_child_idx ON placements (child_id)`,
  `CREATE INDEX disruptions_month_idx ON disruptions (authority, disrupted_on)`,
  `CREATE INDEX disruptions_child_idx ON disruptions (child_id)`,
  `CREATE INDEX agenda_items_meeting_idx ON agenda_items (meeting_id)`,
  `CREATE INDEX agenda_items_window_idx ON agenda_items (panel_id, papers_released_on, window_closes_on)`,
  `CREATE INDEX agenda_items_household_idx ON agenda_items (household_id)`,
  `CREATE INDEX agenda_items_match_idx ON agenda_items (match_id)`,
  `CREATE INDEX agenda_items_child_idx ON agenda_items (child_id)`,
  `CREATE INDEX agenda_items_child_authority_idx ON agenda_items (child_authority)`,
  // A match is on at most one agenda awaiting the panel's recommendation (the service refuses a second; this holds it against a race).
  `CREATE UNIQUE INDEX agenda_items_one_open_per_match ON agenda_items (match_id) WHERE match_id IS NOT NULL AND recommendation IS NULL`,
  `CREATE INDEX support_requests_month_idx ON support_requests (authority, received_on)`,
  `CREATE INDEX support_requests_order_idx ON support_requests (created_at, id)`,
  `CREATE INDEX support_assessments_month_idx ON support_assessments (authority, completed_on)`,
  `CREATE INDEX audit_events_at_idx ON audit_events (at DESC, id DESC)`,
  `CREATE INDEX audit_events_staff_idx ON audit_events (staff_id, at DESC)`,
  `CREATE INDEX audit_events_subject_idx ON audit_events (subject_id, at DESC)`,
  // "Who read this child" over the grouped reads' subjects.
  `CREATE INDEX audit_events_subjects_idx ON audit_events USING gin (subject_ids) WHERE subject_ids IS NOT NULL`,
];

/** The column classes of every audited table, by the subject type its rows are. */
const COLUMN_CLASSES: Record<string, Record<string, string[]>> = {
  Child: {
    case: [
      'id', 'authority', 'stage', 'entered_care_on', 'adoption_plan_decided_on', 'placement_order_granted_on',
      'early_permanence_placed_on', 'matched_on', 'placed_on', 'adoption_order_granted_on', 'plan_changed_on',
      'disrupted_on', 'created_by', 'version', 'created_at', 'updated_at',
    ],
    identifying: ['first_name', 'last_name', 'date_of_birth', 'nhs_number'],
    special: ['sex', 'ethnicity', 'religion', 'disability', 'health_needs'],
    birthFamily: ['birth_family_background'],
    narrative: ['plan_change_reason'],
  },
  Allocation: { case: ['id', 'child_id', 'authority', 'family_finder_id', 'allocated_on', 'ended_on', 'allocated_by', 'created_at'] },
  ChildDecision: {
    case: ['id', 'child_id', 'authority', 'kind', 'outcome', 'match_id', 'decided_on', 'decided_by', 'rescinded_on', 'created_at'],
    narrative: ['rationale'],
  },
  PlacementOrder: { case: ['id', 'child_id', 'authority', 'basis', 'granted_on', 'recorded_by', 'created_at'] },
  Match: {
    case: ['id', 'child_id', 'authority', 'household_id', 'status', 'proposed_on', 'proposed_by', 'approved_on', 'version', 'created_at', 'updated_at'],
  },
  Placement: {
    case: [
      'id', 'child_id', 'authority', 'household_id', 'match_id', 'kind', 'placed_on', 'moved_in_on', 'converted_on', 'ended_on', 'recorded_by',
      'created_at', 'temporary_foster_carer_approval_on',
    ],
  },
  Disruption: {
    case: ['id', 'child_id', 'authority', 'placement_id', 'disrupted_on', 'meeting_on', 'recorded_by', 'created_at'],
    narrative: ['reason'],
  },
  Household: {
    case: [
      'id', 'reference', 'stage', 'stage_entered_on', 'home_authority', 'min_child_age', 'max_child_age', 'max_siblings',
      'needs_they_can_meet', 'early_permanence', 'fast_track', 'enquiry_on', 'approved_on', 'created_by', 'version',
      'created_at', 'updated_at', 'proposed_for',
    ],
    identifying: ['applicants', 'address'],
    special: ['ethnicity', 'religion', 'health_notes'],
    criminalOffence: ['dbs_outcome'],
  },
  HouseholdStageEvent: { case: ['id', 'household_id', 'stage', 'entered_on', 'recorded_by', 'created_at'], narrative: ['reason'] },
  HouseholdDecision: { case: ['id', 'household_id', 'outcome', 'decided_on', 'decided_by', 'created_at'], narrative: ['rationale'] },
  AgendaItem: {
    case: [
      'id', 'meeting_id', 'panel_id', 'meeting_on', 'papers_released_on', 'window_closes_on', 'kind', 'household_id', 'match_id',
      'child_id', 'child_authority', 'recommendation', 'recommended_by', 'scheduled_by', 'version', 'created_at', 'updated_at',
    ],
    narrative: ['reasons'],
  },
  ReportQualityFeedback: { case: ['id', 'panel_id', 'period', 'rating', 'recorded_by', 'created_at'], narrative: ['strengths', 'improvements'] },
  SupportRequest: {
    case: ['id', 'authority', 'received_on', 'advice_line_call_on', 'outcome', 'recorded_by', 'version', 'created_at', 'updated_at'],
    identifying: ['family_name'],
    narrative: ['summary'],
  },
  SupportAssessment: {
    case: ['id', 'support_request_id', 'authority', 'completed_on', 'outcome', 'recorded_by', 'created_at'],
    narrative: ['notes'],
  },
  Staff: { case: ['id', 'active', 'created_at'], identifying: ['username', 'display_name'] },
  RoleAssignment: { case: ['id', 'staff_id', 'role', 'authority', 'panel_id', 'panel_role'] },
  Panel: { case: ['id', 'name', 'created_at'] },
  PanelMeeting: { case: ['id', 'panel_id', 'meeting_on', 'papers_released_on', 'created_at'] },
  BudgetYear: { case: ['financial_year', 'operating_budget', 'spend', 'underspend_treatment', 'created_at'] },
  BudgetContribution: { case: ['financial_year', 'authority', 'contribution', 'underspend_share'] },
};

const ROWS = [
  `INSERT INTO audit_column_classes (subject_type, column_name, class) VALUES ${Object.entries(COLUMN_CLASSES)
    .flatMap(([subjectType, classes]) =>
      Object.entries(classes).flatMap(([cls, columns]) => columns.map((column) => `('${subjectType}', '${column}', '${cls}')`)),
    )
    .join(', ')}`,
  `INSERT INTO audit_digest_key (key)
   VALUES (encode(sha256(convert_to(gen_random_uuid()::text || gen_random_uuid()::text || clock_timestamp()::text, 'UTF8')), 'hex'))`,
];

/**
 * The request's settings, read once per statement (a sub-select around them in a policy makes them an InitPlan).
 * An authority's auditor (AUDITOR:KENT in app.roles) reads the events about that authority; the partnership's
 * auditor (AUDITOR:PARTNERSHIP) reads every event.
 */
const REQUEST_SETTINGS = [
  `CREATE FUNCTION app_authorities() RETURNS authority[]
   LANGUAGE sql STABLE AS $$
        SELECT string_to_array(nullif(current_setting('app.authorities', true), ''), ',')::authority[]
      $$`,
  `CREATE FUNCTION app_staff_id() RETURNS uuid
   LANGUAGE sql STABLE AS $$
        SELECT nullif(current_setting('app.staff_id', true), '')::uuid
      $$`,
  `CREATE FUNCTION app_has_role(role text) RETURNS boolean
   LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.roles', true), '') ~ ('(^|,)' || role || ':')
      $$`,
  `CREATE FUNCTION app_audited_authorities() RETURNS authority[]
   LANGUAGE sql STABLE AS $$
        SELECT coalesce(array_agg(m[1]::authority), '{}')
          FROM regexp_matches(coalesce(current_setting('app.roles', true), ''), '(?:^|,)AUDITOR:(BEXLEY|KENT|MEDWAY)(?=,|$)', 'g') AS m
      $$`,
  `CREATE FUNCTION app_audits_partnership() RETURNS boolean
   LANGUAGE sql STABLE AS $$
        SELECT coalesce(current_setting('app.roles', true), '') ~ '(^|,)AUDITOR:PARTNERSHIP(,|$)'
      $$`,
];

/**
 * Appending to the access log. The content of every event but its predecessor's hash is computed in one
 * statement and the loop only links the hashes. A change event names every column that changed and keeps the
 * before and after only of `case` columns; any other value is replaced by a keyed digest. Changes are logged
 * by triggers in the same transaction, one append per statement for the case tables and per row for who may
 * act and the partnership's own records; UPDATE, DELETE and TRUNCATE of the log and its checkpoints are refused.
 */
const ACCESS_LOG = [
  `CREATE FUNCTION audit_event_text(link_version smallint, chain text, seq bigint, at timestamptz, request_id text, staff_id uuid,
                                    roles text, action text, outcome text, subject_type text, subject_id uuid, subject_ids uuid[],
                                    fields text[], reason text, changes jsonb, policy_version text, client_request_id text,
                                    authorities authority[], criteria jsonb, prev_hash text)
   RETURNS text
   LANGUAGE sql STABLE AS $$
        SELECT CASE WHEN link_version = 1 THEN
          concat_ws('|', chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    coalesce(request_id, ''), coalesce(staff_id::text, ''), roles, action, outcome,
                    subject_type, coalesce(subject_id::text, subject_ids::text, ''), array_to_string(fields, ','),
                    coalesce(reason, ''), coalesce(changes::text, ''), prev_hash)
        ELSE
          concat_ws('|', 'v2', chain, seq, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                    coalesce(request_id, ''), coalesce(client_request_id, ''), coalesce(staff_id::text, ''), roles,
                    coalesce(policy_version, ''), action, outcome, subject_type, coalesce(subject_id::text, ''),
                    coalesce(subject_ids::text, ''), coalesce(authorities::text, ''), array_to_string(fields, ','),
                    coalesce(reason, ''), coalesce(changes::text, ''), coalesce(criteria::text, ''), prev_hash)
        END
      $$`,
  `CREATE FUNCTION audit_content(e audit_events) RETURNS text
   LANGUAGE sql STABLE AS $$
        SELECT audit_event_text(e.link_version, e.chain, e.seq, e.at, e.request_id, e.staff_id, e.roles, e.action, e.outcome,
                                e.subject_type, e.subject_id, e.subject_ids, e.fields, e.reason, e.changes, e.policy_version,
                                e.client_request_id, e.authorities, e.criteria, e.prev_hash)
      $$`,
  // The authority of a refused record, which the refused actor could not read: looked up as apse_reporting.
  `CREATE FUNCTION audit_subject_authorities(subject_type text, subject_id uuid) RETURNS authority[]
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT array_remove(ARRAY[CASE subject_type
          WHEN 'Child' THEN (SELECT authority FROM children WHERE id = subject_id)
          WHEN 'Allocation' THEN (SELECT authority FROM family_finder_allocations WHERE id = subject_id)
          WHEN 'ChildDecision' THEN (SELECT authority FROM child_decisions WHERE id = subject_id)
          WHEN 'PlacementOrder' THEN (SELECT authority FROM placement_orders WHERE id = subject_id)
          WHEN 'Match' THEN (SELECT authority FROM matches WHERE id = subject_id)
          WHEN 'Placement' THEN (SELECT authority FROM placements WHERE id = subject_id)
          WHEN 'Disruption' THEN (SELECT authority FROM disruptions WHERE id = subject_id)
          WHEN 'SupportRequest' THEN (SELECT authority FROM support_requests WHERE id = subject_id)
          WHEN 'SupportAssessment' THEN (SELECT authority FROM support_assessments WHERE id = subject_id)
          WHEN 'AgendaItem' THEN (SELECT child_authority FROM agenda_items WHERE id = subject_id)
        END], NULL)
      $$`,
  `CREATE FUNCTION audit_append(events jsonb) RETURNS integer
   LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      DECLARE
        lane text := to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '/' || (txid_current() % 8)::text;
        head audit_chain_heads;
        at timestamptz(3) := date_trunc('milliseconds', clock_timestamp());
        request_id text := nullif(current_setting('app.request_id', true), '');
        client_request_id text := nullif(current_setting('app.client_request_id', true), '');
        policy_version text := nullif(current_setting('app.policy_version', true), '');
        staff_id uuid := nullif(current_setting('app.staff_id', true), '')::uuid;
        roles text := coalesce(nullif(current_setting('app.roles', true), ''), 'system');
        batch audit_events[];
        e audit_events;
        prev_hashes text[] := '{}';
        hashes text[] := '{}';
        last_hash text;
      BEGIN
        IF events IS NULL OR jsonb_array_length(events) = 0 THEN RETURN 0; END IF;
        INSERT INTO audit_chain_heads (chain, seq, hash) VALUES (lane, 0, repeat('0', 64)) ON CONFLICT (chain) DO NOTHING;
        SELECT * INTO head FROM audit_chain_heads h WHERE h.chain = lane FOR UPDATE;
        SELECT array_agg(ROW(NULL, lane, head.seq + x.n, at, request_id, staff_id, roles, x.action, coalesce(x.outcome, 'ALLOWED'),
                             x."subjectType", x."subjectId", coalesce(x.fields, '{}'), x.reason, x.changes, '', '', x."subjectIds",
                             2, policy_version, client_request_id,
                             coalesce(x.authorities, CASE WHEN x.outcome = 'REFUSED' AND x."subjectId" IS NOT NULL
                                                          THEN audit_subject_authorities(x."subjectType", x."subjectId") END),
                             x.criteria)::audit_events ORDER BY x.n)
          INTO batch
          FROM ROWS FROM (jsonb_to_recordset(events) AS (action text, outcome text, "subjectType" text, "subjectId" uuid,
                          "subjectIds" uuid[], fields text[], reason text, changes jsonb, authorities authority[], criteria jsonb))
               WITH ORDINALITY AS x(action, outcome, "subjectType", "subjectId", "subjectIds", fields, reason, changes, authorities, criteria, n);
        -- In order, never by index: finding the i-th of an array of rows reads every row before it.
        last_hash := head.hash;
        FOREACH e IN ARRAY batch LOOP
          prev_hashes := prev_hashes || last_hash;
          last_hash := encode(sha256(convert_to(audit_content(e) || last_hash, 'UTF8')), 'hex');
          hashes := hashes || last_hash;
        END LOOP;
        INSERT INTO audit_events (chain, seq, at, request_id, staff_id, roles, action, outcome, subject_type, subject_id, subject_ids,
                                  fields, reason, changes, link_version, policy_version, client_request_id, authorities, criteria,
                                  prev_hash, hash)
        SELECT b.chain, b.seq, b.at, b.request_id, b.staff_id, b.roles, b.action, b.outcome, b.subject_type, b.subject_id, b.subject_ids,
               b.fields, b.reason, b.changes, b.link_version, b.policy_version, b.client_request_id, b.authorities, b.criteria,
               h.prev_hash, h.hash
          FROM unnest(batch) WITH ORDINALITY AS b
          JOIN unnest(prev_hashes, hashes) WITH ORDINALITY AS h(prev_hash, hash, n) ON h.n = b.ordinality;
        UPDATE audit_chain_heads SET seq = head.seq + cardinality(batch), hash = last_hash WHERE chain = lane;
        RETURN cardinality(batch);
      END $$`,
  `CREATE FUNCTION audit_change_event(action text, subject_type text, before jsonb, after jsonb) RETURNS jsonb
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        WITH changed AS (
          SELECT k, before->k AS was, after->k AS now, coalesce(c.class, 'unclassified') AS class
            FROM (SELECT jsonb_object_keys(before) UNION SELECT jsonb_object_keys(after)) AS keys(k)
            LEFT JOIN audit_column_classes c ON c.subject_type = audit_change_event.subject_type AND c.column_name = keys.k
           WHERE coalesce(before->k, 'null') IS DISTINCT FROM coalesce(after->k, 'null') AND k NOT IN ('version', 'updated_at', 'created_at')
        ), kept AS (
          SELECT k, CASE WHEN class = 'case' THEN jsonb_build_object('before', was, 'after', now)
                         ELSE jsonb_build_object('withheld', class,
                                'before', (SELECT encode(sha256(convert_to(d.key || '|' || subject_type || '|' || k || '|' || was::text, 'UTF8')), 'hex') FROM audit_digest_key d),
                                'after', (SELECT encode(sha256(convert_to(d.key || '|' || subject_type || '|' || k || '|' || now::text, 'UTF8')), 'hex') FROM audit_digest_key d))
                    END AS v
            FROM changed
        ), row_ AS (SELECT CASE WHEN after = '{}'::jsonb THEN before ELSE after END AS rec)
        SELECT jsonb_build_object(
                 'action', action, 'subjectType', subject_type, 'subjectId', (SELECT rec->>'id' FROM row_),
                 'fields', (SELECT jsonb_agg(k ORDER BY k) FROM kept),
                 'changes', (SELECT jsonb_object_agg(k, v) FROM kept),
                 'authorities', CASE WHEN subject_type = 'Staff'
                   THEN (SELECT coalesce(jsonb_agg(DISTINCT a.authority), '[]') FROM role_assignments a, row_
                          WHERE a.staff_id = (row_.rec->>'id')::uuid AND a.authority IS NOT NULL)
                   ELSE (SELECT jsonb_path_query_array(rec, '$.authority ? (@ != null)') || jsonb_path_query_array(rec, '$.child_authority ? (@ != null)') FROM row_)
                 END)
         WHERE EXISTS (SELECT 1 FROM kept)
      $$`,
  `CREATE FUNCTION audit_rows_inserted() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(audit_change_event('create', TG_ARGV[0], '{}'::jsonb, to_jsonb(n))) FROM new_rows n));
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION audit_rows_updated() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('update', TG_ARGV[0], to_jsonb(o), to_jsonb(n)) AS ev
            FROM old_rows o JOIN new_rows n ON n.id = o.id) changed WHERE ev IS NOT NULL));
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION audit_rows_deleted() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('delete', TG_ARGV[0], to_jsonb(o), '{}'::jsonb) AS ev FROM old_rows o) gone WHERE ev IS NOT NULL));
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION audit_row_changed() RETURNS trigger
   LANGUAGE plpgsql AS $$
      DECLARE
        ev jsonb := audit_change_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_ARGV[0],
                                       CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END,
                                       CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END);
      BEGIN
        IF ev IS NOT NULL THEN PERFORM audit_append(jsonb_build_array(ev)); END IF;
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION audit_table_truncated() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM audit_append(jsonb_build_array(jsonb_build_object('action', 'truncate', 'subjectType', TG_ARGV[0])));
        RETURN NULL;
      END $$`,
  `CREATE FUNCTION audit_refuse_edit() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $$`,
  // Withholds, when an event is read, what a change event written before the column classes kept in the clear.
  `CREATE FUNCTION audit_visible_changes(subject_type text, changes jsonb) RETURNS jsonb
   LANGUAGE sql STABLE AS $$
        SELECT jsonb_object_agg(e.k, CASE WHEN e.v ? 'withheld' OR c.class = 'case' THEN e.v
                                          ELSE jsonb_build_object('withheld', coalesce(c.class, 'unclassified')) END)
          FROM jsonb_each(changes) AS e(k, v)
          LEFT JOIN audit_column_classes c ON c.subject_type = audit_visible_changes.subject_type AND c.column_name = e.k
      $$`,
  `CREATE FUNCTION audit_verify() RETURNS TABLE (chain text, events bigint, first_broken_seq bigint, first_broken_id bigint)
   LANGUAGE plpgsql STABLE AS $$
      DECLARE
        c text;
        e audit_events;
        prev text;
        expected_seq bigint;
      BEGIN
        FOR c IN SELECT DISTINCT a.chain FROM audit_events a ORDER BY 1 LOOP
          chain := c; events := 0; first_broken_seq := NULL; first_broken_id := NULL;
          prev := repeat('0', 64); expected_seq := 1;
          FOR e IN SELECT * FROM audit_events a WHERE a.chain = c ORDER BY a.seq LOOP
            events := events + 1;
            IF first_broken_seq IS NULL AND (e.seq <> expected_seq OR e.prev_hash <> prev
                OR e.hash <> encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex')) THEN
              first_broken_seq := e.seq; first_broken_id := e.id;
            END IF;
            prev := e.hash; expected_seq := e.seq + 1;
          END LOOP;
          RETURN NEXT;
        END LOOP;
      END $$`,
  // What the next checkpoint must sign: its number, its predecessor's hash, and every chain that moved.
  `CREATE FUNCTION audit_checkpoint_due() RETURNS TABLE (seq bigint, prev_hash text, chains jsonb)
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce((SELECT max(c.seq) FROM audit_checkpoints c), 0) + 1,
               coalesce((SELECT c.hash FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 1), repeat('0', 64)),
               coalesce((SELECT jsonb_agg(jsonb_build_object('chain', h.chain, 'events', h.seq, 'head', h.hash) ORDER BY h.chain)
                           FROM audit_chain_heads h LEFT JOIN audit_chain_signed s ON s.chain = h.chain
                          WHERE s.chain IS NULL OR s.events <> h.seq OR s.head <> h.hash), '[]'::jsonb)
      $$`,
  // Stores a signed checkpoint; refused unless it follows the last one (two writers: one wins).
  `CREATE FUNCTION audit_checkpoint_append(new_seq bigint, new_signed_at timestamptz, new_prev_hash text, new_chains jsonb,
                                           new_hash text, new_key_id text, new_signature text) RETURNS void
   LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
      BEGIN
        PERFORM pg_advisory_xact_lock(hashtext('audit_checkpoint_append'));
        IF new_seq <> coalesce((SELECT max(c.seq) FROM audit_checkpoints c), 0) + 1
           OR new_prev_hash <> coalesce((SELECT c.hash FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 1), repeat('0', 64)) THEN
          RAISE EXCEPTION 'checkpoint % does not follow the last one', new_seq USING ERRCODE = 'serialization_failure';
        END IF;
        INSERT INTO audit_checkpoints (seq, signed_at, prev_hash, chains, hash, key_id, signature)
        VALUES (new_seq, new_signed_at, new_prev_hash, new_chains, new_hash, new_key_id, new_signature);
        INSERT INTO audit_chain_signed (chain, events, head, checkpoint_seq)
        SELECT c->>'chain', (c->>'events')::bigint, c->>'head', new_seq FROM jsonb_array_elements(new_chains) c
        ON CONFLICT (chain) DO UPDATE SET events = excluded.events, head = excluded.head, checkpoint_seq = excluded.checkpoint_seq;
      END $$`,
  // Per chain: its events, and the first gap in its sequence, the first broken link and the first edited event.
  `CREATE FUNCTION audit_chain_report() RETURNS TABLE (chain text, events bigint, last_seq bigint, missing_from bigint,
                                                       missing_to bigint, relinked_seq bigint, edited_seq bigint, edited_id bigint)
   LANGUAGE sql STABLE AS $$
        SELECT x.chain, count(*), max(x.seq),
               min(x.prev_seq) FILTER (WHERE x.seq <> x.prev_seq + 1) + 1,
               min(x.seq) FILTER (WHERE x.seq <> x.prev_seq + 1) - 1,
               min(x.seq) FILTER (WHERE x.prev_hash <> x.expected_prev),
               min(x.seq) FILTER (WHERE x.hash <> x.recomputed),
               (array_agg(x.id ORDER BY x.seq) FILTER (WHERE x.hash <> x.recomputed))[1]
          FROM (SELECT e.chain, e.seq, e.id, e.prev_hash, e.hash,
                       lag(e.seq, 1, 0::bigint) OVER w AS prev_seq,
                       lag(e.hash, 1, repeat('0', 64)) OVER w AS expected_prev,
                       encode(sha256(convert_to(audit_content(e), 'UTF8')), 'hex') AS recomputed
                  FROM audit_events e WINDOW w AS (PARTITION BY e.chain ORDER BY e.seq)) x
         GROUP BY x.chain ORDER BY x.chain
      $$`,
];

/**
 * The board's aggregates over every authority's children: counts and sums only, whole, for the API to withhold
 * what would disclose a child. Each runs as apse_reporting and first checks that the request is a board
 * director's. A household's `proposed_for` is refreshed as the transaction that changed a match commits, from
 * every authority's matches (read as apse_reporting), so that the step which ends a match still moves the household.
 */
const REPORTING = [
  `CREATE FUNCTION board_reader_only() RETURNS void
   LANGUAGE plpgsql STABLE AS $$
    BEGIN
      IF NOT app_has_role('BOARD_DIRECTOR') THEN
        RAISE EXCEPTION 'board aggregates are for board directors' USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $$`,
  // Compares calendar dates as `timestamp`, so that it inlines.
  `CREATE FUNCTION board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text) RETURNS text
   LANGUAGE sql IMMUTABLE AS $$
      SELECT CASE characteristic
        WHEN 'AGE_BAND' THEN
          CASE WHEN date_part('year', age(day::timestamp, date_of_birth::timestamp)) < 1 THEN 'Under 1'
               WHEN date_part('year', age(day::timestamp, date_of_birth::timestamp)) < 5 THEN '1 to 4'
               WHEN date_part('year', age(day::timestamp, date_of_birth::timestamp)) < 10 THEN '5 to 9'
               WHEN date_part('year', age(day::timestamp, date_of_birth::timestamp)) < 16 THEN '10 to 15'
               ELSE '16 and over' END
        WHEN 'ETHNICITY' THEN
          CASE WHEN coalesce(trim(ethnicity), '') = '' THEN 'Not recorded'
               WHEN ethnicity ILIKE 'White and%' OR ethnicity ILIKE 'Mixed%' THEN 'Mixed or multiple'
               WHEN ethnicity ILIKE 'White%' OR ethnicity ILIKE '%Gypsy%' OR ethnicity ILIKE '%Roma%'
                 OR ethnicity ILIKE '%Traveller%' THEN 'White'
               WHEN ethnicity ILIKE '%Asian%' THEN 'Asian or Asian British'
               WHEN ethnicity ILIKE '%Black%' THEN 'Black or Black British'
               ELSE 'Other ethnic group' END
        WHEN 'DISABILITY' THEN
          CASE WHEN coalesce(trim(disability), '') = '' THEN 'No disability recorded' ELSE 'Disabled' END
      END
      $$`,
  // Children with authority to place but no approving match decision, still looked after for adoption, on `day`.
  `CREATE FUNCTION board_waiting_children(day date) RETURNS TABLE (authority authority, date_of_birth date, ethnicity text, disability text, order_on date)
   LANGUAGE sql STABLE AS $$
  SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
    FROM children c JOIN placement_orders po ON po.child_id = c.id AND po.granted_on <= day
   WHERE NOT EXISTS (SELECT 1 FROM child_decisions d
                      WHERE d.child_id = c.id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on <= day)
     AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
     AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)
      $$`,
  `CREATE FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date)
   RETURNS TABLE (month text, authority text, "adoptionPlanDecisions" int, "placementOrders" int, matches int,
                  "supportRequests" int, "earlyPermanencePlacements" int, disruptions int)
   LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
    #variable_conflict use_column
    BEGIN
      PERFORM board_reader_only();
      RETURN QUERY
      WITH months AS (
        SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(first_day, last_month, interval '1 month') AS m
      ), grid AS (
        SELECT months.month, a::text AS authority FROM months CROSS JOIN unnest(enum_range(NULL::authority)) AS a
      ), counts AS (
        SELECT 'plan' AS measure, d.authority::text AS authority, to_char(d.decided_on, 'YYYY-MM') AS month, count(*) AS n
          FROM child_decisions d WHERE d.kind = 'ADOPTION_PLAN' AND d.decided_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'order', o.authority::text, to_char(o.granted_on, 'YYYY-MM'), count(*)
          FROM placement_orders o WHERE o.basis = 'PLACEMENT_ORDER' AND o.granted_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'match', d.authority::text, to_char(d.decided_on, 'YYYY-MM'), count(*)
          FROM child_decisions d WHERE d.kind = 'MATCH' AND d.outcome = 'APPROVED' AND d.decided_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'support', s.authority::text, to_char(s.received_on, 'YYYY-MM'), count(*)
          FROM support_requests s WHERE s.received_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'early', p.authority::text, to_char(p.placed_on, 'YYYY-MM'), count(*)
          FROM placements p WHERE (p.kind = 'EARLY_PERMANENCE' OR p.converted_on IS NOT NULL) AND p.placed_on BETWEEN first_day AND last_day GROUP BY 2, 3
        UNION ALL
        SELECT 'disruption', x.authority::text, to_char(x.disrupted_on, 'YYYY-MM'), count(*)
          FROM disruptions x WHERE x.disrupted_on BETWEEN first_day AND last_day GROUP BY 2, 3
      )
      SELECT g.month, g.authority,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'plan'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'order'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'match'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'support'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int,
             coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int
        FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
       GROUP BY g.month, g.authority
       ORDER BY g.month, g.authority;
    END $$`,
  `CREATE FUNCTION board_waiting(day date, characteristics text[])
   RETURNS TABLE (characteristic text, authority text, category text, children int, "daysWaiting" float)
   LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public SET work_mem = '64MB' AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM board_reader_only();
        RETURN QUERY
        WITH groups AS MATERIALIZED (
          SELECT w.authority::text AS authority, board_waiting_category('AGE_BAND', day, w.date_of_birth, NULL, NULL) AS age_band,
                 w.ethnicity, w.disability, count(*) AS n, sum(day - w.order_on) AS days
            FROM board_waiting_children(day) w GROUP BY 1, 2, 3, 4
        ), categorised AS (
          SELECT ch.characteristic, g.authority, g.n,
                 CASE ch.characteristic WHEN 'AGE_BAND' THEN g.age_band
                      ELSE board_waiting_category(ch.characteristic, day, NULL, g.ethnicity, g.disability) END AS category
            FROM unnest(characteristics) AS ch(characteristic) CROSS JOIN groups g
        )
        SELECT NULL::text, g.authority, NULL::text, sum(g.n)::int, sum(g.days)::float FROM groups g GROUP BY g.authority
        UNION ALL
        SELECT c.characteristic, c.authority, c.category, sum(c.n)::int, NULL::float FROM categorised c GROUP BY 1, 2, 3;
      END $$`,
  `CREATE FUNCTION board_adoptions_by_month(first_day date, last_day date)
   RETURNS TABLE (month text, authority text, adopted int, "a2Children" int, "a2Days" float, "a10Children" int, "a10Days" float)
   LANGUAGE plpgsql STABLE SECURITY DEFINER SET search_path = public AS $$
      #variable_conflict use_column
      BEGIN
        PERFORM board_reader_only();
        RETURN QUERY
        WITH adopted AS (
          SELECT c.authority, c.adoption_order_granted_on AS adopted_on,
                 greatest(d.decided_on - po.granted_on, 0) AS a2, p.moved_in_on - c.entered_care_on AS a10
            FROM children c
            JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
            LEFT JOIN placement_orders po ON po.child_id = c.id
            LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
           WHERE c.adoption_order_granted_on BETWEEN first_day AND last_day
        )
        SELECT to_char(a.adopted_on, 'YYYY-MM'), a.authority::text, count(*)::int,
               count(a.a2)::int, coalesce(sum(a.a2), 0)::float, count(a.a10)::int, coalesce(sum(a.a10), 0)::float
          FROM adopted a GROUP BY 1, 2;
      END $$`,
  `CREATE FUNCTION household_live_proposals(household uuid) RETURNS authority[]
   LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public AS $$
        SELECT coalesce(array_agg(DISTINCT m.authority ORDER BY m.authority), '{}')
          FROM matches m WHERE m.household_id = household AND m.status IN ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED')
      $$`,
  `CREATE FUNCTION match_refreshes_household() RETURNS trigger
   LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE households SET proposed_for = household_live_proposals(NEW.household_id)
         WHERE id = NEW.household_id AND proposed_for IS DISTINCT FROM household_live_proposals(NEW.household_id);
        RETURN NULL;
      END $$`,
];

/** Owned by apse_reporting, the one role whose policies read every authority's rows. */
const OWNED_BY_REPORTING = [
  'audit_subject_authorities(text, uuid)',
  'board_monthly_by_authority(date, date, date)',
  'board_waiting(date, text[])',
  'board_adoptions_by_month(date, date)',
  'household_live_proposals(uuid)',
];

/** Functions PUBLIC may not execute (by default it may), and the roles that may. */
const EXECUTE: [fn: string, grantees: string[]][] = [
  ['audit_append(jsonb)', ['apse_app']],
  ['audit_verify()', []],
  ['audit_checkpoint_due()', ['apse_app']],
  ['audit_checkpoint_append(bigint, timestamptz, text, jsonb, text, text, text)', ['apse_app']],
  ['audit_chain_report()', []],
  ['audit_subject_authorities(text, uuid)', []],
  ['board_waiting_children(date)', ['apse_reporting']],
  ['board_monthly_by_authority(date, date, date)', ['apse_app']],
  ['board_waiting(date, text[])', ['apse_app']],
  ['board_adoptions_by_month(date, date)', ['apse_app']],
  ['household_live_proposals(uuid)', ['apse_app']],
];

/** Tables whose rows belong to one partner authority (the tenant), by the column that names it. */
const TENANT_TABLES = [
  'children',
  'family_finder_allocations',
  'child_decisions',
  'placement_orders',
  'matches',
  'placements',
  'disruptions',
  'support_requests',
  'support_assessments',
];

/** The partnership's own records: readable only inside a request that has said who is asking. */
const STAFF_ONLY_TABLES = [
  'households',
  'household_stage_events',
  'household_decisions',
  'panels',
  'panel_meetings',
  'report_quality_feedback',
  'budget_years',
  'budget_contributions',
];

const TABLE_GRANTS = [
  `GRANT SELECT ON staff, role_assignments, audit_events, audit_column_classes TO apse_app`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON rate_limit_windows, rate_limit_addresses TO apse_app`,
  `GRANT SELECT, INSERT, UPDATE ON ${[...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items'].join(', ')} TO apse_app`,
  `GRANT SELECT ON ${[...TENANT_TABLES, 'agenda_items'].join(', ')} TO apse_reporting`,
];

/**
 * Defence in depth: Row-Level Security, enabled and forced, restates the tenant dimension, so a resolver that
 * forgot its policy still reads nothing of another authority; with no settings, no rows. An agenda item about a
 * child belongs to the child's authority, one about a household to the partnership. The access log is appended
 * to only through audit_append (its owner writes) and read only by auditors.
 */
const IN_TENANT = `authority = ANY ((SELECT app_authorities())::authority[])`;
const AGENDA_IN_TENANT = `(SELECT app_staff_id()) IS NOT NULL AND (child_authority IS NULL OR child_authority = ANY ((SELECT app_authorities())::authority[]))`;
const ROW_LEVEL_SECURITY = [
  ...[...TENANT_TABLES, ...STAFF_ONLY_TABLES, 'agenda_items'].flatMap((table) => [
    `ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`,
    `ALTER TABLE ${table} FORCE ROW LEVEL SECURITY`,
  ]),
  ...TENANT_TABLES.map((table) => `CREATE POLICY tenant ON ${table} TO apse_app USING (${IN_TENANT}) WITH CHECK (${IN_TENANT})`),
  ...STAFF_ONLY_TABLES.map((table) => `CREATE POLICY staff_only ON ${table} TO apse_app USING ((SELECT app_staff_id()) IS NOT NULL)`),
  `CREATE POLICY tenant ON agenda_items TO apse_app USING (${AGENDA_IN_TENANT}) WITH CHECK (${AGENDA_IN_TENANT})`,
  ...[...TENANT_TABLES, 'agenda_items'].map((table) => `CREATE POLICY board_aggregates ON ${table} FOR SELECT TO apse_reporting USING (true)`),
  `ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY`,
  `CREATE POLICY auditors_read ON audit_events FOR SELECT TO apse_app
     USING ((SELECT app_audits_partnership()) OR authorities && (SELECT app_audited_authorities()))`,
];

/** Case tables, logged statement by statement, with the subject type their rows are. */
const CASE_TABLES: [table: string, subjectType: string][] = [
  ['children', 'Child'],
  ['family_finder_allocations', 'Allocation'],
  ['child_decisions', 'ChildDecision'],
  ['placement_orders', 'PlacementOrder'],
  ['matches', 'Match'],
  ['placements', 'Placement'],
  ['disruptions', 'Disruption'],
  ['households', 'Household'],
  ['household_stage_events', 'HouseholdStageEvent'],
  ['household_decisions', 'HouseholdDecision'],
  ['agenda_items', 'AgendaItem'],
  ['report_quality_feedback', 'ReportQualityFeedback'],
  ['support_requests', 'SupportRequest'],
  ['support_assessments', 'SupportAssessment'],
];

/** Who may act, and the partnership's own records: logged row by row (they change rarely). */
const ACCESS_TABLES: [table: string, subjectType: string][] = [
  ['staff', 'Staff'],
  ['role_assignments', 'RoleAssignment'],
  ['panels', 'Panel'],
  ['panel_meetings', 'PanelMeeting'],
  ['budget_years', 'BudgetYear'],
  ['budget_contributions', 'BudgetContribution'],
];

const TRIGGERS = [
  ...CASE_TABLES.flatMap(([table, subjectType]) => [
    `CREATE TRIGGER ${table}_audit_insert AFTER INSERT ON ${table} REFERENCING NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('${subjectType}')`,
    `CREATE TRIGGER ${table}_audit_update AFTER UPDATE ON ${table} REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('${subjectType}')`,
    `CREATE TRIGGER ${table}_audit_delete AFTER DELETE ON ${table} REFERENCING OLD TABLE AS old_rows
     FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('${subjectType}')`,
  ]),
  ...ACCESS_TABLES.map(
    ([table, subjectType]) => `CREATE TRIGGER ${table}_audit_change AFTER INSERT OR UPDATE OR DELETE ON ${table}
     FOR EACH ROW EXECUTE FUNCTION audit_row_changed('${subjectType}')`,
  ),
  ...[...CASE_TABLES, ...ACCESS_TABLES].map(
    ([table, subjectType]) => `CREATE TRIGGER ${table}_audit_truncate AFTER TRUNCATE ON ${table}
     FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('${subjectType}')`,
  ),
  ...['audit_events', 'audit_checkpoints'].flatMap((table) => [
    `CREATE TRIGGER ${table}_append_only BEFORE UPDATE OR DELETE ON ${table} FOR EACH ROW EXECUTE FUNCTION audit_refuse_edit()`,
    `CREATE TRIGGER ${table}_no_truncate BEFORE TRUNCATE ON ${table} FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_edit()`,
  ]),
  // At commit: a step that ends a match still moves the household it linked, as the authority that may.
  `CREATE CONSTRAINT TRIGGER matches_refresh_household AFTER INSERT OR UPDATE OF status ON matches
     DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION match_refreshes_household()`,
];

/**
 * The schema of a fresh database in one migration, in place of the 28 (1795400000000 to 1795400002700) that
 * built it step by step: the same tables, functions, policies, grants and rows, as schema/schema.sql describes
 * them. A database that ran those 28 already has this schema, and only records this migration as run.
 */
export class Baseline1795400002800 implements MigrationInterface {
  name = 'Baseline1795400002800';

  async up(q: QueryRunner): Promise<void> {
    if (await ranTheReplacedMigrations(q)) return;
    const statements = [
      ...ROLES,
      ...TYPES,
      ...TABLES,
      ...INDEXES,
      ...ROWS,
      ...REQUEST_SETTINGS,
      ...ACCESS_LOG,
      ...REPORTING,
      ...OWNED_BY_REPORTING.map((fn) => `ALTER FUNCTION ${fn} OWNER TO apse_reporting`),
      ...EXECUTE.flatMap(([fn, grantees]) => [
        `REVOKE EXECUTE ON FUNCTION ${fn} FROM PUBLIC`,
        ...grantees.map((grantee) => `GRANT EXECUTE ON FUNCTION ${fn} TO ${grantee}`),
      ]),
      ...TABLE_GRANTS,
      ...ROW_LEVEL_SECURITY,
      ...TRIGGERS,
    ];
    for (const statement of statements) await q.query(statement);
  }

  async down(q: QueryRunner): Promise<void> {
    // audit_content takes an audit_events row, so it goes before the table; triggers go with their tables.
    await q.query(`DROP FUNCTION audit_content`);
    await q.query(`DROP TABLE ${namesOf(TABLES, 'TABLE').join(', ')}`);
    const functions = namesOf([...REQUEST_SETTINGS, ...ACCESS_LOG, ...REPORTING], 'FUNCTION');
    await q.query(`DROP FUNCTION ${functions.filter((fn) => fn !== 'audit_content').join(', ')}`);
    await q.query(`DROP TYPE ${namesOf(TYPES, 'TYPE').join(', ')}`);
    // The roles may serve other databases of the cluster: only this database's grant goes.
    await q.query(`REVOKE USAGE ON SCHEMA public FROM apse_app, apse_reporting`);
  }
}

/** The names of what `statements` create. */
function namesOf(statements: string[], kind: 'TABLE' | 'FUNCTION' | 'TYPE'): string[] {
  return statements.map((sql) => new RegExp(`^CREATE ${kind} (\\w+)`).exec(sql)![1]!);
}

/**
 * True when this database ran every migration this one replaces (its schema is this one); an error when it ran
 * only some of them: the rest come first, from a release before this one.
 */
async function ranTheReplacedMigrations(q: QueryRunner): Promise<boolean> {
  const [{ ran, last }] = await q.query(
    `SELECT count(*)::int AS ran, count(*) FILTER (WHERE name = $1)::int AS last FROM migrations WHERE timestamp < 1795400002800`,
    [REPLACED.last],
  );
  if (ran === REPLACED.count && last === 1) return true;
  if (ran > 0) {
    throw new Error(`this database ran ${ran} of the ${REPLACED.count} migrations the baseline replaces: run the rest with an earlier release first`);
  }
  return false;
}
