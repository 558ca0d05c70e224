import { DEMO_PANEL_IDS, demoStaff } from '../../seeds/demo-staff';
import type { Random } from '../../seeds/random';
import type { TableWriter } from './bulk-loader';
import { addDays, HISTORY_DAYS, HISTORY_FROM, instantOn } from './timeline';

const PAPERS_DAYS_BEFORE = 7;
/** Meetings are planned a few weeks past AS_OF: the next agendas are set and their papers out. */
const PLANNED_AHEAD_DAYS = 28;
/** Children per bench family finder: with the demo ones, every allocation has a finder. */
const CHILDREN_PER_FINDER = 200;

/** Family finders besides the two demo ones, so that the demo finders' caseloads stay realistic. */
export async function writeBenchFamilyFinders(ids: Random, children: number, staff: TableWriter, roles: TableWriter): Promise<string[]> {
  const finders: string[] = [];
  for (let n = 1; n <= Math.max(2, Math.ceil(children / CHILDREN_PER_FINDER)); n += 1) {
    const id = ids.uuid();
    const number = String(n).padStart(5, '0');
    await staff.add(id, `finder.b${number}`, `Bench family finder ${number}`, `${HISTORY_FROM}T09:00:00.000Z`);
    await roles.add(ids.uuid(), id, 'FAMILY_FINDER', null, HISTORY_FROM);
    finders.push(id);
  }
  return finders;
}

export type Meeting = { id: string; panelId: string; on: string; papersOn: string; chairId: string; adviserId: string };

/** The panels' meetings in date order: at most one a week per panel, so more panels at larger scales. */
export class PanelCalendar {
  private constructor(readonly meetings: readonly Meeting[]) {}

  /** The demo panels and as many bench panels as the meetings need; writes panels and meetings. */
  static async write(
    ids: Random,
    random: Random,
    meetingCount: number,
    panels: TableWriter,
    meetings: TableWriter,
  ): Promise<PanelCalendar> {
    const weeks = Math.floor((HISTORY_DAYS + PLANNED_AHEAD_DAYS) / 7);
    const panelIds: string[] = [...DEMO_PANEL_IDS];
    while (panelIds.length * weeks < meetingCount) {
      const id = ids.uuid();
      await panels.add(id, `Bench panel ${panelIds.length + 1}`, `${HISTORY_FROM}T09:00:00.000Z`);
      panelIds.push(id);
    }
    const all: Meeting[] = [];
    panelIds.forEach((panelId, p) => {
      const count = Math.floor(meetingCount / panelIds.length) + (p < meetingCount % panelIds.length ? 1 : 0);
      const officers = p % 2 === 0 ? { chair: 'panel.1', adviser: 'adviser.1' } : { chair: 'chair.2', adviser: 'adviser.2' };
      for (let k = 0; k < count; k += 1) {
        // Panel p meets on its own weekday, spread evenly over the history.
        const on = addDays(HISTORY_FROM, Math.floor((k * weeks) / count) * 7 + (p % 5));
        all.push({
          id: ids.uuid(),
          panelId,
          on,
          papersOn: addDays(on, -PAPERS_DAYS_BEFORE),
          chairId: demoStaff(officers.chair).id,
          adviserId: demoStaff(officers.adviser).id,
        });
      }
    });
    all.sort((a, b) => (a.on < b.on ? -1 : a.on > b.on ? 1 : 0));
    for (const m of all) await meetings.add(m.id, m.panelId, m.on, m.papersOn, instantOn(random, addDays(m.papersOn, -21)));
    return new PanelCalendar(all);
  }

  /** The first meeting on or after `date`, if any. */
  firstOnOrAfter(date: string): Meeting | undefined {
    return this.meetings[this.countBefore(date)];
  }

  /** The last meeting before `date`, if any. */
  lastBefore(date: string): Meeting | undefined {
    return this.meetings[this.countBefore(date) - 1];
  }

  private countBefore(date: string): number {
    let low = 0;
    let high = this.meetings.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (this.meetings[mid]!.on < date) low = mid + 1;
      else high = mid;
    }
    return low;
  }
}
