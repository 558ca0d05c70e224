import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';
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
  @Field(() => ID, { description: 'The emergency access’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The child read.' })
  childId!: string;

  @Field(() => AuthorityEnum, { description: 'The child’s authority.' })
  authority!: Authority;

  @Field(() => ID, { description: 'Who broke glass.' })
  staffId!: string;

  @Field({ description: 'Why the record had to be read now.' })
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'When glass was broken.' })
  grantedAt!: Date;

  @Field(() => DateTimeScalar, { description: 'When the access ends.' })
  expiresAt!: Date;

  @Field(() => EmergencyAccessOutcomeEnum, { nullable: true, description: 'Null until reviewed.' })
  outcome!: EmergencyAccessOutcome | null;

  @Field(() => String, { nullable: true, description: 'The reviewer’s note.' })
  note!: string | null;

  @Field(() => ID, { nullable: true, description: 'Who reviewed it.' })
  reviewedBy!: string | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'When it was reviewed.' })
  reviewedAt!: Date | null;
}

export const EmergencyAccessConnection = ConnectionType(EmergencyAccess, 'EmergencyAccess');

/** The fields a list of emergency accesses may be ordered by: each a column. */
export const EMERGENCY_ACCESS_ORDER_FIELDS = {
  GRANTED_AT: { property: 'grantedAt', description: 'When glass was broken.' },
  EXPIRES_AT: { property: 'expiresAt', description: 'When the access ends.' },
  REVIEWED_AT: { property: 'reviewedAt', description: 'When it was reviewed; those not reviewed last.' },
} as const satisfies OrderFields<string>;
export type EmergencyAccessOrderField = keyof typeof EMERGENCY_ACCESS_ORDER_FIELDS;
const EmergencyAccessOrder = OrderInputType('EmergencyAccess', 'emergency accesses', EMERGENCY_ACCESS_ORDER_FIELDS);

/** The order the reviews open on: the oldest grant first. */
export const DEFAULT_EMERGENCY_ACCESS_ORDER: readonly OrderBy<EmergencyAccessOrderField>[] = [{ field: 'GRANTED_AT', direction: 'ASC' }];

@InputType({ description: 'Break-glass: a reason to read one child out of your reach.' })
export class RequestEmergencyAccessInput {
  @Field(() => ID, { description: 'The child.' })
  childId!: string;

  @RequiredText(NOTE_LENGTH, 'Why the child must be read now: reviewed afterwards.')
  reason!: string;
}

@InputType({ description: 'A review of an emergency access.' })
export class ReviewEmergencyAccessInput {
  @Field(() => ID, { description: 'The emergency access.' })
  id!: string;

  @Field(() => EmergencyAccessOutcomeEnum, { description: 'Justified or not.' })
  outcome!: EmergencyAccessOutcome;

  @RequiredText(NOTE_LENGTH, 'The reviewer’s note.')
  note!: string;
}

@InputType({ description: 'The bars on a member of staff breaking glass, lifted.' })
export class LiftEmergencyAccessBarInput {
  @Field(() => ID, { description: 'The member of staff barred.' })
  staffId!: string;

  @RequiredText(NOTE_LENGTH, 'Why the bar is lifted.')
  reason!: string;
}

@ObjectType({ description: 'The bars lifted: those the reviewer may lift (set by reviews of accesses they may review).' })
export class EmergencyAccessBarLift {
  @Field(() => ID, { description: 'The member of staff whose bars were lifted.' })
  staffId!: string;

  @Field(() => Int, { description: 'How many bars were lifted.' })
  liftedBars!: number;
}

@InputType({ description: 'Criteria on the emergency accesses to review; every one given must hold.' })
export class EmergencyAccessReviewsFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those reviewed (true) or awaiting review (false).' })
  reviewed?: boolean | null;
}

@ArgsType()
export class EmergencyAccessReviewsArgs extends ConnectionArgs {
  @Field(() => EmergencyAccessReviewsFilter, {
    nullable: true,
    description: 'Narrows the emergency accesses; every criterion given must hold.',
  })
  filter?: EmergencyAccessReviewsFilter | null;

  @OrderByField(EmergencyAccessOrder, 'By default the oldest grant first.')
  orderBy?: OrderBy<EmergencyAccessOrderField>[];
}
