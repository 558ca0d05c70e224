import type { Client } from 'pg';
import { seededRandom } from '../../seeds/random';
import { writeAuditLog } from './audit-log';
import { BulkLoader, type TableWriter } from './bulk-loader';
import { HouseholdFactory } from './households';
import { DEMO_FINDER_CASELOAD, DEMO_FINDERS, JourneyFactory } from './journeys';
import { PanelCalendar, writeBenchFamilyFinders } from './staff-and-panels';
import { writeSupport } from './support';
import { COLUMNS, type TableName } from './tables';
import { HISTORY_DAYS, historyDay } from './timeline';

/** Rows per child, the scale of everything else. */
const HOUSEHOLDS_PER_CHILD = 1 / 5;
const MEETINGS_PER_CHILD = 1 / 100;
const SUPPORT_REQUESTS_PER_CHILD = 1 / 10;
const AUDIT_EVENTS_PER_CHILD = 10;
/** Live allocations per child, a little under what the journeys give, so that the demo caseloads fill late in the history. */
const LIVE_ALLOCATIONS_PER_CHILD = { linked: 0.012, unlinked: 0.45 };

/** Sets every household's `proposed_for` from its live matches, as the trigger on matches keeps it. */
const REFRESH_LIVE_PROPOSED_FOR = `
  UPDATE households h SET proposed_for = household_live_proposals(h.id)
   WHERE h.proposed_for IS DISTINCT FROM household_live_proposals(h.id)`;

export type Phase = { name: string; ms: number };

/**
 * Writes the benchmark's rows through `client`, a superuser connection whose triggers are off
 * (session_replication_role = replica): foreign keys are not checked, so the generator keeps them itself.
 * Deterministic: the same `children` gives the same rows, ids included.
 */
export async function generateBenchData(client: Client, children: number, onPhase: (phase: Phase) => void): Promise<BulkLoader> {
  const loader = new BulkLoader(client);
  const writers = new Map<TableName, TableWriter>();
  const writer = (table: TableName) => writers.get(table) ?? writers.set(table, loader.table(table, COLUMNS[table])).get(table)!;
  const flushAll = async () => {
    for (const w of writers.values()) await w.flush();
    await loader.drain();
  };
  const phase = async (name: string, work: () => Promise<void>) => {
    const started = performance.now();
    await work();
    await flushAll();
    onPhase({ name, ms: performance.now() - started });
  };

  const ids = seededRandom(7001);
  let finders: string[] = [];
  let calendar: PanelCalendar | undefined;
  await phase('staff, panels and meetings', async () => {
    finders = await writeBenchFamilyFinders(ids, children, writer('staff'), writer('role_assignments'));
    calendar = await PanelCalendar.write(
      ids,
      seededRandom(7002),
      Math.max(1, Math.round(children * MEETINGS_PER_CHILD)),
      writer('panels'),
      writer('panel_meetings'),
    );
  });

  const households = new HouseholdFactory(seededRandom(7003), ids, calendar!, finders, {
    households: writer('households'),
    events: writer('household_stage_events'),
    decisions: writer('household_decisions'),
    agenda: writer('agenda_items'),
  });
  const journeys = new JourneyFactory(
    seededRandom(7004),
    ids,
    calendar!,
    households,
    finders,
    {
      children: writer('children'),
      allocations: writer('family_finder_allocations'),
      decisions: writer('child_decisions'),
      placementOrders: writer('placement_orders'),
      matches: writer('matches'),
      placements: writer('placements'),
      disruptions: writer('disruptions'),
      agenda: writer('agenda_items'),
    },
    {
      linked: demoFinderStride(children * LIVE_ALLOCATIONS_PER_CHILD.linked, DEMO_FINDER_CASELOAD.linked),
      unlinked: demoFinderStride(children * LIVE_ALLOCATIONS_PER_CHILD.unlinked, DEMO_FINDER_CASELOAD.unlinked),
    },
  );
  await phase('children and their journeys', async () => {
    // Children enter care evenly over the history, so list order follows the journey's age.
    for (let i = 0; i < children; i += 1) await journeys.child(historyDay(Math.floor((i * HISTORY_DAYS) / children)));
  });

  await phase('households not linked', async () => {
    const unlinked = Math.max(0, Math.round(children * HOUSEHOLDS_PER_CHILD) - households.householdIds.length);
    for (let i = 0; i < unlinked; i += 1) await households.unlinked(historyDay(Math.floor((i * HISTORY_DAYS) / unlinked)));
  });

  // The matches were loaded with triggers off: the households they propose are set from them at once.
  await phase('households proposed for', async () => {
    await client.query(REFRESH_LIVE_PROPOSED_FOR);
  });

  await phase('support', () =>
    writeSupport(
      seededRandom(7005),
      ids,
      Math.round(children * SUPPORT_REQUESTS_PER_CHILD),
      writer('support_requests'),
      writer('support_assessments'),
    ),
  );

  await phase('access log', () =>
    writeAuditLog(
      seededRandom(7006),
      ids,
      children * AUDIT_EVENTS_PER_CHILD,
      { childIds: journeys.childIds, childAuthorities: journeys.childAuthorities, householdIds: households.householdIds },
      writer('audit_events'),
      writer('audit_chain_heads'),
    ),
  );
  return loader;
}

/** Every how many live allocations of a kind one goes to a demo finder, to spread `caseload` each over `expected`. */
function demoFinderStride(expected: number, caseload: number): number {
  return Math.max(1, Math.floor(expected / (caseload * DEMO_FINDERS.length)));
}
