import type { EntityManager } from 'typeorm';
import { updateVersioned } from '../db/versioned-update';
import type { HouseholdStage } from './household-stage';
import { HouseholdStageEventRecord } from './household-stage-event.entity';
import { HouseholdRecord } from './household.entity';

/** Moves a household to `stage` on `on`, appending the move to its history. The caller holds the row lock. */
export async function moveHousehold(
  manager: EntityManager,
  household: HouseholdRecord,
  stage: HouseholdStage,
  on: string,
  recordedBy: string,
  extra: Partial<HouseholdRecord> & { reason?: string | null } = {},
): Promise<HouseholdRecord> {
  const { reason = null, ...changes } = extra;
  await manager.insert(HouseholdStageEventRecord, { householdId: household.id, stage, enteredOn: on, reason, recordedBy });
  return updateVersioned(manager, HouseholdRecord, household, { ...changes, stage, stageEnteredOn: on });
}
