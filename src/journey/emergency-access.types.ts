import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { graphqlEnum } from '../graphql/enums';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { DateTimeScalar } from '../graphql/scalars';
import { EMERGENCY_ACCESS_OUTCOMES, type EmergencyAccessOutcome } from './emergency-access.entity';

export const EmergencyAccessOutcomeEnum = graphqlEnum(
  EMERGENCY_ACCESS_OUTCOMES,
  'EmergencyAccessOutcome',
  'A review’s finding; NOT_JUSTIFIED bars the member of staff from breaking glass until the bar is lifted.',
  {
    JUSTIFIED: 'The reason given justified reading the record.',
    NOT_JUSTIFIED: 'It did not: the member of staff may not break glass again until the bar is lifted.',
  },
);

@ObjectType('EmergencyAccess', {
  description: 'Break-glass: a member of staff’s read of one child out of their reach, for a reason, until it expires; and its review.',
})
export class EmergencyAccess {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => AuthorityEnum)
  authority!: Authority;

  @Field(() => ID, { description: 'Who broke glass.' })
  staffId!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  grantedAt!: Date;

  @Field(() => DateTimeScalar)
  expiresAt!: Date;

  @Field(() => EmergencyAccessOutcomeEnum, { nullable: true, description: 'Null until reviewed.' })
  outcome!: EmergencyAccessOutcome | null;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => ID, { nullable: true })
  reviewedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true })
  reviewedAt!: Date | null;
}

export const EmergencyAccessConnection = ConnectionType(EmergencyAccess, 'EmergencyAccess');

@InputType()
export class RequestEmergencyAccessInput {
  @Field(() => ID)
  childId!: string;

  @RequiredText(NOTE_LENGTH, 'Why the child must be read now: reviewed afterwards.')
  reason!: string;
}

@InputType()
export class ReviewEmergencyAccessInput {
  @Field(() => ID)
  id!: string;

  @Field(() => EmergencyAccessOutcomeEnum)
  outcome!: EmergencyAccessOutcome;

  @RequiredText(NOTE_LENGTH)
  note!: string;
}

@InputType()
export class LiftEmergencyAccessBarInput {
  @Field(() => ID)
  staffId!: string;

  @RequiredText(NOTE_LENGTH)
  reason!: string;
}

@ObjectType({ description: 'The bars lifted: those the reviewer may lift (set by reviews of accesses they may review).' })
export class EmergencyAccessBarLift {
  @Field(() => ID)
  staffId!: string;

  @Field(() => Int)
  liftedBars!: number;
}

@InputType()
export class EmergencyAccessReviewsFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those reviewed (true) or awaiting review (false).' })
  reviewed?: boolean | null;
}

@ArgsType()
export class EmergencyAccessReviewsArgs extends ConnectionArgs {
  @Field(() => EmergencyAccessReviewsFilter, { nullable: true })
  filter?: EmergencyAccessReviewsFilter | null;
}
