import { randomUUID } from 'node:crypto';
import { In, type EntityManager } from 'typeorm';
import { assertFilterable } from '../access/field-guard';
import { assertCan, assertMayEver } from '../access/refusals';
import { accessibleQuery, findForAction, findReadable } from '../access/scoped-reads';
import { ageInYears } from '../journey/child.view';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, optionalText, parseId, requireText } from '../graphql/input-rules';
import { MatchRecord, OPEN_MATCH_STATUSES } from '../journey/match.entity';
import { assertHouseholdMove, moveHousehold, stepActorOf } from './household-moves';
import { CLOSED_HOUSEHOLD_STAGES, RECRUITMENT_STAGES, type HouseholdStage } from './household-stage';
import { HouseholdStageEventRecord } from './household-stage-event.entity';
import { HouseholdRecord } from './household.entity';
import type { AdvanceHouseholdStageInput, CreateHouseholdInput, HouseholdChangeInput, WithdrawHouseholdInput } from './household.inputs';
import type { Household, HouseholdsArgs } from './household.types';
import { presentHousehold } from './household.view';

const ALIAS = 'household';
/** Adopters in England must be at least 21. */
const MINIMUM_ADOPTER_AGE = 21;

/** Adopter households: recruited and moved through their stages by family finders. */
export class HouseholdService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: HouseholdsArgs): Promise<Page<Household>> {
    assertMayEver(this.ctx.ability, 'read', 'Household');
    assertFilterable(this.ctx.ability, 'Household', Object.keys(args.filter ?? {}));
    const query = this.readable();
    if (args.filter?.stage) query.andWhere(`${ALIAS}.stage = :stage`, { stage: args.filter.stage });
    return paginate(query, args, (record) => this.present(record));
  }

  async get(id: string): Promise<Household> {
    return this.present(await findReadable(this.ctx.db.manager, this.ctx.ability, 'Household', HouseholdRecord, parseId('id', id)));
  }

  async create(input: CreateHouseholdInput): Promise<Household> {
    assertCan(this.ctx.ability, 'create', new HouseholdRecord());
    assertRecordedDate('enquiryOn', input.enquiryOn, this.ctx.today);
    const applicants = input.applicants.map((a, i) => {
      assertRecordedDate(`applicants.${i}.dateOfBirth`, a.dateOfBirth, this.ctx.today);
      if (ageInYears(a.dateOfBirth, input.enquiryOn) < MINIMUM_ADOPTER_AGE) {
        throw badUserInput(`applicants.${i}.dateOfBirth`, `an adopter must be at least ${MINIMUM_ADOPTER_AGE}`);
      }
      return { firstName: requireText(`applicants.${i}.firstName`, a.firstName), lastName: requireText(`applicants.${i}.lastName`, a.lastName), dateOfBirth: a.dateOfBirth };
    });
    const minChildAge = input.minChildAge ?? 0;
    const maxChildAge = input.maxChildAge ?? 17;
    if (minChildAge > maxChildAge) throw badUserInput('maxChildAge', 'must not be below minChildAge');
    const id = randomUUID();
    const stage: HouseholdStage = input.fastTrack ? 'STAGE_2' : 'ENQUIRY';
    const record = Object.assign(new HouseholdRecord(), {
      id,
      reference: `H-${input.enquiryOn.slice(0, 4)}-${id.slice(0, 8).toUpperCase()}`,
      stage,
      stageEnteredOn: input.enquiryOn,
      homeAuthority: input.homeAuthority ?? null,
      applicants,
      address: optionalText(input.address),
      ethnicity: optionalText(input.ethnicity),
      religion: optionalText(input.religion),
      healthNotes: optionalText(input.healthNotes),
      dbsOutcome: optionalText(input.dbsOutcome),
      minChildAge,
      maxChildAge,
      maxSiblings: input.maxSiblings ?? 1,
      needsTheyCanMeet: (input.needsTheyCanMeet ?? []).map((n) => n.trim()).filter(Boolean),
      earlyPermanence: input.earlyPermanence ?? false,
      fastTrack: input.fastTrack ?? false,
      enquiryOn: input.enquiryOn,
      createdBy: this.ctx.actor.staffId,
    });
    return this.ctx.db.unit(async (manager) => {
      const saved = await manager.save(record);
      const history: HouseholdStage[] = stage === 'STAGE_2' ? ['ENQUIRY', 'STAGE_2'] : ['ENQUIRY'];
      await manager.insert(
        HouseholdStageEventRecord,
        history.map((s) => ({ householdId: id, stage: s, enteredOn: input.enquiryOn, recordedBy: this.ctx.actor.staffId })),
      );
      return this.present(saved);
    });
  }

  /** The next recruitment stage, in order, up to panel; approval itself is the partnership ADM's decision. */
  advanceStage(input: AdvanceHouseholdStageInput): Promise<Household> {
    return this.change(input, async (household, manager) => {
      if (!RECRUITMENT_STAGES.includes(input.stage)) {
        throw badUserInput('stage', 'a family finder advances a household through recruitment up to PANEL; approval is the ADM’s decision');
      }
      assertHouseholdMove(household.stage, input.stage, 'ADVANCE', 'stage');
      assertRecordedDate('enteredOn', input.enteredOn, this.ctx.today, household.stageEnteredOn, 'a stage starts on or after the previous one');
      return moveHousehold(manager, household, { to: input.stage, by: 'ADVANCE', on: input.enteredOn, field: 'stage' }, stepActorOf(this.ctx));
    });
  }

  /** The household withdraws (their choice); its open links must be closed first. */
  withdraw(input: WithdrawHouseholdInput): Promise<Household> {
    return this.change(input, async (household, manager) => {
      if (CLOSED_HOUSEHOLD_STAGES.includes(household.stage)) throw conflict(`The household is already ${household.stage.toLowerCase()}`);
      const open = await manager.countBy(MatchRecord, { householdId: household.id, status: In([...OPEN_MATCH_STATUSES]) });
      if (open > 0) throw badUserInput('householdId', 'the household has a child linked, matched or placed: close that first');
      assertRecordedDate('withdrawnOn', input.withdrawnOn, this.ctx.today, household.stageEnteredOn, 'a withdrawal is on or after the current stage began');
      const move = { to: 'WITHDRAWN', by: 'WITHDRAWAL', on: input.withdrawnOn, field: 'householdId' } as const;
      return moveHousehold(manager, household, move, stepActorOf(this.ctx), { reason: requireText('reason', input.reason) });
    });
  }

  private change(
    input: HouseholdChangeInput,
    step: (household: HouseholdRecord, manager: EntityManager) => Promise<HouseholdRecord>,
  ): Promise<Household> {
    return this.ctx.db.unit(async (manager) => {
      const household = await findForAction('update', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'Household',
        entity: HouseholdRecord,
        id: parseId('householdId', input.householdId),
        version: input.version,
      });
      return this.present(await step(household, manager));
    });
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Household', HouseholdRecord, ALIAS);
  }

  private present(record: HouseholdRecord): Household {
    return presentHousehold(this.ctx.ability, this.ctx.today, record);
  }
}
