import { AuthorityEnum } from '../access/enums';
import type { Authority } from '../authz/vocabulary';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuthorityToPlaceEnum, PlacementKindEnum } from './enums';
import { DateScalar } from '../graphql/scalars';
import type { AuthorityToPlace } from './placement-order.entity';
import type { PlacementKind } from './placement.entity';

@ObjectType('PlacementOrder', { description: 'Authority to place: a placement order, or formal parental consent.' })
export class PlacementOrder {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID)
  childId!: string;

  @Field(() => AuthorityToPlaceEnum)
  basis!: AuthorityToPlace;

  @Field(() => DateScalar)
  grantedOn!: string;
}

@ObjectType('Placement')
export class Placement {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID)
  childId!: string;

  @Field(() => PlacementKindEnum)
  kind!: PlacementKind;

  @Field(() => ID)
  householdId!: string;

  @Field(() => ID, { nullable: true })
  matchId!: string | null;

  @Field(() => DateScalar)
  placedOn!: string;

  @Field(() => DateScalar, { description: 'The day the child moved in with this family (earlier when foster carers adopt).' })
  movedInOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'Fostering for adoption: the day the carers were temporarily approved as this child’s foster carers.',
  })
  temporaryFosterCarerApprovalOn!: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'When an early-permanence placement became the adoptive placement.' })
  convertedOn!: string | null;

  @Field(() => DateScalar, { nullable: true })
  endedOn!: string | null;
}

@ObjectType('Disruption')
export class Disruption {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID)
  childId!: string;

  @Field(() => ID)
  placementId!: string;

  @Field(() => DateScalar)
  disruptedOn!: string;

  @Field(() => DateScalar, { description: 'The disruption meeting.' })
  meetingOn!: string;

  @Field()
  reason!: string;
}
