import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import type { Authority } from '../authz/vocabulary';
import { ChildChangeInput } from './child.inputs';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { AuthorityEnum } from '../access/enums';
import { MatchStatusEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { MatchStatus } from './match.entity';

@ObjectType('Match', {
  implements: Node,
  description: 'A child linked with a household: proposed, recommended by panel, decided by the ADM, placed.',
})
export class Match {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => MatchStatusEnum)
  status!: MatchStatus;

  @Field(() => ID)
  childId!: string;

  @Field(() => ID)
  householdId!: string;

  @Field(() => DateScalar)
  proposedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  approvedOn!: string | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const MatchConnection = ConnectionType(Match, 'Match');

@InputType()
export class MatchFilter {
  @Field(() => MatchStatusEnum, { nullable: true })
  status?: MatchStatus;

  @Field(() => ID, { nullable: true })
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
  @Field(() => MatchFilter, { nullable: true })
  filter?: MatchFilter;
}

@InputType()
export class ProposeMatchInput extends ChildChangeInput {
  @Field(() => ID)
  householdId!: string;

  @Field(() => DateScalar)
  proposedOn!: string;
}
