-- The database's schema as the migrations leave it: written by `npm run schema:sql` from the catalogue
-- (src/db/schema-description.ts), never by hand. A test fails when a migrated database differs from it.
-- Objects the migration login owns carry no OWNER line; a grant to an object's owner is not listed.

GRANT USAGE ON SCHEMA public TO apse_app;
GRANT USAGE ON SCHEMA public TO apse_reporting;

CREATE TYPE agenda_item_kind AS ENUM ('ADOPTER_APPROVAL', 'MATCH', 'APPROVAL_REVIEW', 'TERMINATION', 'EARLY_PERMANENCE_DUAL_APPROVAL');
CREATE TYPE authority AS ENUM ('BEXLEY', 'KENT', 'MEDWAY');
CREATE TYPE authority_to_place AS ENUM ('PLACEMENT_ORDER', 'CONSENT');
CREATE TYPE child_decision_kind AS ENUM ('ADOPTION_PLAN', 'MATCH');
CREATE TYPE child_stage AS ENUM ('CONSIDERING_ADOPTION', 'SHOULD_BE_PLACED', 'EARLY_PERMANENCE', 'AUTHORITY_TO_PLACE', 'LINKED', 'MATCH_RECOMMENDED', 'MATCHED', 'PLACED', 'ADOPTED', 'PLAN_CHANGED', 'DISRUPTED');
CREATE TYPE decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED');
CREATE TYPE emergency_access_outcome AS ENUM ('JUSTIFIED', 'NOT_JUSTIFIED');
CREATE TYPE household_decision_outcome AS ENUM ('APPROVED', 'NOT_APPROVED', 'TERMINATED');
CREATE TYPE household_stage AS ENUM ('ENQUIRY', 'INFORMATION_EVENT', 'INITIAL_VISIT', 'REGISTRATION', 'STAGE_1', 'STAGE_2', 'PANEL', 'APPROVED', 'MATCHED', 'PLACED', 'WITHDRAWN', 'NOT_APPROVED', 'TERMINATED');
CREATE TYPE match_status AS ENUM ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'DECLINED', 'PLACED', 'ADOPTED', 'DISRUPTED', 'WITHDRAWN');
CREATE TYPE panel_recommendation AS ENUM ('POSITIVE', 'NEGATIVE', 'DEFERRED');
CREATE TYPE panel_role AS ENUM ('CHAIR', 'VICE_CHAIR', 'MEMBER', 'ADVISER');
CREATE TYPE placement_kind AS ENUM ('EARLY_PERMANENCE', 'ADOPTIVE');
CREATE TYPE restriction_category AS ENUM ('HIGH_PROFILE', 'STAFF_CONNECTED', 'ADOPTION', 'HIGH_RISK');
CREATE TYPE staff_role AS ENUM ('ADM', 'PPM_LEAD', 'FAMILY_FINDER', 'PANEL_MEMBER', 'BOARD_DIRECTOR', 'SUPPORT_WORKER', 'AUDITOR', 'ACCESS_ADMIN');
CREATE TYPE support_assessment_outcome AS ENUM ('SUPPORT_PLAN', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION');
CREATE TYPE support_outcome AS ENUM ('RESOLVED', 'SIGNPOSTED', 'ASSESSMENT');
CREATE TYPE underspend_treatment AS ENUM ('ROLLED_FORWARD', 'RETURNED', 'NOT_DECIDED');

CREATE TABLE agenda_items (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  meeting_id uuid NOT NULL,
  panel_id uuid NOT NULL,
  meeting_on date NOT NULL,
  papers_released_on date NOT NULL,
  window_closes_on date GENERATED ALWAYS AS ((meeting_on + 7)) STORED NOT NULL,
  kind agenda_item_kind NOT NULL,
  household_id uuid NOT NULL,
  match_id uuid,
  child_id uuid,
  child_authority authority,
  recommendation panel_recommendation,
  reasons text,
  recommended_by uuid,
  scheduled_by uuid NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_match_id_fkey FOREIGN KEY (match_id) REFERENCES matches(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_meeting_id_fkey FOREIGN KEY (meeting_id) REFERENCES panel_meetings(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES panels(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_pkey PRIMARY KEY (id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_recommended_by_fkey FOREIGN KEY (recommended_by) REFERENCES staff(id);
ALTER TABLE agenda_items ADD CONSTRAINT agenda_items_scheduled_by_fkey FOREIGN KEY (scheduled_by) REFERENCES staff(id);
ALTER TABLE agenda_items ADD CONSTRAINT match_items_name_the_child CHECK (((match_id IS NULL) = ((child_id IS NULL) AND (child_authority IS NULL))));
ALTER TABLE agenda_items ADD CONSTRAINT match_items_name_the_match CHECK (((kind = 'MATCH'::agenda_item_kind) = (match_id IS NOT NULL)));
ALTER TABLE agenda_items ADD CONSTRAINT recommendation_has_reasons CHECK (((recommendation IS NULL) OR ((reasons IS NOT NULL) AND (recommended_by IS NOT NULL))));
CREATE INDEX agenda_items_child_authority_idx ON public.agenda_items USING btree (child_authority);
CREATE INDEX agenda_items_child_idx ON public.agenda_items USING btree (child_id);
CREATE INDEX agenda_items_household_idx ON public.agenda_items USING btree (household_id);
CREATE INDEX agenda_items_match_idx ON public.agenda_items USING btree (match_id);
CREATE INDEX agenda_items_meeting_idx ON public.agenda_items USING btree (meeting_id);
CREATE UNIQUE INDEX agenda_items_one_open_per_match ON public.agenda_items USING btree (match_id) WHERE ((match_id IS NOT NULL) AND (recommendation IS NULL));
CREATE INDEX agenda_items_window_idx ON public.agenda_items USING btree (panel_id, papers_released_on, window_closes_on);
CREATE TRIGGER agenda_items_audit_delete AFTER DELETE ON public.agenda_items REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('AgendaItem');
CREATE TRIGGER agenda_items_audit_import AFTER INSERT ON public.agenda_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('AgendaItem');
CREATE TRIGGER agenda_items_audit_insert AFTER INSERT ON public.agenda_items REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('AgendaItem');
CREATE TRIGGER agenda_items_audit_truncate AFTER TRUNCATE ON public.agenda_items FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('AgendaItem');
CREATE TRIGGER agenda_items_audit_update AFTER UPDATE ON public.agenda_items REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('AgendaItem');
ALTER TABLE agenda_items ENABLE ROW LEVEL SECURITY;
ALTER TABLE agenda_items FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON agenda_items AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY tenant ON agenda_items AS PERMISSIVE FOR ALL TO apse_app USING (((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL) AND ((child_authority IS NULL) OR (child_authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))))) WITH CHECK (((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL) AND ((child_authority IS NULL) OR (child_authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])))));
GRANT SELECT, INSERT, UPDATE ON TABLE agenda_items TO apse_app;
GRANT SELECT ON TABLE agenda_items TO apse_reporting;

CREATE TABLE audit_chain_heads (
  chain text NOT NULL,
  seq bigint NOT NULL,
  hash text NOT NULL
);
ALTER TABLE audit_chain_heads ADD CONSTRAINT audit_chain_heads_pkey PRIMARY KEY (chain);

CREATE TABLE audit_chain_signed (
  chain text NOT NULL,
  events bigint NOT NULL,
  head text NOT NULL,
  checkpoint_seq bigint NOT NULL
);
ALTER TABLE audit_chain_signed ADD CONSTRAINT audit_chain_signed_pkey PRIMARY KEY (chain);

CREATE TABLE audit_checkpoints (
  seq bigint NOT NULL,
  signed_at timestamp(3) with time zone NOT NULL,
  prev_hash text NOT NULL,
  chains jsonb NOT NULL,
  hash text NOT NULL,
  key_id text NOT NULL,
  signature text NOT NULL
);
ALTER TABLE audit_checkpoints ADD CONSTRAINT audit_checkpoints_pkey PRIMARY KEY (seq);
CREATE TRIGGER audit_checkpoints_append_only BEFORE DELETE OR UPDATE ON public.audit_checkpoints FOR EACH ROW EXECUTE FUNCTION audit_refuse_edit();
CREATE TRIGGER audit_checkpoints_no_truncate BEFORE TRUNCATE ON public.audit_checkpoints FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_edit();

CREATE TABLE audit_column_classes (
  subject_type text NOT NULL,
  column_name text NOT NULL,
  class text NOT NULL
);
ALTER TABLE audit_column_classes ADD CONSTRAINT audit_column_classes_class_check CHECK ((class = ANY (ARRAY['case'::text, 'identifying'::text, 'special'::text, 'criminalOffence'::text, 'birthFamily'::text, 'narrative'::text])));
ALTER TABLE audit_column_classes ADD CONSTRAINT audit_column_classes_pkey PRIMARY KEY (subject_type, column_name);
GRANT SELECT ON TABLE audit_column_classes TO apse_app;

CREATE TABLE audit_digest_key (
  only_row boolean DEFAULT true NOT NULL,
  key text NOT NULL
);
ALTER TABLE audit_digest_key ADD CONSTRAINT audit_digest_key_only_row_check CHECK (only_row);
ALTER TABLE audit_digest_key ADD CONSTRAINT audit_digest_key_pkey PRIMARY KEY (only_row);

CREATE TABLE audit_events (
  id bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
  chain text NOT NULL,
  seq bigint NOT NULL,
  at timestamp(3) with time zone NOT NULL,
  request_id text,
  staff_id uuid,
  roles text NOT NULL,
  action text NOT NULL,
  outcome text NOT NULL,
  subject_type text NOT NULL,
  subject_id uuid,
  fields text[] DEFAULT '{}'::text[] NOT NULL,
  reason text,
  changes jsonb,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  subject_ids uuid[],
  link_version smallint DEFAULT 1 NOT NULL,
  policy_version text,
  client_request_id text,
  authorities authority[],
  criteria jsonb
);
ALTER TABLE audit_events ADD CONSTRAINT audit_events_outcome_check CHECK ((outcome = ANY (ARRAY['ALLOWED'::text, 'REFUSED'::text])));
ALTER TABLE audit_events ADD CONSTRAINT audit_events_pkey PRIMARY KEY (id);
ALTER TABLE audit_events ADD CONSTRAINT one_link_per_position UNIQUE (chain, seq);
CREATE INDEX audit_events_at_idx ON public.audit_events USING btree (at DESC, id DESC);
CREATE INDEX audit_events_staff_idx ON public.audit_events USING btree (staff_id, at DESC);
CREATE INDEX audit_events_subject_idx ON public.audit_events USING btree (subject_id, at DESC);
CREATE INDEX audit_events_subjects_idx ON public.audit_events USING gin (subject_ids) WHERE (subject_ids IS NOT NULL);
CREATE TRIGGER audit_events_append_only BEFORE DELETE OR UPDATE ON public.audit_events FOR EACH ROW EXECUTE FUNCTION audit_refuse_edit();
CREATE TRIGGER audit_events_no_truncate BEFORE TRUNCATE ON public.audit_events FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_edit();
ALTER TABLE audit_events ENABLE ROW LEVEL SECURITY;
CREATE POLICY auditors_read ON audit_events AS PERMISSIVE FOR SELECT TO apse_app USING ((( SELECT app_audits_partnership() AS app_audits_partnership) OR (authorities && ( SELECT app_audited_authorities() AS app_audited_authorities))));
GRANT SELECT ON TABLE audit_events TO apse_app;

CREATE TABLE budget_contributions (
  financial_year text NOT NULL,
  authority authority NOT NULL,
  contribution numeric(12,2) NOT NULL,
  underspend_share numeric(12,2),
  contribution_illustrative boolean DEFAULT false NOT NULL,
  underspend_share_illustrative boolean DEFAULT false NOT NULL
);
ALTER TABLE budget_contributions ADD CONSTRAINT budget_contributions_contribution_check CHECK ((contribution >= (0)::numeric));
ALTER TABLE budget_contributions ADD CONSTRAINT budget_contributions_financial_year_fkey FOREIGN KEY (financial_year) REFERENCES budget_years(financial_year);
ALTER TABLE budget_contributions ADD CONSTRAINT budget_contributions_pkey PRIMARY KEY (financial_year, authority);
ALTER TABLE budget_contributions ADD CONSTRAINT budget_contributions_underspend_share_check CHECK ((underspend_share >= (0)::numeric));
CREATE TRIGGER budget_contributions_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.budget_contributions FOR EACH ROW EXECUTE FUNCTION audit_row_changed('BudgetContribution');
CREATE TRIGGER budget_contributions_audit_import AFTER INSERT ON public.budget_contributions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('BudgetContribution');
CREATE TRIGGER budget_contributions_audit_truncate AFTER TRUNCATE ON public.budget_contributions FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('BudgetContribution');
ALTER TABLE budget_contributions ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_contributions FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON budget_contributions AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE budget_contributions TO apse_app;

CREATE TABLE budget_years (
  financial_year text NOT NULL,
  operating_budget numeric(12,2) NOT NULL,
  spend numeric(12,2) NOT NULL,
  underspend_treatment underspend_treatment DEFAULT 'NOT_DECIDED'::underspend_treatment NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  illustrative boolean DEFAULT false NOT NULL
);
ALTER TABLE budget_years ADD CONSTRAINT budget_years_financial_year_check CHECK ((financial_year ~ '^[0-9]{4}-[0-9]{2}$'::text));
ALTER TABLE budget_years ADD CONSTRAINT budget_years_operating_budget_check CHECK ((operating_budget >= (0)::numeric));
ALTER TABLE budget_years ADD CONSTRAINT budget_years_pkey PRIMARY KEY (financial_year);
ALTER TABLE budget_years ADD CONSTRAINT budget_years_spend_check CHECK ((spend >= (0)::numeric));
CREATE TRIGGER budget_years_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.budget_years FOR EACH ROW EXECUTE FUNCTION audit_row_changed('BudgetYear');
CREATE TRIGGER budget_years_audit_import AFTER INSERT ON public.budget_years REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('BudgetYear');
CREATE TRIGGER budget_years_audit_truncate AFTER TRUNCATE ON public.budget_years FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('BudgetYear');
ALTER TABLE budget_years ENABLE ROW LEVEL SECURITY;
ALTER TABLE budget_years FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON budget_years AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE budget_years TO apse_app;

CREATE TABLE child_decisions (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  kind child_decision_kind NOT NULL,
  outcome decision_outcome DEFAULT 'APPROVED'::decision_outcome NOT NULL,
  match_id uuid,
  decided_on date NOT NULL,
  rationale text NOT NULL,
  decided_by uuid NOT NULL,
  rescinded_on date,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE child_decisions ADD CONSTRAINT child_decisions_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE child_decisions ADD CONSTRAINT child_decisions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES staff(id);
ALTER TABLE child_decisions ADD CONSTRAINT child_decisions_match_id_fkey FOREIGN KEY (match_id) REFERENCES matches(id);
ALTER TABLE child_decisions ADD CONSTRAINT child_decisions_pkey PRIMARY KEY (id);
ALTER TABLE child_decisions ADD CONSTRAINT match_decisions_name_the_match CHECK (((kind = 'MATCH'::child_decision_kind) = (match_id IS NOT NULL)));
CREATE INDEX child_decisions_authority_idx ON public.child_decisions USING btree (authority);
CREATE INDEX child_decisions_child_idx ON public.child_decisions USING btree (child_id);
CREATE INDEX child_decisions_month_idx ON public.child_decisions USING btree (kind, authority, decided_on);
CREATE UNIQUE INDEX child_decisions_one_live_plan_idx ON public.child_decisions USING btree (child_id) WHERE ((kind = 'ADOPTION_PLAN'::child_decision_kind) AND (rescinded_on IS NULL));
CREATE UNIQUE INDEX child_decisions_one_per_match_idx ON public.child_decisions USING btree (match_id) WHERE (kind = 'MATCH'::child_decision_kind);
CREATE TRIGGER child_decisions_audit_delete AFTER DELETE ON public.child_decisions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('ChildDecision');
CREATE TRIGGER child_decisions_audit_import AFTER INSERT ON public.child_decisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('ChildDecision');
CREATE TRIGGER child_decisions_audit_insert AFTER INSERT ON public.child_decisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('ChildDecision');
CREATE TRIGGER child_decisions_audit_truncate AFTER TRUNCATE ON public.child_decisions FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('ChildDecision');
CREATE TRIGGER child_decisions_audit_update AFTER UPDATE ON public.child_decisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('ChildDecision');
ALTER TABLE child_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON child_decisions AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON child_decisions AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON child_decisions AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON child_decisions AS RESTRICTIVE FOR SELECT TO apse_app USING ((NOT child_record_hidden(child_id, false)));
CREATE POLICY tenant ON child_decisions AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE child_decisions TO apse_app;
GRANT SELECT ON TABLE child_decisions TO apse_reporting;

CREATE TABLE child_restrictions (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  category restriction_category NOT NULL,
  allowed_staff_ids uuid[] DEFAULT '{}'::uuid[] NOT NULL,
  reason text NOT NULL,
  review_by date NOT NULL,
  restricted_by uuid NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_allowed_check CHECK ((cardinality(allowed_staff_ids) <= 50));
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_one_per_child UNIQUE (child_id);
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_pkey PRIMARY KEY (id);
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 4000)));
ALTER TABLE child_restrictions ADD CONSTRAINT child_restrictions_restricted_by_fkey FOREIGN KEY (restricted_by) REFERENCES staff(id);
CREATE INDEX child_restrictions_allowed_idx ON public.child_restrictions USING gin (allowed_staff_ids);
CREATE INDEX child_restrictions_review_idx ON public.child_restrictions USING btree (authority, review_by);
CREATE TRIGGER child_restrictions_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.child_restrictions FOR EACH ROW EXECUTE FUNCTION audit_row_changed('ChildRestriction');
CREATE TRIGGER child_restrictions_audit_import AFTER INSERT ON public.child_restrictions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('ChildRestriction');
CREATE TRIGGER child_restrictions_audit_truncate AFTER TRUNCATE ON public.child_restrictions FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('ChildRestriction');
ALTER TABLE child_restrictions ENABLE ROW LEVEL SECURITY;
ALTER TABLE child_restrictions FORCE ROW LEVEL SECURITY;
CREATE POLICY adm_or_named ON child_restrictions AS PERMISSIVE FOR ALL TO apse_app USING (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_staff_id() AS app_staff_id) = ANY (allowed_staff_ids)))) WITH CHECK ((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)));
CREATE POLICY restriction_lookups ON child_restrictions AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
GRANT SELECT, INSERT, UPDATE ON TABLE child_restrictions TO apse_app;
GRANT SELECT (allowed_staff_ids) ON TABLE child_restrictions TO apse_reporting;
GRANT SELECT (child_id) ON TABLE child_restrictions TO apse_reporting;

CREATE TABLE children (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  authority authority NOT NULL,
  stage child_stage DEFAULT 'CONSIDERING_ADOPTION'::child_stage NOT NULL,
  first_name text NOT NULL,
  last_name text NOT NULL,
  date_of_birth date NOT NULL,
  nhs_number text,
  sex text,
  ethnicity text,
  religion text,
  disability text,
  health_needs text,
  birth_family_background text,
  entered_care_on date NOT NULL,
  adoption_plan_decided_on date,
  placement_order_granted_on date,
  early_permanence_placed_on date,
  matched_on date,
  placed_on date,
  adoption_order_granted_on date,
  plan_changed_on date,
  created_by uuid NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  plan_change_reason text,
  disrupted_on date,
  restriction_category restriction_category
);
ALTER TABLE children ADD CONSTRAINT adopted_children_are_sealed CHECK (((adoption_order_granted_on IS NULL) OR (restriction_category IS NOT NULL)));
ALTER TABLE children ADD CONSTRAINT children_check CHECK ((entered_care_on >= date_of_birth));
ALTER TABLE children ADD CONSTRAINT children_created_by_fkey FOREIGN KEY (created_by) REFERENCES staff(id);
ALTER TABLE children ADD CONSTRAINT children_first_name_check CHECK (((length(first_name) >= 1) AND (length(first_name) <= 100)));
ALTER TABLE children ADD CONSTRAINT children_last_name_check CHECK (((length(last_name) >= 1) AND (length(last_name) <= 100)));
ALTER TABLE children ADD CONSTRAINT children_nhs_number_check CHECK ((nhs_number ~ '^[0-9]{10}$'::text));
ALTER TABLE children ADD CONSTRAINT children_pkey PRIMARY KEY (id);
CREATE INDEX children_adoption_order_idx ON public.children USING btree (adoption_order_granted_on);
CREATE INDEX children_authority_journey_order_idx ON public.children USING btree (authority, stage, entered_care_on, id);
CREATE INDEX children_authority_order_idx ON public.children USING btree (authority, created_at, id);
CREATE INDEX children_authority_stage_order_idx ON public.children USING btree (authority, stage, created_at, id);
CREATE INDEX children_order_idx ON public.children USING btree (created_at, id);
CREATE INDEX children_restricted_idx ON public.children USING btree (authority, restriction_category) WHERE (restriction_category IS NOT NULL);
CREATE TRIGGER children_audit_delete AFTER DELETE ON public.children REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Child');
CREATE TRIGGER children_audit_import AFTER INSERT ON public.children REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Child');
CREATE TRIGGER children_audit_insert AFTER INSERT ON public.children REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Child');
CREATE TRIGGER children_audit_truncate AFTER TRUNCATE ON public.children FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Child');
CREATE TRIGGER children_audit_update AFTER UPDATE ON public.children REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Child');
ALTER TABLE children ENABLE ROW LEVEL SECURITY;
ALTER TABLE children FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON children AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON children AS PERMISSIVE FOR SELECT TO apse_app USING ((id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON children AS PERMISSIVE FOR SELECT TO apse_app USING ((id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON children AS RESTRICTIVE FOR SELECT TO apse_app USING (((restriction_category IS NULL) OR (restriction_category = 'ADOPTION'::restriction_category) OR (COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])) OR ((restriction_category = ANY (ARRAY['HIGH_PROFILE'::restriction_category, 'HIGH_RISK'::restriction_category])) AND (id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])))));
CREATE POLICY tenant ON children AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE children TO apse_app;
GRANT SELECT ON TABLE children TO apse_reporting;

CREATE TABLE disruptions (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  placement_id uuid NOT NULL,
  disrupted_on date NOT NULL,
  meeting_on date NOT NULL,
  reason text NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE disruptions ADD CONSTRAINT disruptions_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE disruptions ADD CONSTRAINT disruptions_pkey PRIMARY KEY (id);
ALTER TABLE disruptions ADD CONSTRAINT disruptions_placement_id_fkey FOREIGN KEY (placement_id) REFERENCES placements(id);
ALTER TABLE disruptions ADD CONSTRAINT disruptions_placement_id_key UNIQUE (placement_id);
ALTER TABLE disruptions ADD CONSTRAINT disruptions_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
ALTER TABLE disruptions ADD CONSTRAINT meeting_after_disruption CHECK ((meeting_on >= disrupted_on));
CREATE INDEX disruptions_child_idx ON public.disruptions USING btree (child_id);
CREATE INDEX disruptions_month_idx ON public.disruptions USING btree (authority, disrupted_on);
CREATE TRIGGER disruptions_audit_delete AFTER DELETE ON public.disruptions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Disruption');
CREATE TRIGGER disruptions_audit_import AFTER INSERT ON public.disruptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Disruption');
CREATE TRIGGER disruptions_audit_insert AFTER INSERT ON public.disruptions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Disruption');
CREATE TRIGGER disruptions_audit_truncate AFTER TRUNCATE ON public.disruptions FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Disruption');
CREATE TRIGGER disruptions_audit_update AFTER UPDATE ON public.disruptions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Disruption');
ALTER TABLE disruptions ENABLE ROW LEVEL SECURITY;
ALTER TABLE disruptions FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON disruptions AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON disruptions AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON disruptions AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON disruptions AS RESTRICTIVE FOR SELECT TO apse_app USING ((NOT child_record_hidden(child_id, false)));
CREATE POLICY tenant ON disruptions AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE disruptions TO apse_app;
GRANT SELECT ON TABLE disruptions TO apse_reporting;

CREATE TABLE emergency_access_bars (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  staff_id uuid NOT NULL,
  authority authority NOT NULL,
  barred_by_review uuid NOT NULL,
  barred_at timestamp(3) with time zone NOT NULL,
  lifted_by uuid,
  lifted_reason text,
  lifted_at timestamp(3) with time zone
);
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_barred_by_review_fkey FOREIGN KEY (barred_by_review) REFERENCES emergency_accesses(id);
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_lifted_by_fkey FOREIGN KEY (lifted_by) REFERENCES staff(id);
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_lifted_check CHECK ((((lifted_by IS NULL) = (lifted_at IS NULL)) AND ((lifted_by IS NULL) = (lifted_reason IS NULL))));
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_one_per_review UNIQUE (barred_by_review);
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_pkey PRIMARY KEY (id);
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_reason_check CHECK (((length(lifted_reason) >= 1) AND (length(lifted_reason) <= 4000)));
ALTER TABLE emergency_access_bars ADD CONSTRAINT emergency_access_bars_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id);
CREATE INDEX emergency_access_bars_staff_idx ON public.emergency_access_bars USING btree (staff_id) WHERE (lifted_at IS NULL);
CREATE TRIGGER emergency_access_bars_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.emergency_access_bars FOR EACH ROW EXECUTE FUNCTION audit_row_changed('EmergencyAccessBar');
CREATE TRIGGER emergency_access_bars_audit_import AFTER INSERT ON public.emergency_access_bars REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('EmergencyAccessBar');
CREATE TRIGGER emergency_access_bars_audit_truncate AFTER TRUNCATE ON public.emergency_access_bars FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('EmergencyAccessBar');
ALTER TABLE emergency_access_bars ENABLE ROW LEVEL SECURITY;
ALTER TABLE emergency_access_bars FORCE ROW LEVEL SECURITY;
CREATE POLICY holder_and_reviewers_read ON emergency_access_bars AS PERMISSIVE FOR SELECT TO apse_app USING (((staff_id = ( SELECT app_staff_id() AS app_staff_id)) OR (COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[])))));
CREATE POLICY reviewers_bar ON emergency_access_bars AS PERMISSIVE FOR INSERT TO apse_app WITH CHECK (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[])))));
CREATE POLICY reviewers_review ON emergency_access_bars AS PERMISSIVE FOR UPDATE TO apse_app USING (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[]))))) WITH CHECK (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[])))));
GRANT SELECT, INSERT, UPDATE ON TABLE emergency_access_bars TO apse_app;

CREATE TABLE emergency_accesses (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  staff_id uuid NOT NULL,
  reason text NOT NULL,
  granted_at timestamp(3) with time zone NOT NULL,
  expires_at timestamp(3) with time zone NOT NULL,
  outcome emergency_access_outcome,
  note text,
  reviewed_by uuid,
  reviewed_at timestamp(3) with time zone
);
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_note_check CHECK (((length(note) >= 1) AND (length(note) <= 4000)));
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_period_check CHECK (((expires_at > granted_at) AND (expires_at <= (granted_at + '24:00:00'::interval))));
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_pkey PRIMARY KEY (id);
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 4000)));
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_review_check CHECK ((((outcome IS NULL) = (reviewed_by IS NULL)) AND ((outcome IS NULL) = (reviewed_at IS NULL))));
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_reviewed_by_fkey FOREIGN KEY (reviewed_by) REFERENCES staff(id);
ALTER TABLE emergency_accesses ADD CONSTRAINT emergency_accesses_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id);
CREATE INDEX emergency_accesses_child_idx ON public.emergency_accesses USING btree (child_id);
CREATE INDEX emergency_accesses_review_idx ON public.emergency_accesses USING btree (authority, granted_at);
CREATE INDEX emergency_accesses_staff_idx ON public.emergency_accesses USING btree (staff_id, expires_at);
CREATE TRIGGER emergency_accesses_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.emergency_accesses FOR EACH ROW EXECUTE FUNCTION audit_row_changed('EmergencyAccess');
CREATE TRIGGER emergency_accesses_audit_import AFTER INSERT ON public.emergency_accesses REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('EmergencyAccess');
CREATE TRIGGER emergency_accesses_audit_truncate AFTER TRUNCATE ON public.emergency_accesses FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('EmergencyAccess');
ALTER TABLE emergency_accesses ENABLE ROW LEVEL SECURITY;
ALTER TABLE emergency_accesses FORCE ROW LEVEL SECURITY;
CREATE POLICY holder_and_reviewers_read ON emergency_accesses AS PERMISSIVE FOR SELECT TO apse_app USING (((staff_id = ( SELECT app_staff_id() AS app_staff_id)) OR (COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[])))));
CREATE POLICY holder_breaks_glass ON emergency_accesses AS PERMISSIVE FOR INSERT TO apse_app WITH CHECK (((staff_id = ( SELECT app_staff_id() AS app_staff_id)) AND (outcome IS NULL) AND (EXISTS ( SELECT 1
   FROM emergency_access_child(emergency_accesses.child_id) c(authority, restriction_category)
  WHERE ((c.authority = emergency_accesses.authority) AND (c.restriction_category IS DISTINCT FROM 'STAFF_CONNECTED'::restriction_category))))));
CREATE POLICY reviewers_review ON emergency_accesses AS PERMISSIVE FOR UPDATE TO apse_app USING (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[]))))) WITH CHECK (((COALESCE(current_setting('app.roles'::text, true), ''::text) ~ (('(^|,)ADM:'::text || (authority)::text) || '(/|,|$)'::text)) OR (( SELECT app_audits_partnership() AS app_audits_partnership) OR (authority = ANY (( SELECT app_audited_authorities() AS app_audited_authorities)::authority[])))));
GRANT SELECT, INSERT, UPDATE ON TABLE emergency_accesses TO apse_app;

CREATE TABLE family_finder_allocations (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  family_finder_id uuid NOT NULL,
  allocated_on date NOT NULL,
  ended_on date,
  allocated_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE family_finder_allocations ADD CONSTRAINT family_finder_allocations_allocated_by_fkey FOREIGN KEY (allocated_by) REFERENCES staff(id);
ALTER TABLE family_finder_allocations ADD CONSTRAINT family_finder_allocations_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE family_finder_allocations ADD CONSTRAINT family_finder_allocations_family_finder_id_fkey FOREIGN KEY (family_finder_id) REFERENCES staff(id);
ALTER TABLE family_finder_allocations ADD CONSTRAINT family_finder_allocations_pkey PRIMARY KEY (id);
CREATE INDEX allocations_authority_idx ON public.family_finder_allocations USING btree (authority);
CREATE INDEX allocations_finder_idx ON public.family_finder_allocations USING btree (family_finder_id) WHERE (ended_on IS NULL);
CREATE UNIQUE INDEX allocations_one_live_idx ON public.family_finder_allocations USING btree (child_id) WHERE (ended_on IS NULL);
CREATE INDEX family_finder_allocations_child_idx ON public.family_finder_allocations USING btree (child_id);
CREATE TRIGGER family_finder_allocations_audit_delete AFTER DELETE ON public.family_finder_allocations REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Allocation');
CREATE TRIGGER family_finder_allocations_audit_import AFTER INSERT ON public.family_finder_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Allocation');
CREATE TRIGGER family_finder_allocations_audit_insert AFTER INSERT ON public.family_finder_allocations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Allocation');
CREATE TRIGGER family_finder_allocations_audit_truncate AFTER TRUNCATE ON public.family_finder_allocations FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Allocation');
CREATE TRIGGER family_finder_allocations_audit_update AFTER UPDATE ON public.family_finder_allocations REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Allocation');
ALTER TABLE family_finder_allocations ENABLE ROW LEVEL SECURITY;
ALTER TABLE family_finder_allocations FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON family_finder_allocations AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON family_finder_allocations AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON family_finder_allocations AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY tenant ON family_finder_allocations AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE family_finder_allocations TO apse_app;
GRANT SELECT ON TABLE family_finder_allocations TO apse_reporting;

CREATE TABLE household_decisions (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  household_id uuid NOT NULL,
  outcome household_decision_outcome NOT NULL,
  decided_on date NOT NULL,
  rationale text NOT NULL,
  decided_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE household_decisions ADD CONSTRAINT household_decisions_decided_by_fkey FOREIGN KEY (decided_by) REFERENCES staff(id);
ALTER TABLE household_decisions ADD CONSTRAINT household_decisions_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id);
ALTER TABLE household_decisions ADD CONSTRAINT household_decisions_pkey PRIMARY KEY (id);
CREATE INDEX household_decisions_household_idx ON public.household_decisions USING btree (household_id);
CREATE INDEX household_decisions_month_idx ON public.household_decisions USING btree (outcome, decided_on);
CREATE TRIGGER household_decisions_audit_delete AFTER DELETE ON public.household_decisions REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('HouseholdDecision');
CREATE TRIGGER household_decisions_audit_import AFTER INSERT ON public.household_decisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('HouseholdDecision');
CREATE TRIGGER household_decisions_audit_insert AFTER INSERT ON public.household_decisions REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('HouseholdDecision');
CREATE TRIGGER household_decisions_audit_truncate AFTER TRUNCATE ON public.household_decisions FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('HouseholdDecision');
CREATE TRIGGER household_decisions_audit_update AFTER UPDATE ON public.household_decisions REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('HouseholdDecision');
ALTER TABLE household_decisions ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_decisions FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON household_decisions AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE household_decisions TO apse_app;

CREATE TABLE household_stage_events (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  household_id uuid NOT NULL,
  stage household_stage NOT NULL,
  entered_on date NOT NULL,
  reason text,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE household_stage_events ADD CONSTRAINT household_stage_events_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id);
ALTER TABLE household_stage_events ADD CONSTRAINT household_stage_events_pkey PRIMARY KEY (id);
ALTER TABLE household_stage_events ADD CONSTRAINT household_stage_events_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
CREATE INDEX household_stage_events_household_idx ON public.household_stage_events USING btree (household_id, entered_on);
CREATE INDEX household_stage_events_stage_idx ON public.household_stage_events USING btree (stage, entered_on);
CREATE TRIGGER household_stage_events_audit_delete AFTER DELETE ON public.household_stage_events REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('HouseholdStageEvent');
CREATE TRIGGER household_stage_events_audit_import AFTER INSERT ON public.household_stage_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('HouseholdStageEvent');
CREATE TRIGGER household_stage_events_audit_insert AFTER INSERT ON public.household_stage_events REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('HouseholdStageEvent');
CREATE TRIGGER household_stage_events_audit_truncate AFTER TRUNCATE ON public.household_stage_events FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('HouseholdStageEvent');
CREATE TRIGGER household_stage_events_audit_update AFTER UPDATE ON public.household_stage_events REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('HouseholdStageEvent');
ALTER TABLE household_stage_events ENABLE ROW LEVEL SECURITY;
ALTER TABLE household_stage_events FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON household_stage_events AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE household_stage_events TO apse_app;

CREATE TABLE households (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  reference text NOT NULL,
  stage household_stage NOT NULL,
  stage_entered_on date NOT NULL,
  home_authority authority,
  applicants jsonb NOT NULL,
  address text,
  ethnicity text,
  religion text,
  health_notes text,
  dbs_outcome text,
  min_child_age integer DEFAULT 0 NOT NULL,
  max_child_age integer DEFAULT 17 NOT NULL,
  max_siblings integer DEFAULT 1 NOT NULL,
  needs_they_can_meet text[] DEFAULT '{}'::text[] NOT NULL,
  early_permanence boolean DEFAULT false NOT NULL,
  fast_track boolean DEFAULT false NOT NULL,
  enquiry_on date NOT NULL,
  approved_on date,
  created_by uuid NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  proposed_for authority[] DEFAULT '{}'::authority[] NOT NULL,
  approving_agency text
);
ALTER TABLE households ADD CONSTRAINT age_range CHECK ((min_child_age <= max_child_age));
ALTER TABLE households ADD CONSTRAINT households_applicants_check CHECK (((jsonb_typeof(applicants) = 'array'::text) AND ((jsonb_array_length(applicants) >= 1) AND (jsonb_array_length(applicants) <= 2))));
ALTER TABLE households ADD CONSTRAINT households_approving_agency_check CHECK ((btrim(approving_agency) <> ''::text));
ALTER TABLE households ADD CONSTRAINT households_created_by_fkey FOREIGN KEY (created_by) REFERENCES staff(id);
ALTER TABLE households ADD CONSTRAINT households_max_child_age_check CHECK (((max_child_age >= 0) AND (max_child_age <= 17)));
ALTER TABLE households ADD CONSTRAINT households_max_siblings_check CHECK (((max_siblings >= 1) AND (max_siblings <= 6)));
ALTER TABLE households ADD CONSTRAINT households_min_child_age_check CHECK (((min_child_age >= 0) AND (min_child_age <= 17)));
ALTER TABLE households ADD CONSTRAINT households_pkey PRIMARY KEY (id);
ALTER TABLE households ADD CONSTRAINT households_reference_key UNIQUE (reference);
CREATE INDEX households_approved_on_idx ON public.households USING btree (approved_on);
CREATE INDEX households_order_idx ON public.households USING btree (created_at, id);
CREATE INDEX households_stage_idx ON public.households USING btree (stage, created_at, id);
CREATE TRIGGER households_audit_delete AFTER DELETE ON public.households REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Household');
CREATE TRIGGER households_audit_import AFTER INSERT ON public.households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Household');
CREATE TRIGGER households_audit_insert AFTER INSERT ON public.households REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Household');
CREATE TRIGGER households_audit_truncate AFTER TRUNCATE ON public.households FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Household');
CREATE TRIGGER households_audit_update AFTER UPDATE ON public.households REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Household');
ALTER TABLE households ENABLE ROW LEVEL SECURITY;
ALTER TABLE households FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON households AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY staff_only ON households AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE households TO apse_app;
GRANT SELECT (approving_agency) ON TABLE households TO apse_reporting;
GRANT SELECT (id) ON TABLE households TO apse_reporting;

CREATE TABLE idempotent_responses (
  staff_id uuid NOT NULL,
  key text NOT NULL,
  request_hash text NOT NULL,
  response jsonb NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE idempotent_responses ADD CONSTRAINT idempotent_responses_key_check CHECK ((key ~ '^[A-Za-z0-9._:-]{1,128}$'::text));
ALTER TABLE idempotent_responses ADD CONSTRAINT idempotent_responses_pkey PRIMARY KEY (staff_id, key);
ALTER TABLE idempotent_responses ADD CONSTRAINT idempotent_responses_request_hash_check CHECK ((request_hash ~ '^[0-9a-f]{64}$'::text));
ALTER TABLE idempotent_responses ADD CONSTRAINT idempotent_responses_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id);
CREATE INDEX idempotent_responses_created_at_idx ON public.idempotent_responses USING btree (created_at);
ALTER TABLE idempotent_responses ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotent_responses FORCE ROW LEVEL SECURITY;
CREATE POLICY expired_entries ON idempotent_responses AS PERMISSIVE FOR ALL TO postgres USING ((created_at < (now() - '24:00:00'::interval)));
CREATE POLICY own_entries ON idempotent_responses AS PERMISSIVE FOR ALL TO apse_app USING ((staff_id = ( SELECT app_staff_id() AS app_staff_id))) WITH CHECK ((staff_id = ( SELECT app_staff_id() AS app_staff_id)));
GRANT SELECT, INSERT, DELETE ON TABLE idempotent_responses TO apse_app;

CREATE TABLE illustrative_counts (
  measure text NOT NULL,
  first_day date NOT NULL,
  last_day date NOT NULL,
  reason text NOT NULL
);
ALTER TABLE illustrative_counts ADD CONSTRAINT illustrative_counts_check CHECK ((first_day <= last_day));
ALTER TABLE illustrative_counts ADD CONSTRAINT illustrative_counts_measure_check CHECK ((measure = 'EARLY_PERMANENCE_BY_AUTHORITY'::text));
ALTER TABLE illustrative_counts ADD CONSTRAINT illustrative_counts_pkey PRIMARY KEY (measure, first_day);
CREATE TRIGGER illustrative_counts_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.illustrative_counts FOR EACH ROW EXECUTE FUNCTION audit_row_changed('IllustrativeCount');
CREATE TRIGGER illustrative_counts_audit_import AFTER INSERT ON public.illustrative_counts REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('IllustrativeCount');
CREATE TRIGGER illustrative_counts_audit_truncate AFTER TRUNCATE ON public.illustrative_counts FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('IllustrativeCount');
ALTER TABLE illustrative_counts ENABLE ROW LEVEL SECURITY;
ALTER TABLE illustrative_counts FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON illustrative_counts AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT ON TABLE illustrative_counts TO apse_app;

CREATE TABLE interest_declarations (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  agenda_item_id uuid NOT NULL,
  panel_id uuid NOT NULL,
  child_authority authority,
  staff_id uuid NOT NULL,
  reason text NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_agenda_item_id_fkey FOREIGN KEY (agenda_item_id) REFERENCES agenda_items(id);
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_once_per_member UNIQUE (agenda_item_id, staff_id);
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES panels(id);
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_pkey PRIMARY KEY (id);
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 4000)));
ALTER TABLE interest_declarations ADD CONSTRAINT interest_declarations_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id);
CREATE INDEX interest_declarations_staff_idx ON public.interest_declarations USING btree (staff_id);
CREATE TRIGGER interest_declarations_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.interest_declarations FOR EACH ROW EXECUTE FUNCTION audit_row_changed('InterestDeclaration');
CREATE TRIGGER interest_declarations_audit_import AFTER INSERT ON public.interest_declarations REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('InterestDeclaration');
CREATE TRIGGER interest_declarations_audit_truncate AFTER TRUNCATE ON public.interest_declarations FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('InterestDeclaration');
ALTER TABLE interest_declarations ENABLE ROW LEVEL SECURITY;
ALTER TABLE interest_declarations FORCE ROW LEVEL SECURITY;
CREATE POLICY declarer_and_officers_read ON interest_declarations AS PERMISSIVE FOR SELECT TO apse_app USING (((staff_id = ( SELECT app_staff_id() AS app_staff_id)) OR (COALESCE(current_setting('app.roles'::text, true), ''::text) ~ ('(^|,)PANEL_MEMBER:(CHAIR|VICE_CHAIR|ADVISER)@'::text || (panel_id)::text))));
CREATE POLICY member_declares ON interest_declarations AS PERMISSIVE FOR INSERT TO apse_app WITH CHECK (((staff_id = ( SELECT app_staff_id() AS app_staff_id)) AND (COALESCE(current_setting('app.roles'::text, true), ''::text) ~ ('(^|,)PANEL_MEMBER:([A-Z_]+)@'::text || (panel_id)::text))));
GRANT SELECT, INSERT ON TABLE interest_declarations TO apse_app;

CREATE TABLE matches (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  household_id uuid NOT NULL,
  status match_status DEFAULT 'PROPOSED'::match_status NOT NULL,
  proposed_on date NOT NULL,
  proposed_by uuid NOT NULL,
  approved_on date,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE matches ADD CONSTRAINT matches_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE matches ADD CONSTRAINT matches_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id);
ALTER TABLE matches ADD CONSTRAINT matches_pkey PRIMARY KEY (id);
ALTER TABLE matches ADD CONSTRAINT matches_proposed_by_fkey FOREIGN KEY (proposed_by) REFERENCES staff(id);
ALTER TABLE matches ADD CONSTRAINT matches_refresh_household TRIGGER DEFERRABLE INITIALLY DEFERRED;
CREATE INDEX matches_authority_order_idx ON public.matches USING btree (authority, created_at, id);
CREATE INDEX matches_child_idx ON public.matches USING btree (child_id);
CREATE INDEX matches_household_idx ON public.matches USING btree (household_id);
CREATE UNIQUE INDEX matches_one_open_idx ON public.matches USING btree (child_id) WHERE (status = ANY (ARRAY['PROPOSED'::match_status, 'RECOMMENDED'::match_status, 'APPROVED'::match_status, 'PLACED'::match_status]));
CREATE TRIGGER matches_audit_delete AFTER DELETE ON public.matches REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Match');
CREATE TRIGGER matches_audit_import AFTER INSERT ON public.matches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Match');
CREATE TRIGGER matches_audit_insert AFTER INSERT ON public.matches REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Match');
CREATE TRIGGER matches_audit_truncate AFTER TRUNCATE ON public.matches FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Match');
CREATE TRIGGER matches_audit_update AFTER UPDATE ON public.matches REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Match');
CREATE CONSTRAINT TRIGGER matches_refresh_household AFTER INSERT OR UPDATE OF status ON public.matches DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION match_refreshes_household();
ALTER TABLE matches ENABLE ROW LEVEL SECURITY;
ALTER TABLE matches FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON matches AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON matches AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON matches AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON matches AS RESTRICTIVE FOR SELECT TO apse_app USING ((NOT child_record_hidden(child_id, true)));
CREATE POLICY tenant ON matches AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE matches TO apse_app;
GRANT SELECT ON TABLE matches TO apse_reporting;

CREATE TABLE panel_meetings (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  panel_id uuid NOT NULL,
  meeting_on date NOT NULL,
  papers_released_on date NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE panel_meetings ADD CONSTRAINT one_meeting_a_day UNIQUE (panel_id, meeting_on);
ALTER TABLE panel_meetings ADD CONSTRAINT panel_meetings_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES panels(id);
ALTER TABLE panel_meetings ADD CONSTRAINT panel_meetings_pkey PRIMARY KEY (id);
ALTER TABLE panel_meetings ADD CONSTRAINT papers_before_meeting CHECK ((papers_released_on <= meeting_on));
CREATE INDEX panel_meetings_window_idx ON public.panel_meetings USING btree (panel_id, papers_released_on, meeting_on);
CREATE TRIGGER panel_meetings_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.panel_meetings FOR EACH ROW EXECUTE FUNCTION audit_row_changed('PanelMeeting');
CREATE TRIGGER panel_meetings_audit_import AFTER INSERT ON public.panel_meetings REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('PanelMeeting');
CREATE TRIGGER panel_meetings_audit_truncate AFTER TRUNCATE ON public.panel_meetings FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('PanelMeeting');
ALTER TABLE panel_meetings ENABLE ROW LEVEL SECURITY;
ALTER TABLE panel_meetings FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON panel_meetings AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE panel_meetings TO apse_app;

CREATE TABLE panels (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  name text NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE panels ADD CONSTRAINT panels_name_check CHECK (((length(name) >= 1) AND (length(name) <= 100)));
ALTER TABLE panels ADD CONSTRAINT panels_name_key UNIQUE (name);
ALTER TABLE panels ADD CONSTRAINT panels_pkey PRIMARY KEY (id);
CREATE TRIGGER panels_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.panels FOR EACH ROW EXECUTE FUNCTION audit_row_changed('Panel');
CREATE TRIGGER panels_audit_import AFTER INSERT ON public.panels REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Panel');
CREATE TRIGGER panels_audit_truncate AFTER TRUNCATE ON public.panels FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Panel');
ALTER TABLE panels ENABLE ROW LEVEL SECURITY;
ALTER TABLE panels FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON panels AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE panels TO apse_app;

CREATE TABLE placement_orders (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  basis authority_to_place DEFAULT 'PLACEMENT_ORDER'::authority_to_place NOT NULL,
  granted_on date NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE placement_orders ADD CONSTRAINT placement_orders_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE placement_orders ADD CONSTRAINT placement_orders_pkey PRIMARY KEY (id);
ALTER TABLE placement_orders ADD CONSTRAINT placement_orders_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
CREATE INDEX placement_orders_month_idx ON public.placement_orders USING btree (authority, granted_on);
CREATE UNIQUE INDEX placement_orders_one_per_child_idx ON public.placement_orders USING btree (child_id);
CREATE TRIGGER placement_orders_audit_delete AFTER DELETE ON public.placement_orders REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('PlacementOrder');
CREATE TRIGGER placement_orders_audit_import AFTER INSERT ON public.placement_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('PlacementOrder');
CREATE TRIGGER placement_orders_audit_insert AFTER INSERT ON public.placement_orders REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('PlacementOrder');
CREATE TRIGGER placement_orders_audit_truncate AFTER TRUNCATE ON public.placement_orders FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('PlacementOrder');
CREATE TRIGGER placement_orders_audit_update AFTER UPDATE ON public.placement_orders REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('PlacementOrder');
ALTER TABLE placement_orders ENABLE ROW LEVEL SECURITY;
ALTER TABLE placement_orders FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON placement_orders AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON placement_orders AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON placement_orders AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON placement_orders AS RESTRICTIVE FOR SELECT TO apse_app USING ((NOT child_record_hidden(child_id, false)));
CREATE POLICY tenant ON placement_orders AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE placement_orders TO apse_app;
GRANT SELECT ON TABLE placement_orders TO apse_reporting;

CREATE TABLE placements (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  child_id uuid NOT NULL,
  authority authority NOT NULL,
  household_id uuid NOT NULL,
  match_id uuid,
  kind placement_kind NOT NULL,
  placed_on date NOT NULL,
  moved_in_on date NOT NULL,
  converted_on date,
  ended_on date,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  temporary_foster_carer_approval_on date
);
ALTER TABLE placements ADD CONSTRAINT ends_after_start CHECK (((ended_on IS NULL) OR (ended_on >= placed_on)));
ALTER TABLE placements ADD CONSTRAINT moved_in_by_placement CHECK ((moved_in_on <= placed_on));
ALTER TABLE placements ADD CONSTRAINT placements_child_id_fkey FOREIGN KEY (child_id) REFERENCES children(id);
ALTER TABLE placements ADD CONSTRAINT placements_household_id_fkey FOREIGN KEY (household_id) REFERENCES households(id);
ALTER TABLE placements ADD CONSTRAINT placements_match_id_fkey FOREIGN KEY (match_id) REFERENCES matches(id);
ALTER TABLE placements ADD CONSTRAINT placements_pkey PRIMARY KEY (id);
ALTER TABLE placements ADD CONSTRAINT placements_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
ALTER TABLE placements ADD CONSTRAINT placements_temporary_approval_before_placement CHECK ((temporary_foster_carer_approval_on <= placed_on));
CREATE INDEX placements_child_idx ON public.placements USING btree (child_id);
CREATE INDEX placements_month_idx ON public.placements USING btree (authority, kind, placed_on);
CREATE UNIQUE INDEX placements_one_live_idx ON public.placements USING btree (child_id) WHERE (ended_on IS NULL);
CREATE TRIGGER placements_audit_delete AFTER DELETE ON public.placements REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('Placement');
CREATE TRIGGER placements_audit_import AFTER INSERT ON public.placements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Placement');
CREATE TRIGGER placements_audit_insert AFTER INSERT ON public.placements REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('Placement');
CREATE TRIGGER placements_audit_truncate AFTER TRUNCATE ON public.placements FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Placement');
CREATE TRIGGER placements_audit_update AFTER UPDATE ON public.placements REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('Placement');
ALTER TABLE placements ENABLE ROW LEVEL SECURITY;
ALTER TABLE placements FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON placements AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY emergency_access ON placements AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_granted_children() AS app_granted_children)::uuid[])));
CREATE POLICY named_on_restriction ON placements AS PERMISSIVE FOR SELECT TO apse_app USING ((child_id = ANY (( SELECT app_named_children() AS app_named_children)::uuid[])));
CREATE POLICY restricted_records ON placements AS RESTRICTIVE FOR SELECT TO apse_app USING ((NOT child_record_hidden(child_id, true)));
CREATE POLICY tenant ON placements AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE placements TO apse_app;
GRANT SELECT ON TABLE placements TO apse_reporting;

CREATE TABLE rate_limit_addresses (
  address text NOT NULL,
  window_start timestamp with time zone NOT NULL,
  requests integer NOT NULL
);
ALTER TABLE rate_limit_addresses ADD CONSTRAINT rate_limit_addresses_pkey PRIMARY KEY (address, window_start);
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE rate_limit_addresses TO apse_app;

CREATE TABLE rate_limit_windows (
  staff_id uuid NOT NULL,
  window_start timestamp with time zone NOT NULL,
  requests integer NOT NULL,
  backend integer DEFAULT 0 NOT NULL
);
ALTER TABLE rate_limit_windows ADD CONSTRAINT rate_limit_windows_pkey PRIMARY KEY (staff_id, window_start, backend);
GRANT SELECT, INSERT, UPDATE, DELETE ON TABLE rate_limit_windows TO apse_app;

CREATE TABLE report_quality_feedback (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  panel_id uuid NOT NULL,
  period text NOT NULL,
  rating smallint NOT NULL,
  strengths text NOT NULL,
  improvements text NOT NULL,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE report_quality_feedback ADD CONSTRAINT one_feedback_per_period UNIQUE (panel_id, period);
ALTER TABLE report_quality_feedback ADD CONSTRAINT report_quality_feedback_panel_id_fkey FOREIGN KEY (panel_id) REFERENCES panels(id);
ALTER TABLE report_quality_feedback ADD CONSTRAINT report_quality_feedback_period_check CHECK ((period ~ '^[0-9]{4}-H[12]$'::text));
ALTER TABLE report_quality_feedback ADD CONSTRAINT report_quality_feedback_pkey PRIMARY KEY (id);
ALTER TABLE report_quality_feedback ADD CONSTRAINT report_quality_feedback_rating_check CHECK (((rating >= 1) AND (rating <= 4)));
ALTER TABLE report_quality_feedback ADD CONSTRAINT report_quality_feedback_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
CREATE TRIGGER report_quality_feedback_audit_delete AFTER DELETE ON public.report_quality_feedback REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('ReportQualityFeedback');
CREATE TRIGGER report_quality_feedback_audit_import AFTER INSERT ON public.report_quality_feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('ReportQualityFeedback');
CREATE TRIGGER report_quality_feedback_audit_insert AFTER INSERT ON public.report_quality_feedback REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('ReportQualityFeedback');
CREATE TRIGGER report_quality_feedback_audit_truncate AFTER TRUNCATE ON public.report_quality_feedback FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('ReportQualityFeedback');
CREATE TRIGGER report_quality_feedback_audit_update AFTER UPDATE ON public.report_quality_feedback REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('ReportQualityFeedback');
ALTER TABLE report_quality_feedback ENABLE ROW LEVEL SECURITY;
ALTER TABLE report_quality_feedback FORCE ROW LEVEL SECURITY;
CREATE POLICY staff_only ON report_quality_feedback AS PERMISSIVE FOR ALL TO apse_app USING ((( SELECT app_staff_id() AS app_staff_id) IS NOT NULL));
GRANT SELECT, INSERT, UPDATE ON TABLE report_quality_feedback TO apse_app;

CREATE TABLE role_assignments (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  staff_id uuid NOT NULL,
  role staff_role NOT NULL,
  authority authority,
  panel_id uuid,
  panel_role panel_role,
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  granted_by uuid,
  delegated_from uuid,
  reason text,
  end_reason text
);
ALTER TABLE role_assignments ADD CONSTRAINT assignment_dates_in_order CHECK (((valid_to IS NULL) OR (valid_to >= valid_from)));
ALTER TABLE role_assignments ADD CONSTRAINT panel_members_name_their_panel CHECK (((role = 'PANEL_MEMBER'::staff_role) = ((panel_id IS NOT NULL) AND (panel_role IS NOT NULL))));
ALTER TABLE role_assignments ADD CONSTRAINT partnership_roles_have_no_authority CHECK (((role <> ALL (ARRAY['FAMILY_FINDER'::staff_role, 'PANEL_MEMBER'::staff_role, 'BOARD_DIRECTOR'::staff_role, 'SUPPORT_WORKER'::staff_role, 'ACCESS_ADMIN'::staff_role])) OR (authority IS NULL)));
ALTER TABLE role_assignments ADD CONSTRAINT ppm_lead_has_authority CHECK (((role <> 'PPM_LEAD'::staff_role) OR (authority IS NOT NULL)));
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_delegated_from_fkey FOREIGN KEY (delegated_from) REFERENCES role_assignments(id);
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_end_reason_check CHECK (((length(end_reason) >= 1) AND (length(end_reason) <= 500)));
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_granted_by_fkey FOREIGN KEY (granted_by) REFERENCES staff(id);
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_panel_fk FOREIGN KEY (panel_id) REFERENCES panels(id);
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_pkey PRIMARY KEY (id);
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_reason_check CHECK (((length(reason) >= 1) AND (length(reason) <= 500)));
ALTER TABLE role_assignments ADD CONSTRAINT role_assignments_staff_id_fkey FOREIGN KEY (staff_id) REFERENCES staff(id);
CREATE INDEX role_assignments_staff_idx ON public.role_assignments USING btree (staff_id);
CREATE TRIGGER role_assignments_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.role_assignments FOR EACH ROW EXECUTE FUNCTION audit_row_changed('RoleAssignment');
CREATE TRIGGER role_assignments_audit_import AFTER INSERT ON public.role_assignments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('RoleAssignment');
CREATE TRIGGER role_assignments_audit_truncate AFTER TRUNCATE ON public.role_assignments FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('RoleAssignment');
CREATE TRIGGER role_assignments_do_not_overlap BEFORE INSERT OR UPDATE ON public.role_assignments FOR EACH ROW EXECUTE FUNCTION role_assignments_do_not_overlap();
ALTER TABLE role_assignments ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_admin_adds ON role_assignments AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_has_role('ACCESS_ADMIN'::text));
CREATE POLICY access_admin_changes ON role_assignments AS PERMISSIVE FOR UPDATE TO public USING (app_has_role('ACCESS_ADMIN'::text)) WITH CHECK (app_has_role('ACCESS_ADMIN'::text));
CREATE POLICY everyone_reads ON role_assignments AS PERMISSIVE FOR SELECT TO public USING (true);
GRANT SELECT, INSERT, UPDATE ON TABLE role_assignments TO apse_app;

CREATE TABLE staff (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  username text NOT NULL,
  display_name text NOT NULL,
  active boolean DEFAULT true NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  email text,
  deactivated_on date,
  deactivation_reason text
);
ALTER TABLE staff ADD CONSTRAINT deactivation_recorded_whole CHECK (((deactivated_on IS NULL) = (deactivation_reason IS NULL)));
ALTER TABLE staff ADD CONSTRAINT staff_deactivation_reason_check CHECK (((length(deactivation_reason) >= 1) AND (length(deactivation_reason) <= 500)));
ALTER TABLE staff ADD CONSTRAINT staff_display_name_check CHECK (((length(display_name) >= 1) AND (length(display_name) <= 200)));
ALTER TABLE staff ADD CONSTRAINT staff_email_check CHECK ((email ~ '^[^@\s]{1,64}@[^@\s]{1,190}$'::text));
ALTER TABLE staff ADD CONSTRAINT staff_email_key UNIQUE (email);
ALTER TABLE staff ADD CONSTRAINT staff_pkey PRIMARY KEY (id);
ALTER TABLE staff ADD CONSTRAINT staff_username_check CHECK ((username ~ '^[a-z0-9][a-z0-9._-]{1,62}$'::text));
ALTER TABLE staff ADD CONSTRAINT staff_username_key UNIQUE (username);
CREATE TRIGGER staff_audit_change AFTER INSERT OR DELETE OR UPDATE ON public.staff FOR EACH ROW EXECUTE FUNCTION audit_row_changed('Staff');
CREATE TRIGGER staff_audit_import AFTER INSERT ON public.staff REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('Staff');
CREATE TRIGGER staff_audit_truncate AFTER TRUNCATE ON public.staff FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('Staff');
ALTER TABLE staff ENABLE ROW LEVEL SECURITY;
CREATE POLICY access_admin_adds ON staff AS PERMISSIVE FOR INSERT TO public WITH CHECK (app_has_role('ACCESS_ADMIN'::text));
CREATE POLICY access_admin_changes ON staff AS PERMISSIVE FOR UPDATE TO public USING (app_has_role('ACCESS_ADMIN'::text)) WITH CHECK (app_has_role('ACCESS_ADMIN'::text));
CREATE POLICY everyone_reads ON staff AS PERMISSIVE FOR SELECT TO public USING (true);
GRANT SELECT, INSERT, UPDATE ON TABLE staff TO apse_app;

CREATE TABLE support_assessments (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  support_request_id uuid NOT NULL,
  authority authority NOT NULL,
  completed_on date NOT NULL,
  outcome support_assessment_outcome NOT NULL,
  notes text,
  recorded_by uuid NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE support_assessments ADD CONSTRAINT support_assessments_pkey PRIMARY KEY (id);
ALTER TABLE support_assessments ADD CONSTRAINT support_assessments_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
ALTER TABLE support_assessments ADD CONSTRAINT support_assessments_support_request_id_fkey FOREIGN KEY (support_request_id) REFERENCES support_requests(id);
ALTER TABLE support_assessments ADD CONSTRAINT support_assessments_support_request_id_key UNIQUE (support_request_id);
CREATE INDEX support_assessments_month_idx ON public.support_assessments USING btree (authority, completed_on);
CREATE TRIGGER support_assessments_audit_delete AFTER DELETE ON public.support_assessments REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('SupportAssessment');
CREATE TRIGGER support_assessments_audit_import AFTER INSERT ON public.support_assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('SupportAssessment');
CREATE TRIGGER support_assessments_audit_insert AFTER INSERT ON public.support_assessments REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('SupportAssessment');
CREATE TRIGGER support_assessments_audit_truncate AFTER TRUNCATE ON public.support_assessments FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('SupportAssessment');
CREATE TRIGGER support_assessments_audit_update AFTER UPDATE ON public.support_assessments REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('SupportAssessment');
ALTER TABLE support_assessments ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_assessments FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON support_assessments AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY tenant ON support_assessments AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE support_assessments TO apse_app;
GRANT SELECT ON TABLE support_assessments TO apse_reporting;

CREATE TABLE support_requests (
  id uuid DEFAULT gen_random_uuid() NOT NULL,
  authority authority NOT NULL,
  family_name text NOT NULL,
  summary text NOT NULL,
  received_on date NOT NULL,
  advice_line_call_on date,
  outcome support_outcome,
  recorded_by uuid NOT NULL,
  version integer DEFAULT 1 NOT NULL,
  created_at timestamp(3) with time zone DEFAULT now() NOT NULL,
  updated_at timestamp(3) with time zone DEFAULT now() NOT NULL
);
ALTER TABLE support_requests ADD CONSTRAINT call_after_request CHECK (((advice_line_call_on IS NULL) OR (advice_line_call_on >= received_on)));
ALTER TABLE support_requests ADD CONSTRAINT support_requests_family_name_check CHECK (((length(family_name) >= 1) AND (length(family_name) <= 200)));
ALTER TABLE support_requests ADD CONSTRAINT support_requests_pkey PRIMARY KEY (id);
ALTER TABLE support_requests ADD CONSTRAINT support_requests_recorded_by_fkey FOREIGN KEY (recorded_by) REFERENCES staff(id);
ALTER TABLE support_requests ADD CONSTRAINT support_requests_summary_check CHECK (((length(summary) >= 1) AND (length(summary) <= 4000)));
CREATE INDEX support_requests_month_idx ON public.support_requests USING btree (authority, received_on);
CREATE INDEX support_requests_order_idx ON public.support_requests USING btree (created_at, id);
CREATE TRIGGER support_requests_audit_delete AFTER DELETE ON public.support_requests REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_deleted('SupportRequest');
CREATE TRIGGER support_requests_audit_import AFTER INSERT ON public.support_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_imported('SupportRequest');
CREATE TRIGGER support_requests_audit_insert AFTER INSERT ON public.support_requests REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_inserted('SupportRequest');
CREATE TRIGGER support_requests_audit_truncate AFTER TRUNCATE ON public.support_requests FOR EACH STATEMENT EXECUTE FUNCTION audit_table_truncated('SupportRequest');
CREATE TRIGGER support_requests_audit_update AFTER UPDATE ON public.support_requests REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION audit_rows_updated('SupportRequest');
ALTER TABLE support_requests ENABLE ROW LEVEL SECURITY;
ALTER TABLE support_requests FORCE ROW LEVEL SECURITY;
CREATE POLICY board_aggregates ON support_requests AS PERMISSIVE FOR SELECT TO apse_reporting USING (true);
CREATE POLICY tenant ON support_requests AS PERMISSIVE FOR ALL TO apse_app USING ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[]))) WITH CHECK ((authority = ANY (( SELECT app_authorities() AS app_authorities)::authority[])));
GRANT SELECT, INSERT, UPDATE ON TABLE support_requests TO apse_app;
GRANT SELECT ON TABLE support_requests TO apse_reporting;

CREATE VIEW staff_directory WITH (security_invoker=true) AS
 SELECT s.id,
    s.username,
    s.display_name,
    s.email,
    s.active,
    s.deactivated_on,
    s.created_at,
    ARRAY( SELECT DISTINCT a.role
           FROM role_assignments a
          WHERE a.staff_id = s.id AND role_assignment_live(a.valid_from, a.valid_to, request.today)
          ORDER BY a.role) AS live_roles,
    ARRAY( SELECT DISTINCT COALESCE(a.authority::text, 'PARTNERSHIP'::text) AS scope
           FROM role_assignments a
          WHERE a.staff_id = s.id AND role_assignment_live(a.valid_from, a.valid_to, request.today)
          ORDER BY (COALESCE(a.authority::text, 'PARTNERSHIP'::text))) AS live_scopes,
    ARRAY( SELECT DISTINCT a.panel_id
           FROM role_assignments a
          WHERE a.staff_id = s.id AND role_assignment_live(a.valid_from, a.valid_to, request.today) AND a.panel_id IS NOT NULL
          ORDER BY a.panel_id) AS live_panel_ids
   FROM staff s,
    ( SELECT ( SELECT current_setting('app.today'::text)::date AS current_setting) AS today) request;
GRANT SELECT, UPDATE ON TABLE staff_directory TO apse_app;

CREATE OR REPLACE FUNCTION public.app_audited_authorities()
 RETURNS authority[]
 LANGUAGE sql
 STABLE
AS $function$
       SELECT coalesce(array_agg(m[1]::authority), '{}')
         FROM regexp_matches(coalesce(current_setting('app.roles', true), ''), '(?:^|,)AUDITOR:(BEXLEY|KENT|MEDWAY)(?=[,/]|$)', 'g') AS m
     $function$;
GRANT EXECUTE ON FUNCTION app_audited_authorities() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_audits_partnership()
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
       SELECT coalesce(current_setting('app.roles', true), '') ~ '(^|,)AUDITOR:PARTNERSHIP([,/]|$)'
     $function$;
GRANT EXECUTE ON FUNCTION app_audits_partnership() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_authorities()
 RETURNS authority[]
 LANGUAGE sql
 STABLE
AS $function$
        SELECT string_to_array(nullif(current_setting('app.authorities', true), ''), ',')::authority[]
      $function$;
GRANT EXECUTE ON FUNCTION app_authorities() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_granted_children()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE
AS $function$
             SELECT coalesce(string_to_array(nullif(current_setting('app.granted_children', true), ''), ',')::uuid[], '{}')
           $function$;
GRANT EXECUTE ON FUNCTION app_granted_children() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_has_role(role text)
 RETURNS boolean
 LANGUAGE sql
 STABLE
AS $function$
        SELECT coalesce(current_setting('app.roles', true), '') ~ ('(^|,)' || role || ':')
      $function$;
GRANT EXECUTE ON FUNCTION app_has_role(role text) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_named_children()
 RETURNS uuid[]
 LANGUAGE sql
 STABLE
AS $function$
             SELECT coalesce(string_to_array(nullif(current_setting('app.named_children', true), ''), ',')::uuid[], '{}')
           $function$;
GRANT EXECUTE ON FUNCTION app_named_children() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_now()
 RETURNS timestamp with time zone
 LANGUAGE sql
 STABLE
AS $function$
           SELECT coalesce(nullif(current_setting('app.now', true), '')::timestamptz, now())
         $function$;
GRANT EXECUTE ON FUNCTION app_now() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.app_staff_id()
 RETURNS uuid
 LANGUAGE sql
 STABLE
AS $function$
        SELECT nullif(current_setting('app.staff_id', true), '')::uuid
      $function$;
GRANT EXECUTE ON FUNCTION app_staff_id() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_append(events jsonb)
 RETURNS integer
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
      END $function$;
REVOKE ALL ON FUNCTION audit_append(events jsonb) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_append(events jsonb) TO apse_app;

CREATE OR REPLACE FUNCTION public.audit_chain_report()
 RETURNS TABLE(chain text, events bigint, last_seq bigint, missing_from bigint, missing_to bigint, relinked_seq bigint, edited_seq bigint, edited_id bigint)
 LANGUAGE sql
 STABLE
AS $function$
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
      $function$;
REVOKE ALL ON FUNCTION audit_chain_report() FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_change_event(action text, subject_type text, before jsonb, after jsonb)
 RETURNS jsonb
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
      $function$;
GRANT EXECUTE ON FUNCTION audit_change_event(action text, subject_type text, before jsonb, after jsonb) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_checkpoint_append(new_seq bigint, new_signed_at timestamp with time zone, new_prev_hash text, new_chains jsonb, new_hash text, new_key_id text, new_signature text)
 RETURNS void
 LANGUAGE plpgsql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
      END $function$;
REVOKE ALL ON FUNCTION audit_checkpoint_append(new_seq bigint, new_signed_at timestamp with time zone, new_prev_hash text, new_chains jsonb, new_hash text, new_key_id text, new_signature text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_checkpoint_append(new_seq bigint, new_signed_at timestamp with time zone, new_prev_hash text, new_chains jsonb, new_hash text, new_key_id text, new_signature text) TO apse_app;

CREATE OR REPLACE FUNCTION public.audit_checkpoint_due()
 RETURNS TABLE(seq bigint, prev_hash text, chains jsonb)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
        SELECT coalesce((SELECT max(c.seq) FROM audit_checkpoints c), 0) + 1,
               coalesce((SELECT c.hash FROM audit_checkpoints c ORDER BY c.seq DESC LIMIT 1), repeat('0', 64)),
               coalesce((SELECT jsonb_agg(jsonb_build_object('chain', h.chain, 'events', h.seq, 'head', h.hash) ORDER BY h.chain)
                           FROM audit_chain_heads h LEFT JOIN audit_chain_signed s ON s.chain = h.chain
                          WHERE s.chain IS NULL OR s.events <> h.seq OR s.head <> h.hash), '[]'::jsonb)
      $function$;
REVOKE ALL ON FUNCTION audit_checkpoint_due() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION audit_checkpoint_due() TO apse_app;

CREATE OR REPLACE FUNCTION public.audit_content(e audit_events)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
        SELECT audit_event_text(e.link_version, e.chain, e.seq, e.at, e.request_id, e.staff_id, e.roles, e.action, e.outcome,
                                e.subject_type, e.subject_id, e.subject_ids, e.fields, e.reason, e.changes, e.policy_version,
                                e.client_request_id, e.authorities, e.criteria, e.prev_hash)
      $function$;
GRANT EXECUTE ON FUNCTION audit_content(e audit_events) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_event_text(link_version smallint, chain text, seq bigint, at timestamp with time zone, request_id text, staff_id uuid, roles text, action text, outcome text, subject_type text, subject_id uuid, subject_ids uuid[], fields text[], reason text, changes jsonb, policy_version text, client_request_id text, authorities authority[], criteria jsonb, prev_hash text)
 RETURNS text
 LANGUAGE sql
 STABLE
AS $function$
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
      $function$;
GRANT EXECUTE ON FUNCTION audit_event_text(link_version smallint, chain text, seq bigint, at timestamp with time zone, request_id text, staff_id uuid, roles text, action text, outcome text, subject_type text, subject_id uuid, subject_ids uuid[], fields text[], reason text, changes jsonb, policy_version text, client_request_id text, authorities authority[], criteria jsonb, prev_hash text) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_import_name(relid oid)
 RETURNS text
 LANGUAGE sql
 STABLE
 SET search_path TO 'public'
AS $function$
           SELECT nullif(current_setting('app.import', true), '')
            WHERE pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = relid), 'USAGE')
         $function$;
GRANT EXECUTE ON FUNCTION audit_import_name(relid oid) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_refuse_edit()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        RAISE EXCEPTION 'the access log is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
      END $function$;
GRANT EXECUTE ON FUNCTION audit_refuse_edit() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_row_changed()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
        DECLARE
          ev jsonb;
        BEGIN
          IF TG_OP = 'INSERT' AND audit_import_name(TG_RELID) IS NOT NULL THEN RETURN NULL; END IF;
          ev := audit_change_event(CASE TG_OP WHEN 'INSERT' THEN 'create' ELSE lower(TG_OP) END, TG_ARGV[0],
                                   CASE WHEN TG_OP = 'INSERT' THEN '{}'::jsonb ELSE to_jsonb(OLD) END,
                                   CASE WHEN TG_OP = 'DELETE' THEN '{}'::jsonb ELSE to_jsonb(NEW) END);
          IF ev IS NOT NULL THEN PERFORM audit_append(jsonb_build_array(ev)); END IF;
          RETURN NULL;
        END $function$;
GRANT EXECUTE ON FUNCTION audit_row_changed() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_rows_deleted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('delete', TG_ARGV[0], to_jsonb(o), '{}'::jsonb) AS ev FROM old_rows o) gone WHERE ev IS NOT NULL));
        RETURN NULL;
      END $function$;
GRANT EXECUTE ON FUNCTION audit_rows_deleted() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_rows_imported()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
        DECLARE
          import text := audit_import_name(TG_RELID);
          columns jsonb;
        BEGIN
          IF import IS NULL THEN RETURN NULL; END IF;
          SELECT jsonb_agg(attname ORDER BY attname) INTO columns FROM pg_attribute
           WHERE attrelid = TG_RELID AND attnum > 0 AND NOT attisdropped AND attname NOT IN ('version', 'updated_at', 'created_at');
          -- One event per authority, as a read's: a council's auditor sees the records of that council only.
          PERFORM audit_append((
            SELECT jsonb_agg(jsonb_build_object(
                     'action', 'import', 'subjectType', TG_ARGV[0], 'reason', import, 'subjectIds', g.ids, 'fields', columns,
                     'authorities', (SELECT coalesce(jsonb_agg(DISTINCT a ORDER BY a), '[]') FROM unnest(ARRAY[g.authority, g.child_authority]) AS a
                                      WHERE a IS NOT NULL))
                   ORDER BY g.authority NULLS FIRST, g.child_authority NULLS FIRST)
              FROM (SELECT r->>'authority' AS authority, r->>'child_authority' AS child_authority,
                           jsonb_agg(r->'id') FILTER (WHERE r ? 'id') AS ids
                      FROM new_rows n, to_jsonb(n) AS r GROUP BY 1, 2) AS g));
          RETURN NULL;
        END $function$;
GRANT EXECUTE ON FUNCTION audit_rows_imported() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_rows_inserted()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
        BEGIN
          IF audit_import_name(TG_RELID) IS NOT NULL THEN RETURN NULL; END IF;
          PERFORM audit_append((SELECT jsonb_agg(audit_change_event('create', TG_ARGV[0], '{}'::jsonb, to_jsonb(n))) FROM new_rows n));
          RETURN NULL;
        END $function$;
GRANT EXECUTE ON FUNCTION audit_rows_inserted() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_rows_updated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM audit_append((SELECT jsonb_agg(ev) FROM (
          SELECT audit_change_event('update', TG_ARGV[0], to_jsonb(o), to_jsonb(n)) AS ev
            FROM old_rows o JOIN new_rows n ON n.id = o.id) changed WHERE ev IS NOT NULL));
        RETURN NULL;
      END $function$;
GRANT EXECUTE ON FUNCTION audit_rows_updated() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_subject_authorities(subject_type text, subject_id uuid)
 RETURNS authority[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
      $function$;
ALTER FUNCTION audit_subject_authorities(subject_type text, subject_id uuid) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION audit_subject_authorities(subject_type text, subject_id uuid) FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_table_truncated()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        PERFORM audit_append(jsonb_build_array(jsonb_build_object('action', 'truncate', 'subjectType', TG_ARGV[0])));
        RETURN NULL;
      END $function$;
GRANT EXECUTE ON FUNCTION audit_table_truncated() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_verify()
 RETURNS TABLE(chain text, events bigint, first_broken_seq bigint, first_broken_id bigint)
 LANGUAGE plpgsql
 STABLE
AS $function$
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
      END $function$;
REVOKE ALL ON FUNCTION audit_verify() FROM PUBLIC;

CREATE OR REPLACE FUNCTION public.audit_visible_changes(subject_type text, changes jsonb)
 RETURNS jsonb
 LANGUAGE sql
 STABLE
AS $function$
        SELECT jsonb_object_agg(e.k, CASE WHEN e.v ? 'withheld' OR c.class = 'case' THEN e.v
                                          ELSE jsonb_build_object('withheld', coalesce(c.class, 'unclassified')) END)
          FROM jsonb_each(changes) AS e(k, v)
          LEFT JOIN audit_column_classes c ON c.subject_type = audit_visible_changes.subject_type AND c.column_name = e.k
      $function$;
GRANT EXECUTE ON FUNCTION audit_visible_changes(subject_type text, changes jsonb) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.board_adoptions_by_month(first_day date, last_day date)
 RETURNS TABLE(month text, authority text, adopted integer, "a1Children" integer, "a1Days" double precision, "a2Children" integer, "a2Days" double precision, "a3Children" integer, "a10Children" integer, "a10Days" double precision)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
       #variable_conflict use_column
       BEGIN
         PERFORM board_reader_only();
         RETURN QUERY
         WITH adopted AS (
           SELECT c.authority, c.adoption_order_granted_on AS adopted_on,
                  coalesce(p.converted_on, p.placed_on) - c.entered_care_on AS a1,
                  -- greatest() passes over a NULL: without a placement order there is no A2, not 0.
                  CASE WHEN po.granted_on IS NOT NULL AND d.decided_on IS NOT NULL THEN greatest(d.decided_on - po.granted_on, 0) END AS a2,
                  coalesce(p.converted_on, p.placed_on) < c.entered_care_on + interval '14 months' AS a3,
                  p.moved_in_on - c.entered_care_on AS a10
             FROM children c
             JOIN placements p ON p.child_id = c.id AND p.kind = 'ADOPTIVE' AND p.ended_on IS NULL
             LEFT JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER'
             LEFT JOIN child_decisions d ON d.match_id = p.match_id AND d.kind = 'MATCH' AND d.outcome = 'APPROVED'
            WHERE c.adoption_order_granted_on BETWEEN first_day AND last_day
         )
         SELECT to_char(a.adopted_on, 'YYYY-MM'), a.authority::text, count(*)::int,
                count(a.a1)::int, coalesce(sum(a.a1), 0)::float, count(a.a2)::int, coalesce(sum(a.a2), 0)::float,
                count(*) FILTER (WHERE a.a3)::int, count(a.a10)::int, coalesce(sum(a.a10), 0)::float
           FROM adopted a GROUP BY 1, 2;
       END $function$;
ALTER FUNCTION board_adoptions_by_month(first_day date, last_day date) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION board_adoptions_by_month(first_day date, last_day date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_adoptions_by_month(first_day date, last_day date) TO apse_app;

CREATE OR REPLACE FUNCTION public.board_monthly_by_authority(first_day date, last_month date, last_day date)
 RETURNS TABLE(month text, authority text, "adoptionPlanDecisions" integer, "placementOrders" integer, matches integer, "supportRequests" integer, "supportRequestsProgressed" integer, "supportAssessmentsCompleted" integer, "earlyPermanencePlacements" integer, disruptions integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
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
           -- In the month the call for support came in, so that it is a part of that month's calls.
           SELECT 'progressed', s.authority::text, to_char(s.received_on, 'YYYY-MM'), count(*)
             FROM support_requests s
            WHERE s.advice_line_call_on IS NOT NULL AND s.received_on BETWEEN first_day AND last_day GROUP BY 2, 3
           UNION ALL
           SELECT 'assessment', a.authority::text, to_char(a.completed_on, 'YYYY-MM'), count(*)
             FROM support_assessments a WHERE a.completed_on BETWEEN first_day AND last_day GROUP BY 2, 3
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
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'progressed'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'assessment'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'early'), 0)::int,
                coalesce(sum(c.n) FILTER (WHERE c.measure = 'disruption'), 0)::int
           FROM grid g LEFT JOIN counts c ON c.month = g.month AND c.authority = g.authority
          GROUP BY g.month, g.authority
          ORDER BY g.month, g.authority;
       END $function$;
ALTER FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_monthly_by_authority(first_day date, last_month date, last_day date) TO apse_app;

CREATE OR REPLACE FUNCTION public.board_placements_by_month(first_day date, last_month date, last_day date)
 RETURNS TABLE(month text, "childrenPlaced" integer, "placedWithOtherAgencyAdopters" integer)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
       #variable_conflict use_column
       BEGIN
         PERFORM board_reader_only();
         RETURN QUERY
         WITH months AS (
           SELECT to_char(m, 'YYYY-MM') AS month FROM generate_series(first_day, last_month, interval '1 month') AS m
         ), placed AS (
           SELECT to_char(coalesce(p.converted_on, p.placed_on), 'YYYY-MM') AS month, h.approving_agency IS NOT NULL AS elsewhere
             FROM placements p JOIN households h ON h.id = p.household_id
            WHERE p.kind = 'ADOPTIVE' AND coalesce(p.converted_on, p.placed_on) BETWEEN first_day AND last_day
         )
         SELECT m.month, count(x.month)::int, count(x.month) FILTER (WHERE x.elsewhere)::int
           FROM months m LEFT JOIN placed x ON x.month = m.month
          GROUP BY m.month ORDER BY m.month;
       END $function$;
ALTER FUNCTION board_placements_by_month(first_day date, last_month date, last_day date) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION board_placements_by_month(first_day date, last_month date, last_day date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_placements_by_month(first_day date, last_month date, last_day date) TO apse_app;

CREATE OR REPLACE FUNCTION public.board_reader_only()
 RETURNS void
 LANGUAGE plpgsql
 STABLE
AS $function$
    BEGIN
      IF NOT app_has_role('BOARD_DIRECTOR') THEN
        RAISE EXCEPTION 'board aggregates are for board directors' USING ERRCODE = 'insufficient_privilege';
      END IF;
    END $function$;
GRANT EXECUTE ON FUNCTION board_reader_only() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.board_waiting(day date, characteristics text[])
 RETURNS TABLE(characteristic text, authority text, category text, children integer, "daysWaiting" double precision)
 LANGUAGE plpgsql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
 SET work_mem TO '64MB'
AS $function$
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
      END $function$;
ALTER FUNCTION board_waiting(day date, characteristics text[]) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION board_waiting(day date, characteristics text[]) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_waiting(day date, characteristics text[]) TO apse_app;

CREATE OR REPLACE FUNCTION public.board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text)
 RETURNS text
 LANGUAGE sql
 IMMUTABLE
AS $function$
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
      $function$;
GRANT EXECUTE ON FUNCTION board_waiting_category(characteristic text, day date, date_of_birth date, ethnicity text, disability text) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.board_waiting_children(day date)
 RETURNS TABLE(authority authority, date_of_birth date, ethnicity text, disability text, order_on date)
 LANGUAGE sql
 STABLE
AS $function$
           SELECT c.authority, c.date_of_birth, c.ethnicity, c.disability, po.granted_on AS order_on
             FROM children c
             JOIN placement_orders po ON po.child_id = c.id AND po.basis = 'PLACEMENT_ORDER' AND po.granted_on <= day
            WHERE NOT EXISTS (SELECT 1 FROM placements p
                               WHERE p.child_id = c.id AND p.kind = 'ADOPTIVE' AND coalesce(p.converted_on, p.placed_on) <= day
                                 AND (p.ended_on IS NULL OR p.ended_on > day))
              AND (c.plan_changed_on IS NULL OR c.plan_changed_on > day)
              AND (c.adoption_order_granted_on IS NULL OR c.adoption_order_granted_on > day)
         $function$;
REVOKE ALL ON FUNCTION board_waiting_children(day date) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION board_waiting_children(day date) TO apse_reporting;

CREATE OR REPLACE FUNCTION public.child_record_hidden(child uuid, sealed_too boolean)
 RETURNS boolean
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
           SELECT EXISTS (SELECT 1 FROM children c
                           WHERE c.id = child
                             AND (c.restriction_category IN ('HIGH_PROFILE', 'STAFF_CONNECTED', 'HIGH_RISK') OR (sealed_too AND c.restriction_category = 'ADOPTION'))
                             AND NOT coalesce(current_setting('app.roles', true), '') ~ ('(^|,)ADM:' || c.authority::text || '(/|,|$)') AND NOT child = ANY (app_named_children())
                             AND NOT (c.restriction_category IN ('HIGH_PROFILE', 'HIGH_RISK') AND child = ANY (app_granted_children())))
         $function$;
ALTER FUNCTION child_record_hidden(child uuid, sealed_too boolean) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION child_record_hidden(child uuid, sealed_too boolean) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION child_record_hidden(child uuid, sealed_too boolean) TO apse_app;

CREATE OR REPLACE FUNCTION public.emergency_access_child(child uuid)
 RETURNS TABLE(authority authority, restriction_category restriction_category)
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
           SELECT c.authority, c.restriction_category FROM children c
            WHERE c.id = child AND (app_has_role('ADM') OR app_has_role('PPM_LEAD') OR app_has_role('FAMILY_FINDER'))
         $function$;
ALTER FUNCTION emergency_access_child(child uuid) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION emergency_access_child(child uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION emergency_access_child(child uuid) TO apse_app;

CREATE OR REPLACE FUNCTION public.household_live_proposals(household uuid)
 RETURNS authority[]
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
        SELECT coalesce(array_agg(DISTINCT m.authority ORDER BY m.authority), '{}')
          FROM matches m WHERE m.household_id = household AND m.status IN ('PROPOSED', 'RECOMMENDED', 'APPROVED', 'PLACED')
      $function$;
ALTER FUNCTION household_live_proposals(household uuid) OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION household_live_proposals(household uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION household_live_proposals(household uuid) TO apse_app;

CREATE OR REPLACE FUNCTION public.match_refreshes_household()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        UPDATE households SET proposed_for = household_live_proposals(NEW.household_id)
         WHERE id = NEW.household_id AND proposed_for IS DISTINCT FROM household_live_proposals(NEW.household_id);
        RETURN NULL;
      END $function$;
GRANT EXECUTE ON FUNCTION match_refreshes_household() TO PUBLIC;

CREATE OR REPLACE FUNCTION public.purge_expired_idempotent_responses()
 RETURNS void
 LANGUAGE sql
 SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
           DELETE FROM idempotent_responses WHERE created_at < now() - interval '24 hours'
         $function$;
REVOKE ALL ON FUNCTION purge_expired_idempotent_responses() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION purge_expired_idempotent_responses() TO apse_app;

CREATE OR REPLACE FUNCTION public.restricted_children_naming_me()
 RETURNS SETOF uuid
 LANGUAGE sql
 STABLE SECURITY DEFINER
 SET search_path TO 'public'
AS $function$
           SELECT r.child_id FROM child_restrictions r WHERE r.allowed_staff_ids @> ARRAY[app_staff_id()]
         $function$;
ALTER FUNCTION restricted_children_naming_me() OWNER TO apse_reporting;
REVOKE ALL ON FUNCTION restricted_children_naming_me() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION restricted_children_naming_me() TO apse_app;

CREATE OR REPLACE FUNCTION public.role_assignment_live(valid_from date, valid_to date, day date)
 RETURNS boolean
 LANGUAGE sql
 IMMUTABLE
AS $function$ SELECT valid_from <= day AND (valid_to IS NULL OR day <= valid_to) $function$;
GRANT EXECUTE ON FUNCTION role_assignment_live(valid_from date, valid_to date, day date) TO PUBLIC;

CREATE OR REPLACE FUNCTION public.role_assignments_do_not_overlap()
 RETURNS trigger
 LANGUAGE plpgsql
AS $function$
      BEGIN
        -- One person's assignments are checked one change at a time, so two overlapping grants cannot both pass.
        PERFORM pg_advisory_xact_lock(hashtext('role_assignments:' || NEW.staff_id::text));
        IF EXISTS (SELECT 1 FROM role_assignments o
                    WHERE o.id <> NEW.id AND o.staff_id = NEW.staff_id AND o.role = NEW.role
                      AND o.authority IS NOT DISTINCT FROM NEW.authority AND o.panel_id IS NOT DISTINCT FROM NEW.panel_id
                      AND o.valid_from <= coalesce(NEW.valid_to, 'infinity'::date)
                      AND NEW.valid_from <= coalesce(o.valid_to, 'infinity'::date)) THEN
          RAISE EXCEPTION 'an assignment of this role and scope already holds on some of these days'
            USING ERRCODE = 'unique_violation', CONSTRAINT = 'one_assignment_per_scope_a_day';
        END IF;
        RETURN NEW;
      END $function$;
GRANT EXECUTE ON FUNCTION role_assignments_do_not_overlap() TO PUBLIC;

-- role apse_app: NOLOGIN
-- role apse_reporting: NOLOGIN
