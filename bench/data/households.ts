import { fakeHouseholdIdentity } from '../../seeds/fake-identities';
import { demoStaff } from '../../seeds/demo-staff';
import type { Random } from '../../seeds/random';
import type { Authority } from '../../src/authz/vocabulary';
import { RECRUITMENT_STAGES, type HouseholdStage } from '../../src/households/household-stage';
import { textArrayLiteral, type TableWriter } from './bulk-loader';
import type { PanelCalendar } from './staff-and-panels';
import { addDays, AS_OF, daysBetween, instantOn } from './timeline';

export type StageEvent = { stage: HouseholdStage; on: string; reason: string | null };

/** When each recruitment stage starts, as a share of the time from enquiry to approval. */
const RECRUITMENT_SHARE = [0, 0.08, 0.16, 0.24, 0.3, 0.45, 0.85];
const HOME_AUTHORITIES: (Authority | null)[] = ['KENT', 'KENT', 'KENT', 'KENT', 'KENT', 'MEDWAY', 'BEXLEY', null];
const RATIONALES = {
  APPROVED: 'Panel recommendation accepted: the applicants are suitable to adopt.',
  NOT_APPROVED: 'Panel recommendation accepted: the assessment does not show suitability to adopt.',
} as const;

export type HouseholdWriters = { households: TableWriter; events: TableWriter; decisions: TableWriter; agenda: TableWriter };

/** Adopter households with their stage history, the partnership ADM's decision and their approval panel. */
export class HouseholdFactory {
  readonly householdIds: string[] = [];
  private count = 0;
  private readonly raa = demoStaff('adm.raa').id;

  constructor(
    private readonly random: Random,
    private readonly ids: Random,
    private readonly calendar: PanelCalendar,
    private readonly finders: readonly string[],
    private readonly out: HouseholdWriters,
  ) {}

  /** Approved some months before `linkedOn`; `later` are the stages its links moved it through. */
  async approvedBefore(linkedOn: string, earlyPermanence: boolean, later: StageEvent[]): Promise<string> {
    const approvedOn = addDays(linkedOn, -this.random.int(20, 300));
    const enquiryOn = addDays(approvedOn, -this.random.int(200, 330));
    const events = this.recruitment(enquiryOn, approvedOn, RECRUITMENT_STAGES.length);
    events.push({ stage: 'APPROVED', on: approvedOn, reason: null }, ...later.filter((e) => e.on <= AS_OF));
    return this.write(enquiryOn, events, { outcome: 'APPROVED', on: approvedOn }, earlyPermanence);
  }

  /** A household recruited from `enquiryOn` that has not been linked: still in recruitment, approved, withdrawn or refused. */
  async unlinked(enquiryOn: string): Promise<void> {
    const random = this.random;
    const approvedOn = addDays(enquiryOn, random.int(180, 330));
    const stops = random.chance(0.35) ? random.int(1, RECRUITMENT_STAGES.length) : RECRUITMENT_STAGES.length;
    const events = this.recruitment(enquiryOn, approvedOn, stops).filter((e) => e.on <= AS_OF);
    let decision: { outcome: 'APPROVED' | 'NOT_APPROVED'; on: string } | null = null;
    const last = events.at(-1)!;
    if (stops < RECRUITMENT_STAGES.length) {
      const withdrawnOn = addDays(last.on, random.int(5, 60));
      if (withdrawnOn <= AS_OF) events.push({ stage: 'WITHDRAWN', on: withdrawnOn, reason: 'The applicants withdrew during assessment' });
    } else if (approvedOn <= AS_OF) {
      decision = { outcome: random.chance(0.06) ? 'NOT_APPROVED' : 'APPROVED', on: approvedOn };
      events.push({ stage: decision.outcome, on: approvedOn, reason: null });
      const reviewOn = addDays(approvedOn, random.int(365, 420));
      if (decision.outcome === 'APPROVED' && reviewOn <= AS_OF && random.chance(0.6)) {
        events.push({ stage: 'WITHDRAWN', on: reviewOn, reason: 'Withdrew after the approval review: no link within a year' });
      }
    }
    await this.write(enquiryOn, events, decision, random.chance(0.1));
  }

  private recruitment(enquiryOn: string, approvedOn: string, stages: number): StageEvent[] {
    const span = daysBetween(enquiryOn, approvedOn);
    return RECRUITMENT_STAGES.slice(0, stages).map((stage, i) => ({
      stage,
      on: addDays(enquiryOn, Math.floor(span * RECRUITMENT_SHARE[i]!)),
      reason: null,
    }));
  }

  private async write(
    enquiryOn: string,
    events: StageEvent[],
    decision: { outcome: 'APPROVED' | 'NOT_APPROVED'; on: string } | null,
    earlyPermanence: boolean,
  ): Promise<string> {
    const { random, ids, out } = this;
    const id = ids.uuid();
    this.householdIds.push(id);
    this.count += 1;
    const finder = random.pick(this.finders);
    const homeAuthority = random.pick(HOME_AUTHORITIES);
    const identity = fakeHouseholdIdentity(random, homeAuthority, enquiryOn);
    const current = events.at(-1)!;
    const createdAt = instantOn(random, enquiryOn);
    const approvedOn = decision?.outcome === 'APPROVED' ? decision.on : null;
    await out.households.add(
      id,
      `H-${enquiryOn.slice(0, 4)}-${String(this.count).padStart(8, '0')}`,
      current.stage,
      current.on,
      homeAuthority,
      JSON.stringify(identity.applicants),
      identity.address,
      identity.ethnicity,
      identity.religion,
      identity.healthNotes,
      events.some((e) => e.stage === 'STAGE_2') ? 'clear' : null,
      identity.minChildAge,
      identity.maxChildAge,
      identity.maxSiblings,
      textArrayLiteral(identity.needsTheyCanMeet),
      earlyPermanence,
      false,
      enquiryOn,
      approvedOn,
      finder,
      events.length,
      createdAt,
      events.length > 1 ? instantOn(random, current.on) : createdAt,
    );
    for (const event of events) {
      const byAdm = event.stage === 'APPROVED' || event.stage === 'NOT_APPROVED';
      await out.events.add(ids.uuid(), id, event.stage, event.on, event.reason, byAdm ? this.raa : finder, instantOn(random, event.on));
    }
    if (decision) {
      const decidedAt = instantOn(random, decision.on);
      await out.decisions.add(ids.uuid(), id, decision.outcome, decision.on, RATIONALES[decision.outcome], this.raa, decidedAt);
      await this.approvalPanel(id, decision);
    }
    return id;
  }

  /** The adopter-approval item of the last meeting before the decision, with its recommendation. */
  private async approvalPanel(householdId: string, decision: { outcome: 'APPROVED' | 'NOT_APPROVED'; on: string }): Promise<void> {
    const meeting = this.calendar.lastBefore(decision.on);
    if (!meeting || daysBetween(meeting.on, decision.on) > 30) return;
    const recommendation = decision.outcome === 'APPROVED' ? 'POSITIVE' : 'NEGATIVE';
    const reasons =
      recommendation === 'POSITIVE'
        ? 'The assessment evidences the capacity to meet a child’s needs.'
        : 'The assessment does not evidence capacity to meet a child’s lifelong needs.';
    await this.out.agenda.add(
      this.ids.uuid(),
      meeting.id,
      meeting.panelId,
      meeting.on,
      meeting.papersOn,
      'ADOPTER_APPROVAL',
      householdId,
      null,
      null,
      null,
      recommendation,
      reasons,
      meeting.chairId,
      meeting.adviserId,
      instantOn(this.random, addDays(meeting.papersOn, -3)),
      instantOn(this.random, meeting.on),
    );
  }
}
