import { randomUUID } from 'node:crypto';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertCan } from '../../access/refusals';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { badUserInput } from '../../graphql/errors';
import { assertNotFuture, checkAll, checkInput, optionalText, requireText } from '../../graphql/input-rules';
import { ageInYears } from '../../journey/child.view';
import type { HouseholdStage } from '../household-stage';
import { HouseholdStageEventRecord } from '../household-stage-event.entity';
import { HouseholdRecord } from '../household.entity';
import { CreateHouseholdInput, type ApplicantInput } from '../household.inputs';
import { Household } from '../household.types';
import { presentHousehold } from '../household.view';

/** Adopters in England must be at least 21. */
const MINIMUM_ADOPTER_AGE = 21;

/** An applicant as stored, every field of theirs checked. */
function applicantOf(ctx: ServiceContext, enquiryOn: string, applicant: ApplicantInput, i: number) {
  const [firstName, lastName] = checkAll(
    () => requireText(`applicants.${i}.firstName`, applicant.firstName),
    () => requireText(`applicants.${i}.lastName`, applicant.lastName),
    () => {
      assertNotFuture(`applicants.${i}.dateOfBirth`, applicant.dateOfBirth, ctx.today);
      if (ageInYears(applicant.dateOfBirth, enquiryOn) < MINIMUM_ADOPTER_AGE) {
        throw badUserInput(`applicants.${i}.dateOfBirth`, `an adopter must be at least ${MINIMUM_ADOPTER_AGE}`);
      }
    },
  );
  return { firstName, lastName, dateOfBirth: applicant.dateOfBirth };
}

/**
 * The household as the step proposes it to the policy: any, households being partnership-wide.
 * `viewerCanCreate.createHousehold` asks on it too.
 */
export const proposedHousehold = (): HouseholdRecord => new HouseholdRecord();

export async function createHousehold(ctx: ServiceContext, input: CreateHouseholdInput): Promise<Household> {
  assertCan(ctx.ability, MUTATION_ACCESS.createHousehold.action, proposedHousehold());
  const minChildAge = input.minChildAge ?? 0;
  const maxChildAge = input.maxChildAge ?? 17;
  const [applicants] = checkInput(
    input,
    () => checkAll(...input.applicants.map((a, i) => () => applicantOf(ctx, input.enquiryOn, a, i))),
    () => assertNotFuture('enquiryOn', input.enquiryOn, ctx.today),
    () => {
      if (minChildAge > maxChildAge) throw badUserInput('maxChildAge', 'must not be below minChildAge');
    },
  );
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
    createdBy: ctx.actor.staffId,
  });
  return ctx.db.unit(async (manager) => {
    const saved = await manager.save(record);
    const history: HouseholdStage[] = stage === 'STAGE_2' ? ['ENQUIRY', 'STAGE_2'] : ['ENQUIRY'];
    await manager.insert(
      HouseholdStageEventRecord,
      history.map((s) => ({ householdId: id, stage: s, enteredOn: input.enquiryOn, recordedBy: ctx.actor.staffId })),
    );
    return presentHousehold(ctx.ability, ctx.today, saved);
  });
}

@Resolver()
export class CreateHouseholdStep {
  @Mutation(() => Household, { description: 'A family finder records an enquiry (fast track starts at Stage 2).' })
  createHousehold(
    @Arg('input', () => CreateHouseholdInput, { description: 'The household as it enquires.' }) input: CreateHouseholdInput,
    @Ctx() ctx: RequestContext,
  ) {
    return createHousehold(ctx, input);
  }
}
