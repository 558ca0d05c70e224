import type { GuardedSubject } from '../access/guarded';
import { MatchRecord } from './match.entity';
import type { Match } from './match.types';

/** Matches hold case information only: the row policy decides who sees one; no field is hidden. */
export function presentMatch(record: MatchRecord): Match {
  const { proposedBy: _proposedBy, updatedAt: _updatedAt, ...fields } = record;
  return fields;
}

/** The match as services read it. */
export const MATCH: GuardedSubject<MatchRecord, Match> = {
  subjectType: 'Match',
  entity: MatchRecord,
  alias: 'match',
  present: (_ctx, record) => presentMatch(record),
};
