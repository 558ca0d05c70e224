import type { Column } from './bulk-loader';

/** The columns the generator writes, per table (defaults and generated columns left to the database). */
export const COLUMNS = {
  staff: [['id', 'uuid'], ['username', 'text'], ['display_name', 'text'], ['created_at', 'timestamptz']],
  role_assignments: [['id', 'uuid'], ['staff_id', 'uuid'], ['role', 'staff_role'], ['authority', 'authority']],
  panels: [['id', 'uuid'], ['name', 'text'], ['created_at', 'timestamptz']],
  panel_meetings: [['id', 'uuid'], ['panel_id', 'uuid'], ['meeting_on', 'date'], ['papers_released_on', 'date'], ['created_at', 'timestamptz']],
  children: [
    ['id', 'uuid'], ['authority', 'authority'], ['stage', 'child_stage'], ['first_name', 'text'], ['last_name', 'text'],
    ['date_of_birth', 'date'], ['nhs_number', 'text'], ['sex', 'text'], ['ethnicity', 'text'], ['religion', 'text'],
    ['disability', 'text'], ['health_needs', 'text'], ['birth_family_background', 'text'], ['entered_care_on', 'date'],
    ['adoption_plan_decided_on', 'date'], ['placement_order_granted_on', 'date'], ['early_permanence_placed_on', 'date'],
    ['matched_on', 'date'], ['placed_on', 'date'], ['adoption_order_granted_on', 'date'], ['plan_changed_on', 'date'],
    ['plan_change_reason', 'text'], ['disrupted_on', 'date'], ['created_by', 'uuid'], ['version', 'int'],
    ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ],
  family_finder_allocations: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['family_finder_id', 'uuid'], ['allocated_on', 'date'],
    ['ended_on', 'date'], ['allocated_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  child_decisions: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['kind', 'child_decision_kind'], ['outcome', 'decision_outcome'],
    ['match_id', 'uuid'], ['decided_on', 'date'], ['rationale', 'text'], ['decided_by', 'uuid'], ['rescinded_on', 'date'],
    ['created_at', 'timestamptz'],
  ],
  placement_orders: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['basis', 'authority_to_place'], ['granted_on', 'date'],
    ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  matches: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['household_id', 'uuid'], ['status', 'match_status'],
    ['proposed_on', 'date'], ['proposed_by', 'uuid'], ['approved_on', 'date'], ['version', 'int'], ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  placements: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['household_id', 'uuid'], ['match_id', 'uuid'],
    ['kind', 'placement_kind'], ['placed_on', 'date'], ['moved_in_on', 'date'], ['converted_on', 'date'], ['ended_on', 'date'],
    ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  disruptions: [
    ['id', 'uuid'], ['child_id', 'uuid'], ['authority', 'authority'], ['placement_id', 'uuid'], ['disrupted_on', 'date'],
    ['meeting_on', 'date'], ['reason', 'text'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  households: [
    ['id', 'uuid'], ['reference', 'text'], ['stage', 'household_stage'], ['stage_entered_on', 'date'], ['home_authority', 'authority'],
    ['applicants', 'jsonb'], ['address', 'text'], ['ethnicity', 'text'], ['religion', 'text'], ['health_notes', 'text'],
    ['dbs_outcome', 'text'], ['min_child_age', 'int'], ['max_child_age', 'int'], ['max_siblings', 'int'],
    ['needs_they_can_meet', 'text[]'], ['early_permanence', 'boolean'], ['fast_track', 'boolean'], ['enquiry_on', 'date'],
    ['approved_on', 'date'], ['created_by', 'uuid'], ['version', 'int'], ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ],
  household_stage_events: [
    ['id', 'uuid'], ['household_id', 'uuid'], ['stage', 'household_stage'], ['entered_on', 'date'], ['reason', 'text'],
    ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  household_decisions: [
    ['id', 'uuid'], ['household_id', 'uuid'], ['outcome', 'household_decision_outcome'], ['decided_on', 'date'], ['rationale', 'text'],
    ['decided_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  agenda_items: [
    ['id', 'uuid'], ['meeting_id', 'uuid'], ['panel_id', 'uuid'], ['meeting_on', 'date'], ['papers_released_on', 'date'],
    ['kind', 'agenda_item_kind'], ['household_id', 'uuid'], ['match_id', 'uuid'], ['child_id', 'uuid'], ['child_authority', 'authority'],
    ['recommendation', 'panel_recommendation'], ['reasons', 'text'], ['recommended_by', 'uuid'], ['scheduled_by', 'uuid'],
    ['created_at', 'timestamptz'], ['updated_at', 'timestamptz'],
  ],
  support_requests: [
    ['id', 'uuid'], ['authority', 'authority'], ['family_name', 'text'], ['summary', 'text'], ['received_on', 'date'],
    ['advice_line_call_on', 'date'], ['outcome', 'support_outcome'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
    ['updated_at', 'timestamptz'],
  ],
  support_assessments: [
    ['id', 'uuid'], ['support_request_id', 'uuid'], ['authority', 'authority'], ['completed_on', 'date'],
    ['outcome', 'support_assessment_outcome'], ['notes', 'text'], ['recorded_by', 'uuid'], ['created_at', 'timestamptz'],
  ],
  audit_events: [
    ['chain', 'text'], ['seq', 'bigint'], ['at', 'timestamptz'], ['request_id', 'text'], ['staff_id', 'uuid'], ['roles', 'text'],
    ['action', 'text'], ['outcome', 'text'], ['subject_type', 'text'], ['subject_id', 'uuid'], ['subject_ids', 'uuid[]'],
    ['fields', 'text[]'],
    ['reason', 'text'], ['changes', 'jsonb'], ['prev_hash', 'text'], ['hash', 'text'],
  ],
  audit_chain_heads: [['chain', 'text'], ['seq', 'bigint'], ['hash', 'text']],
} as const satisfies Record<string, readonly Column[]>;

export type TableName = keyof typeof COLUMNS;
