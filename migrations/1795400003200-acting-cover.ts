import type { MigrationInterface, QueryRunner } from 'typeorm';

const AUDITED = (lookahead: string) => `
  CREATE OR REPLACE FUNCTION app_audited_authorities() RETURNS authority[]
  LANGUAGE sql STABLE AS $$
       SELECT coalesce(array_agg(m[1]::authority), '{}')
         FROM regexp_matches(coalesce(current_setting('app.roles', true), ''), '(?:^|,)AUDITOR:(BEXLEY|KENT|MEDWAY)(?=${lookahead}|$)', 'g') AS m
     $$`;
const PARTNERSHIP = (after: string) => `
  CREATE OR REPLACE FUNCTION app_audits_partnership() RETURNS boolean
  LANGUAGE sql STABLE AS $$
       SELECT coalesce(current_setting('app.roles', true), '') ~ '(^|,)AUDITOR:PARTNERSHIP(${after}|$)'
     $$`;

/**
 * Acting cover: a role held for a colleague is recorded in the request's roles with whom it is held for
 * ('ADM:KENT/for:<their staff id>'), so every access-log event made under it names both people. An auditor's cover
 * reads the log as the auditor it covers: the settings that Row-Level Security reads a role from allow the suffix.
 */
export class ActingCover1795400003200 implements MigrationInterface {
  name = 'ActingCover1795400003200';

  async up(q: QueryRunner): Promise<void> {
    await q.query(AUDITED('[,/]'));
    await q.query(PARTNERSHIP('[,/]'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(AUDITED(','));
    await q.query(PARTNERSHIP(','));
  }
}
