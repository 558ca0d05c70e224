import { AuthorityEnum } from '../access/enums';
import type { Authority } from '../authz/vocabulary';
import { Field, ID, ObjectType } from 'type-graphql';
import { AuthorityToPlaceEnum, PlacementKindEnum } from './enums';
import { DateScalar } from '../graphql/scalars';
import type { AuthorityToPlace } from './placement-order.entity';
import type { PlacementKind } from './placement.entity';

@ObjectType('PlacementOrder', { description: 'Authority to place: a placement order, or formal parental consent.' })
export class PlacementOrder {
  @Field(() => ID, { description: 'The order’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID, { description: 'The child the record belongs to.' })
  childId!: string;

  @Field(() => AuthorityToPlaceEnum, { description: 'A placement order, or formal consent.' })
  basis!: AuthorityToPlace;

  @Field(() => DateScalar, { description: 'The day it was granted.' })
  grantedOn!: string;
}

@ObjectType('Placement', { description: 'A placement of the child with a family: early permanence, or for adoption.' })
export class Placement {
  @Field(() => ID, { description: 'The placement’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID, { description: 'The child the record belongs to.' })
  childId!: string;

  @Field(() => PlacementKindEnum, { description: 'Early permanence, or adoptive.' })
  kind!: PlacementKind;

  @Field(() => ID, { description: 'The household the child is placed with.' })
  householdId!: string;

  @Field(() => ID, { nullable: true, description: 'The match it carries out; null for early-permanence carers named before the plan.' })
  matchId!: string | null;

  @Field(() => DateScalar, { description: 'The day of the placement.' })
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

  @Field(() => DateScalar, { nullable: true, description: 'The day it ended (a disruption); null while it lasts.' })
  endedOn!: string | null;
}

@ObjectType('Disruption', { description: 'A placement that ended before the adoption order, and the disruption meeting held for it.' })
export class Disruption {
  @Field(() => ID, { description: 'The disruption’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: "The child's authority." })
  authority!: Authority;

  @Field(() => ID, { description: 'The child the record belongs to.' })
  childId!: string;

  @Field(() => ID, { description: 'The placement that ended.' })
  placementId!: string;

  @Field(() => DateScalar, { description: 'The day the placement ended.' })
  disruptedOn!: string;

  @Field(() => DateScalar, { description: 'The disruption meeting.' })
  meetingOn!: string;

  @Field({ description: 'Why it ended.' })
  reason!: string;
}
