import { useSeededDatabase } from './seeded-database';

/**
 * The demo data reproduces the partnership's Performance Update, 1 November 2020 – 31 May 2021 (reported
 * to Kent's Children's, Young People and Education Cabinet Committee, 16 November 2021), when its records
 * are counted the way the board view counts them. The expected tables are copied by hand from the published
 * report, not imported from seeds/.
 */
const db = useSeededDatabase();

const MONTHS = ['2020-11', '2020-12', '2021-01', '2021-02', '2021-03', '2021-04', '2021-05'];
const IN_PERIOD = `BETWEEN '2020-11-01' AND '2021-05-31'`;
type ByAuthority = Record<'BEXLEY' | 'KENT' | 'MEDWAY', number[]>;

/** Counts of `table` in the period by authority and month of `dateColumn`, laid out as the report's tables. */
async function countByAuthorityAndMonth(table: string, dateColumn: string, where = 'TRUE'): Promise<ByAuthority> {
  const rows = await db().rows<{ authority: keyof ByAuthority; month: string; n: number }>(`
    SELECT authority::text AS authority, to_char(${dateColumn}, 'YYYY-MM') AS month, count(*)::int AS n
    FROM ${table} WHERE ${where} AND ${dateColumn} ${IN_PERIOD}
    GROUP BY 1, 2`);
  const counts: ByAuthority = { BEXLEY: MONTHS.map(() => 0), KENT: MONTHS.map(() => 0), MEDWAY: MONTHS.map(() => 0) };
  for (const { authority, month, n } of rows) counts[authority][MONTHS.indexOf(month)] = n;
  return counts;
}

/** Counts by month of the rows of `sql`, which selects one date `on` a row. */
async function countByMonth(sql: string, months: string[] = MONTHS): Promise<number[]> {
  const rows = await db().rows<{ month: string; n: number }>(
    `SELECT to_char(t.on, 'YYYY-MM') AS month, count(*)::int AS n FROM (${sql}) t GROUP BY 1`,
  );
  return months.map((month) => rows.find((r) => r.month === month)?.n ?? 0);
}

describe('the monthly tables of the Performance Update', () => {
  it('counts the ADM decisions that adoption is the plan, by authority and month of decision', async () => {
    expect(await countByAuthorityAndMonth('child_decisions', 'decided_on', `kind = 'ADOPTION_PLAN'`)).toEqual({
      BEXLEY: [0, 0, 1, 0, 0, 3, 1],
      KENT: [0, 0, 4, 10, 12, 9, 3],
      MEDWAY: [4, 0, 3, 2, 1, 2, 4],
    });
  });

  it('counts the placement orders granted, by authority and month granted', async () => {
    expect(await countByAuthorityAndMonth('placement_orders', 'granted_on', `basis = 'PLACEMENT_ORDER'`)).toEqual({
      BEXLEY: [5, 1, 0, 2, 0, 0, 1],
      KENT: [7, 3, 1, 3, 3, 1, 8],
      MEDWAY: [3, 2, 2, 2, 1, 3, 1],
    });
  });

  it('counts the children matched (approving ADM match decisions), by authority and month of decision', async () => {
    const where = `kind = 'MATCH' AND outcome = 'APPROVED'`;
    expect(await countByAuthorityAndMonth('child_decisions', 'decided_on', where)).toEqual({
      BEXLEY: [0, 1, 3, 0, 1, 1, 0],
      KENT: [9, 5, 4, 6, 5, 3, 4],
      MEDWAY: [3, 2, 3, 2, 4, 3, 3],
    });
  });

  it('counts the adopter households approved by the partnership, by month of approval', async () => {
    const approvals = `SELECT decided_on AS on FROM household_decisions WHERE outcome = 'APPROVED'`;
    expect(await countByMonth(approvals)).toEqual([8, 9, 7, 5, 3, 13, 8]);
  });

  it('counts the calls for adoption support, by the family’s authority and month received', async () => {
    expect(await countByAuthorityAndMonth('support_requests', 'received_on')).toEqual({
      BEXLEY: [3, 1, 3, 1, 3, 2, 3],
      KENT: [21, 15, 14, 14, 24, 19, 26],
      MEDWAY: [3, 7, 1, 4, 8, 2, 3],
    });
  });
});

describe('the other facts of the period', () => {
  it('follows 141 of the 177 calls for support with an advice-line call within 5 working days', async () => {
    const [calls] = await db().rows(`
      SELECT count(*)::int AS requests, count(advice_line_call_on)::int AS calls,
             count(*) FILTER (WHERE working_days > 5)::int AS late
      FROM support_requests
      CROSS JOIN LATERAL (SELECT count(*) AS working_days
                          FROM generate_series(received_on + 1, advice_line_call_on, '1 day') d
                          WHERE extract(isodow FROM d) < 6) w
      WHERE received_on ${IN_PERIOD}`);
    expect(calls).toEqual({ requests: 177, calls: 141, late: 0 });
  });

  it('completes 82 adoption support assessments in the period: Bexley 9, Kent 65, Medway 8', async () => {
    const rows = await db().rows(`
      SELECT authority::text AS authority, count(*)::int AS n FROM support_assessments
      WHERE completed_on ${IN_PERIOD} GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { authority: 'BEXLEY', n: 9 },
      { authority: 'KENT', n: 65 },
      { authority: 'MEDWAY', n: 8 },
    ]);
  });

  it('records two Medway disruptions, each ending a placement and its match, with a disruption meeting', async () => {
    const rows = await db().rows(`
      SELECT d.authority::text AS authority, d.meeting_on >= d.disrupted_on AS meeting_held,
             p.ended_on = d.disrupted_on AS placement_ended, m.status::text AS match_status
      FROM disruptions d JOIN placements p ON p.id = d.placement_id JOIN matches m ON m.id = p.match_id
      WHERE d.disrupted_on ${IN_PERIOD}`);
    const disruption = { authority: 'MEDWAY', meeting_held: true, placement_ended: true, match_status: 'DISRUPTED' };
    expect(rows).toEqual([disruption, disruption]);
  });

  it('places 20 children in early permanence in the period, each with dual-approved carers', async () => {
    // An early-permanence placement converts in place into the adoptive one, keeping its start date.
    const [placements] = await db().rows(`
      SELECT count(*)::int AS n, count(*) FILTER (WHERE NOT h.early_permanence)::int AS with_adopters_only
      FROM placements p JOIN households h ON h.id = p.household_id
      WHERE (p.kind = 'EARLY_PERMANENCE' OR p.converted_on IS NOT NULL) AND p.placed_on ${IN_PERIOD}`);
    expect(placements).toEqual({ n: 20, with_adopters_only: 0 });
  });

  it('places all but one child of the period with adopters the partnership approved; the other’s agency is named', async () => {
    const rows = await db().rows(`
      SELECT h.approving_agency IS NOT NULL AS elsewhere, count(*)::int AS n,
             count(*) FILTER (WHERE EXISTS (SELECT 1 FROM household_decisions d WHERE d.household_id = h.id))::int AS decided_by_us
      FROM placements p JOIN households h ON h.id = p.household_id
      WHERE p.kind = 'ADOPTIVE' AND coalesce(p.converted_on, p.placed_on) ${IN_PERIOD}
      GROUP BY 1 ORDER BY 1`);
    expect(rows).toEqual([
      { elsewhere: false, n: expect.any(Number), decided_by_us: expect.any(Number) },
      { elsewhere: true, n: 1, decided_by_us: 0 },
    ]);
  });

  const RECRUITMENT_MONTHS = [...MONTHS, '2021-06'];

  it('counts the initial enquiries of November 2020 – June 2021 by month, as households and as events', async () => {
    const enquiries = [55, 9, 4, 8, 33, 4, 16, 20];
    expect(await countByMonth(`SELECT enquiry_on AS on FROM households`, RECRUITMENT_MONTHS)).toEqual(enquiries);
    const events = `SELECT entered_on AS on FROM household_stage_events WHERE stage = 'ENQUIRY'`;
    expect(await countByMonth(events, RECRUITMENT_MONTHS)).toEqual(enquiries);
  });

  it('counts the initial visits of November 2020 – June 2021 by month', async () => {
    const visits = `SELECT entered_on AS on FROM household_stage_events WHERE stage = 'INITIAL_VISIT'`;
    expect(await countByMonth(visits, RECRUITMENT_MONTHS)).toEqual([54, 8, 4, 7, 29, 3, 16, 12]);
  });
});

describe('the other published figures', () => {
  it('grants Medway 18 placement orders from April 2023 to March 2024', async () => {
    const [row] = await db().rows(`
      SELECT count(*)::int AS n FROM placement_orders
      WHERE authority = 'MEDWAY' AND basis = 'PLACEMENT_ORDER' AND granted_on BETWEEN '2023-04-01' AND '2024-03-31'`);
    expect(row).toEqual({ n: 18 });
  });

  it('marks illustrative what the papers do not publish: the early-permanence split, the 2023-24 budget, Bexley’s and Kent’s shares', async () => {
    expect(await db().rows(`SELECT measure, first_day::text, last_day::text FROM illustrative_counts`)).toEqual([
      { measure: 'EARLY_PERMANENCE_BY_AUTHORITY', first_day: '2020-11-01', last_day: '2021-05-31' },
    ]);
    expect(await db().rows(`SELECT financial_year, illustrative, underspend_treatment::text FROM budget_years ORDER BY 1`)).toEqual([
      { financial_year: '2023-24', illustrative: true, underspend_treatment: 'NOT_DECIDED' },
      { financial_year: '2024-25', illustrative: false, underspend_treatment: 'ROLLED_FORWARD' },
    ]);
    const published = await db().rows(`
      SELECT financial_year, authority::text, contribution_illustrative, underspend_share_illustrative
      FROM budget_contributions WHERE authority = 'MEDWAY' OR NOT (contribution_illustrative AND underspend_share_illustrative)
      ORDER BY 1`);
    expect(published).toEqual([
      { financial_year: '2023-24', authority: 'MEDWAY', contribution_illustrative: true, underspend_share_illustrative: false },
      { financial_year: '2024-25', authority: 'MEDWAY', contribution_illustrative: false, underspend_share_illustrative: false },
    ]);
  });
});
