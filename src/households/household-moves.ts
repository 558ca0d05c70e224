import { In, type EntityManager } from 'typeorm';
import { lockedById } from '../db/locked';
import { updateVersioned } from '../db/versioned-update';
import { badUserInput } from '../graphql/errors';
import { MatchRecord, type MatchStatus } from '../journey/match.entity';
import type { AppAbility } from '../authz/ability';
import { assertCan } from '../access/refusals';
import { HOUSEHOLD_STEP_ACTIONS, householdMoveAllowed, refusedMoveRule, type HouseholdStage, type HouseholdStep } from './household-stage';
import { HouseholdStageEventRecord } from './household-stage-event.entity';
import { HouseholdRecord } from './household.entity';

/** A move of the household journey: to `to` by the step `by` on `on`; `field` is the input a refusal names. */
export type HouseholdMove = { to: HouseholdStage; by: HouseholdStep; on: string; field: string };

/** Who takes the step: their id for the history, and what the policy lets them do. */
export type StepActor = { staffId: string; ability: AppAbility };

/** The actor of a request's step. */
export const stepActorOf = (ctx: { actor: { staffId: string }; ability: AppAbility }): StepActor => ({
  staffId: ctx.actor.staffId,
  ability: ctx.ability,
});

/** A refusal, BAD_USER_INPUT on `field`, unless the journey moves a household from `from` to `to` by `by`. */
export function assertHouseholdMove(from: HouseholdStage, to: HouseholdStage, by: HouseholdStep, field: string): void {
  if (!householdMoveAllowed(from, to, by)) throw badUserInput(field, refusedMoveRule(from, to, by));
}

/**
 * Moves a household along its journey, appending the move to its history; a move the journey does not
 * make is refused, and so is one the policy does not let the step's actor make (the step's action on the
 * household: HOUSEHOLD_STEP_ACTIONS). The caller holds the row lock.
 */
export async function moveHousehold(
  manager: EntityManager,
  household: HouseholdRecord,
  move: HouseholdMove,
  actor: StepActor,
  extra: Partial<HouseholdRecord> & { reason?: string | null } = {},
): Promise<HouseholdRecord> {
  assertHouseholdMove(household.stage, move.to, move.by, move.field);
  assertCan(actor.ability, HOUSEHOLD_STEP_ACTIONS[move.by], household);
  const { reason = null, ...changes } = extra;
  await manager.insert(HouseholdStageEventRecord, {
    householdId: household.id,
    stage: move.to,
    enteredOn: move.on,
    reason,
    recordedBy: actor.staffId,
  });
  return updateVersioned(manager, HouseholdRecord, household, { ...changes, stage: move.to, stageEnteredOn: move.on });
}

/** The matches that hold a household: approved by the ADM, or placed. */
const HOLDING_MATCH_STATUSES: MatchStatus[] = ['APPROVED', 'PLACED'];

/**
 * One of the household's matches has ended (its status already changed): from one of `stages` the household
 * is approved again, unless another match, with a brother or sister, still holds it.
 */
export async function releaseHousehold(
  manager: EntityManager,
  householdId: string,
  stages: readonly HouseholdStage[],
  move: Omit<HouseholdMove, 'to'>,
  actor: StepActor,
  reason: string,
): Promise<void> {
  const household = await lockedById(manager, HouseholdRecord, householdId);
  if (!stages.includes(household.stage)) return;
  if (await manager.existsBy(MatchRecord, { householdId, status: In(HOLDING_MATCH_STATUSES) })) return;
  await moveHousehold(manager, household, { ...move, to: 'APPROVED' }, actor, { reason });
}
