import type { EntityManager } from 'typeorm';
import { assertCan } from '../access/refusals';
import type { Action } from '../authz/vocabulary';
import { lockedById } from '../db/locked';
import { updateVersioned } from '../db/versioned-update';
import type { StepActor } from '../households/household-moves';
import { MatchRecord, type MatchStatus } from './match.entity';

/**
 * A step of the child's journey moves the child's match on (placed, disrupted, adopted, withdrawn): the
 * policy must let the step's actor take `action` on the match. Locks the match, after the child that every
 * step locks first.
 */
export async function moveMatch(
  manager: EntityManager,
  actor: StepActor,
  action: Action,
  matchId: string,
  status: MatchStatus,
): Promise<MatchRecord> {
  const match = await lockedById(manager, MatchRecord, matchId);
  assertCan(actor.ability, action, match);
  return updateVersioned(manager, MatchRecord, match, { status });
}
