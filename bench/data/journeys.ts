import { demoStaff } from '../../seeds/demo-staff';
import { fakeChildIdentity, fakeNhsNumber } from '../../seeds/fake-identities';
import type { Random } from '../../seeds/random';
import type { Authority } from '../../src/authz/vocabulary';
import type { TableWriter } from './bulk-loader';
import type { HouseholdFactory } from './households';
import { householdStages, planJourney, stageOf, statusOf, type Journey, type Link } from './journey-plan';
import type { Meeting, PanelCalendar } from './staff-and-panels';
import { addDays, AS_OF, earlierOf, instantOn, laterOf } from './timeline';

/**
 * Live allocations each demo family finder gets, a realistic caseload: children linked with a household
 * (so that a child's detail shows matches and households) and children not linked yet.
 */
export const DEMO_FINDER_CASELOAD = { linked: 15, unlinked: 35 };
export const DEMO_FINDERS = [demoStaff('finder.1').id, demoStaff('finder.2').id];

const PLAN_RATIONALE = 'No realistic prospect of return to birth family or kinship care; adoption meets the child’s lifelong needs.';
const MATCH_RATIONALE = 'The adopters can meet the child’s needs described in the CPR; support plan agreed.';
const PANEL_REASONS = 'The panel is satisfied that the match meets the child’s needs.';
const PLAN_CHANGE_REASONS = ['Return to birth family approved by the court', 'Special guardianship order to a relative'];
const DISRUPTION_REASONS = ['The placement broke down: the adopters could not meet the child’s needs', 'Allegation; the child was moved'];

export type ChildWriters = {
  children: TableWriter;
  allocations: TableWriter;
  decisions: TableWriter;
  placementOrders: TableWriter;
  matches: TableWriter;
  placements: TableWriter;
  disruptions: TableWriter;
  agenda: TableWriter;
};

/** Children and every record of their journey, each journey dated from entering care and cut at AS_OF. */
export class JourneyFactory {
  readonly childIds: string[] = [];
  readonly childAuthorities: Authority[] = [];
  private readonly liveAllocations = { linked: 0, unlinked: 0 };
  private readonly demoCaseloads = DEMO_FINDERS.map(() => ({ linked: 0, unlinked: 0 }));

  constructor(
    private readonly random: Random,
    private readonly ids: Random,
    private readonly calendar: PanelCalendar,
    private readonly households: HouseholdFactory,
    private readonly benchFinders: readonly string[],
    private readonly out: ChildWriters,
    /** Every so many live allocations of each kind, one goes to a demo finder, so that their caseloads span the history. */
    private readonly demoFinderStrides: { linked: number; unlinked: number },
  ) {}

  async child(enteredCareOn: string): Promise<void> {
    const r = this.random;
    const u = r.next();
    const authority: Authority = u < 0.5 ? 'KENT' : u < 0.8 ? 'MEDWAY' : 'BEXLEY';
    const id = this.ids.uuid();
    this.childIds.push(id);
    this.childAuthorities.push(authority);
    const ppm = demoStaff(`ppm.${authority.toLowerCase()}`).id;
    const journey = planJourney(r, this.calendar, enteredCareOn);
    const { planOn, changeOn, orderOn, earlyPermanenceOn, link } = journey;
    const identity = fakeChildIdentity(r);
    const dateOfBirth = addDays(enteredCareOn, -ageOnEnteringCare(r, earlyPermanenceOn !== null));
    const milestones = [
      planOn,
      orderOn,
      earlyPermanenceOn,
      link?.decidedOn,
      link?.placedOn,
      link?.adoptedOn,
      changeOn,
      link?.disruption?.on,
    ];
    const recorded = milestones.filter((d): d is string => d != null);
    const createdAt = instantOn(r, earlierOf(addDays(enteredCareOn, r.int(0, 30)), AS_OF));
    const latest = recorded.reduce((a, b) => (a > b ? a : b), '');
    await this.out.children.add(
      id,
      authority,
      stageOf(journey),
      identity.firstName,
      identity.lastName,
      dateOfBirth,
      r.chance(0.9) ? fakeNhsNumber(r) : null,
      identity.sex,
      identity.ethnicity,
      identity.religion,
      identity.disability,
      identity.healthNeeds,
      identity.birthFamilyBackground,
      enteredCareOn,
      planOn,
      orderOn,
      earlyPermanenceOn,
      link?.decidedOn ?? null,
      link?.placedOn ?? null,
      link?.adoptedOn ?? null,
      // An adopted child's record is sealed at the adoption order.
      link?.adoptedOn ? 'ADOPTION' : null,
      changeOn,
      changeOn ? r.pick(PLAN_CHANGE_REASONS) : null,
      link?.disruption?.on ?? null,
      ppm,
      recorded.length + 1,
      createdAt,
      latest > createdAt.slice(0, 10) ? instantOn(r, latest) : createdAt,
    );
    if (planOn) await this.records(id, authority, ppm, journey, planOn);
  }

  private async records(childId: string, authority: Authority, ppm: string, journey: Journey, planOn: string): Promise<void> {
    const { random: r, ids, out } = this;
    const { changeOn, orderOn, earlyPermanenceOn, link } = journey;
    const adm = demoStaff(`adm.${authority.toLowerCase()}`).id;
    await out.decisions.add(
      ids.uuid(),
      childId,
      authority,
      'ADOPTION_PLAN',
      'APPROVED',
      null,
      planOn,
      PLAN_RATIONALE,
      adm,
      changeOn,
      instantOn(r, planOn),
    );
    const endedOn = link?.adoptedOn ?? changeOn;
    const finder = this.finderFor(endedOn === null, link !== null);
    await out.allocations.add(ids.uuid(), childId, authority, finder, planOn, endedOn, ppm, instantOn(r, planOn));
    if (orderOn) {
      await out.placementOrders.add(
        ids.uuid(),
        childId,
        authority,
        r.chance(0.05) ? 'CONSENT' : 'PLACEMENT_ORDER',
        orderOn,
        ppm,
        instantOn(r, orderOn),
      );
    }
    if (!link) return;

    const status = statusOf(link);
    const householdId = await this.households.approvedBefore(link.proposedOn, earlyPermanenceOn !== null, householdStages(link));
    const matchId = ids.uuid();
    const steps = [
      link.meeting && link.meeting.on <= AS_OF ? link.meeting.on : null,
      link.decidedOn,
      link.placedOn,
      link.adoptedOn,
      link.withdrawnOn,
      link.disruption?.on,
    ];
    const changes = steps.filter((d): d is string => d != null);
    const proposedAt = instantOn(r, link.proposedOn);
    await out.matches.add(
      matchId,
      childId,
      authority,
      householdId,
      status,
      link.proposedOn,
      finder,
      link.decidedOn,
      changes.length + 1,
      proposedAt,
      changes.length ? instantOn(r, changes.at(-1)!) : proposedAt,
    );
    if (link.meeting) await this.matchPanel(link, link.meeting, matchId, childId, authority, householdId);
    if (link.decidedOn) {
      await out.decisions.add(
        ids.uuid(),
        childId,
        authority,
        'MATCH',
        'APPROVED',
        matchId,
        link.decidedOn,
        MATCH_RATIONALE,
        adm,
        null,
        instantOn(r, link.decidedOn),
      );
    }
    if (earlyPermanenceOn) {
      const kind = link.placedOn ? 'ADOPTIVE' : 'EARLY_PERMANENCE';
      await out.placements.add(
        ids.uuid(),
        childId,
        authority,
        householdId,
        matchId,
        kind,
        earlyPermanenceOn,
        earlyPermanenceOn,
        link.placedOn,
        null,
        ppm,
        instantOn(r, earlyPermanenceOn),
      );
    } else if (link.placedOn) {
      const placementId = ids.uuid();
      const endedOn = link.disruption?.on ?? null;
      await out.placements.add(
        placementId,
        childId,
        authority,
        householdId,
        matchId,
        'ADOPTIVE',
        link.placedOn,
        link.placedOn,
        null,
        endedOn,
        ppm,
        instantOn(r, link.placedOn),
      );
      if (link.disruption) {
        const { on, meetingOn } = link.disruption;
        await out.disruptions.add(
          ids.uuid(),
          childId,
          authority,
          placementId,
          on,
          meetingOn,
          r.pick(DISRUPTION_REASONS),
          ppm,
          instantOn(r, meetingOn),
        );
      }
    }
  }

  private async matchPanel(
    link: Link,
    meeting: Meeting,
    matchId: string,
    childId: string,
    authority: Authority,
    householdId: string,
  ): Promise<void> {
    const r = this.random;
    const scheduledOn = laterOf(link.proposedOn, addDays(meeting.papersOn, -r.int(1, 5)));
    const recommended = meeting.on <= AS_OF;
    await this.out.agenda.add(
      this.ids.uuid(),
      meeting.id,
      meeting.panelId,
      meeting.on,
      meeting.papersOn,
      'MATCH',
      householdId,
      matchId,
      childId,
      authority,
      recommended ? 'POSITIVE' : null,
      recommended ? PANEL_REASONS : null,
      recommended ? meeting.chairId : null,
      meeting.adviserId,
      instantOn(r, scheduledOn),
      instantOn(r, recommended ? meeting.on : scheduledOn),
    );
  }

  /** Every so many live allocations, the demo finders in turn until their caseloads are full; else a bench finder. */
  private finderFor(live: boolean, linked: boolean): string {
    if (live) {
      const kind = linked ? 'linked' : 'unlinked';
      const seen = (this.liveAllocations[kind] += 1);
      const stride = this.demoFinderStrides[kind];
      const turn = (seen / stride) % DEMO_FINDERS.length;
      if (seen % stride === 0 && this.demoCaseloads[turn]![kind] < DEMO_FINDER_CASELOAD[kind]) {
        this.demoCaseloads[turn]![kind] += 1;
        return DEMO_FINDERS[turn]!;
      }
    }
    return this.random.pick(this.benchFinders);
  }
}

/** Days old on entering care: many at birth (all early-permanence babies), some as infants, some older. */
function ageOnEnteringCare(random: Random, earlyPermanence: boolean): number {
  if (earlyPermanence || random.chance(0.4)) return random.int(0, 10);
  return random.chance(0.5) ? random.int(30, 540) : random.int(540, 2000);
}
