import type { Pool } from 'pg';
import { CREATION_ORDER } from '../../src/graphql/connection';
import { page } from './page';

type HouseholdRow = {
  id: string;
  reference: string;
  stage: string;
  stage_entered_on: string;
  home_authority: string | null;
  applicants: { firstName: string }[];
  early_permanence: boolean;
  fast_track: boolean;
  approved_on: string | null;
  created_at: Date;
};

const HOUSEHOLDS = `
  SELECT id, reference, stage, stage_entered_on, home_authority, applicants, early_permanence, fast_track, approved_on, created_at
    FROM households ORDER BY created_at, id LIMIT $1`;

/** `households(first)` as a family finder, who reads every household and every field. */
export async function households(pool: Pool, { first }: { first: number }) {
  const { rows } = await pool.query<HouseholdRow>(HOUSEHOLDS, [first + 1]);
  return {
    households: page(
      'households',
      CREATION_ORDER,
      rows,
      first,
      (r) => ({ values: [r.created_at], id: r.id }),
      (r) => ({
        id: r.id,
        reference: r.reference,
        stage: r.stage,
        stageEnteredOn: r.stage_entered_on,
        homeAuthority: r.home_authority,
        applicantFirstNames: r.applicants.map((a) => a.firstName),
        earlyPermanence: r.early_permanence,
        fastTrack: r.fast_track,
        approvedOn: r.approved_on,
        // A family finder never reads a household's criminal-offence data (its DBS outcome).
        redactedFields: ['dbsOutcome'],
      }),
    ),
  };
}

type AuditRow = {
  id: string;
  at: Date;
  staff_id: string | null;
  roles: string;
  action: string;
  outcome: string;
  subject_type: string;
  subject_id: string | null;
  subject_ids: string[] | null;
  fields: string[];
  reason: string | null;
  changes: unknown;
  request_id: string | null;
  chain: string;
  seq: string;
  hash: string;
};

const AUDIT_EVENTS = `
  SELECT id, at, staff_id, roles, action, outcome, subject_type, subject_id, subject_ids, fields, reason, changes, request_id, chain, seq, hash
    FROM audit_events ORDER BY at DESC, id DESC LIMIT $1`;

/** `auditEvents(first)`: the access log, newest first. */
export async function auditEvents(pool: Pool, { first }: { first: number }) {
  const { rows } = await pool.query<AuditRow>(AUDIT_EVENTS, [first + 1]);
  return {
    auditEvents: page(
      'audit_events',
      [{ property: 'at', direction: 'DESC' }],
      rows,
      first,
      (r) => ({ values: [r.at], id: r.id }),
      (r) => ({
        id: r.id,
        at: r.at.toISOString(),
        staffId: r.staff_id,
        role: r.roles,
        action: r.action,
        outcome: r.outcome,
        subjectType: r.subject_type,
        subjectId: r.subject_id,
        subjectIds: r.subject_ids ?? (r.subject_id ? [r.subject_id] : []),
        fields: r.fields,
        reason: r.reason,
        changes: r.changes,
        requestId: r.request_id,
        chain: r.chain,
        seq: r.seq,
        hash: r.hash,
      }),
    ),
  };
}
