import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The partnership's pooled budget: each financial year, each authority's contribution and share of any underspend. */
export class PooledBudget1795400000700 implements MigrationInterface {
  name = 'PooledBudget1795400000700';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE underspend_treatment AS ENUM ('ROLLED_FORWARD', 'RETURNED')`);
    await q.query(`
      CREATE TABLE budget_years (
        financial_year text PRIMARY KEY CHECK (financial_year ~ '^[0-9]{4}-[0-9]{2}$'),
        operating_budget numeric(12, 2) NOT NULL CHECK (operating_budget >= 0),
        spend numeric(12, 2) NOT NULL CHECK (spend >= 0),
        underspend_treatment underspend_treatment,
        created_at timestamptz(3) NOT NULL DEFAULT now()
      )`);
    await q.query(`
      CREATE TABLE budget_contributions (
        financial_year text NOT NULL REFERENCES budget_years (financial_year),
        authority authority NOT NULL,
        contribution numeric(12, 2) NOT NULL CHECK (contribution >= 0),
        underspend_share numeric(12, 2) CHECK (underspend_share >= 0),
        PRIMARY KEY (financial_year, authority)
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE budget_contributions`);
    await q.query(`DROP TABLE budget_years`);
    await q.query(`DROP TYPE underspend_treatment`);
  }
}
