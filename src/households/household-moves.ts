import { In, type EntityManager } from 'typeorm';
import { lockedById } from '../db/locked';
import { updateVersioned } from '../db/versioned-update';
import { badUserInput } from '../graphql/errors';
import { MatchRecord, type MatchStatus } from '../matching/match.entity';
import { householdMoveAllowed, refusedMoveRule, type HouseholdStage, type HouseholdStep } from './household-stage';
import { HouseholdStageEventRecord } from './household-stage-event.entity';
import { HouseholdRecord } from './household.entity';

/** A move of the household journey: to `to` by the step `by` on `on`; `field` is the input a refusal names. */
export type HouseholdMove = { to: HouseholdStage; by: HouseholdStep; on: string; field: string };

/** A refusal, BAD_USER_INPUT on `field`, unless the journey moves a household from `from` to `to` by `by`. */
export function assertHouseholdMove(from: HouseholdStage, to: HouseholdStage, by: HouseholdStep, field: string): void {
  if (!householdMoveAllowed(from, to, by)) throw badUserInput(field, refusedMoveRule(from, to, by));
}

/**
 * Moves a household along its journey, appending the move to its history; a move the journey does not
 * make is refused. The caller holds the row lock.
 */
export async function moveHousehold(
  manager: EntityManager,
  household: HouseholdRecord,
  move: HouseholdMove,
  recordedBy: string,
  extra: Partial<HouseholdRecord> & { reason?: string | null } = {},
): Promise<HouseholdRecord> {
  assertHouseholdMove(household.stage, move.to, move.by, move.field);
  const { reason = null, ...changes } = extra;
  await manager.insert(HouseholdStageEventRecord, { householdId: household.id, stage: move.to, enteredOn: move.on, reason, recordedBy });
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
  recordedBy: string,
  reason: string,
): Promise<void> {
  const household = await lockedById(manager, HouseholdRecord, householdId);
  if (!stages.includes(household.stage)) return;
  if (await manager.existsBy(MatchRecord, { householdId, status: In(HOLDING_MATCH_STATUSES) })) return;
  await moveHousehold(manager, household, { ...move, to: 'APPROVED' }, recordedBy, { reason });
}
