import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ChildChangeInput } from './child.inputs';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';
import { AuthorityEnum } from '../access/enums';
import { MatchStatusEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { MatchStatus } from './match.entity';

@ObjectType('Match', {
  implements: Node,
  description: 'A child linked with a household: proposed, recommended by panel, decided by the ADM, placed.',
})
export class Match {
  @Field(() => ID, { description: 'The match’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => MatchStatusEnum, { description: 'Where the match stands: proposed, recommended, approved, placed, adopted, or closed.' })
  status!: MatchStatus;

  @Field(() => ID, { description: 'The child matched.' })
  childId!: string;

  @Field(() => ID, { description: 'The household matched.' })
  householdId!: string;

  @Field(() => DateScalar, { description: 'The day the family finder linked the child with the household.' })
  proposedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day the child’s ADM approved the match.' })
  approvedOn!: string | null;

  @Field(() => Int, { description: 'Pass back on changes; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the match was recorded.' })
  createdAt!: Date;
}

export const MatchConnection = ConnectionType(Match, 'Match');

/** The fields a list of matches may be ordered by: each a column. */
export const MATCH_ORDER_FIELDS = {
  PROPOSED_ON: { property: 'proposedOn', description: 'The day the family finder linked the child with the household.' },
  APPROVED_ON: { property: 'approvedOn', description: 'The day the ADM approved the match; matches not approved last.' },
  STATUS: { property: 'status', description: 'Where the match stands: its steps in order, then its ends (MatchStatus).' },
  AUTHORITY: { property: 'authority', description: "The child's authority." },
  CREATED_AT: { property: 'createdAt', description: 'When the match was recorded.' },
} as const satisfies OrderFields<string>;
export type MatchOrderField = keyof typeof MATCH_ORDER_FIELDS;
const MatchOrder = OrderInputType('Match', 'matches', MATCH_ORDER_FIELDS);

@InputType({ description: 'Criteria on the matches you may see; every one given must hold.' })
export class MatchFilter {
  @Field(() => MatchStatusEnum, { nullable: true, description: 'Matches in this status.' })
  status?: MatchStatus;

  @Field(() => ID, { nullable: true, description: 'The matches of this child.' })
  childId?: string;

  @Field(() => [MatchStatusEnum], { nullable: true, description: 'Matches in any of these statuses.' })
  statuses?: MatchStatus[];

  @Field(() => DateScalar, { nullable: true, description: 'Proposed on or after this day.' })
  proposedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Proposed on or before this day.' })
  proposedTo?: string;
}

@ArgsType()
export class MatchesArgs extends ConnectionArgs {
  @Field(() => MatchFilter, { nullable: true, description: 'Narrows the matches; every criterion given must hold.' })
  filter?: MatchFilter;

  @OrderByField(MatchOrder, 'By default oldest first.')
  orderBy?: OrderBy<MatchOrderField>[];
}

@InputType({ description: 'A family finder’s link of a child allocated to them with an approved household.' })
export class ProposeMatchInput extends ChildChangeInput {
  @Field(() => ID, { description: 'The approved household.' })
  householdId!: string;

  @Field(() => DateScalar, { description: 'The day of the link.' })
  proposedOn!: string;
}
