import { IsOptional } from 'class-validator';
import { Node } from '../graphql/node';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { AuthorityEnum } from '../access/enums';
import { AssessmentOutcomeEnum, SupportOutcomeEnum } from './enums';
import { NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { AssessmentOutcome } from './support-assessment.entity';
import type { SupportOutcome } from './support-request.entity';

@ObjectType('SupportAssessment')
export class SupportAssessment {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  supportRequestId!: string;

  @Field(() => DateScalar)
  completedOn!: string;

  @Field(() => AssessmentOutcomeEnum)
  outcome!: AssessmentOutcome;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType('SupportRequest', { implements: Node, description: 'A call for adoption support from a family, by the authority it lives in.' })
export class SupportRequest {
  @Field(() => ID)
  id!: string;

  @Field(() => AuthorityEnum, { description: 'The authority the family lives in: the tenant.' })
  authority!: Authority;

  @Field()
  familyName!: string;

  @Field()
  summary!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => DateScalar, { nullable: true })
  adviceLineCallOn!: string | null;

  @Field(() => SupportOutcomeEnum, { nullable: true })
  outcome!: SupportOutcome | null;

  @Field(() => Int)
  version!: number;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

export const SupportRequestConnection = ConnectionType(SupportRequest, 'SupportRequest');

@InputType()
export class SupportRequestFilter {
  @Field(() => AuthorityEnum, { nullable: true })
  authority?: Authority;

  @Field(() => [SupportOutcomeEnum], { nullable: true, description: 'Requests with any of these outcomes.' })
  outcomes?: SupportOutcome[];

  @Field(() => Boolean, { nullable: true, description: 'Awaiting the advice-line call, or past it.' })
  awaitingCall?: boolean;

  @Field(() => DateScalar, { nullable: true, description: 'Received on or after this day.' })
  receivedFrom?: string;

  @Field(() => DateScalar, { nullable: true, description: 'Received on or before this day.' })
  receivedTo?: string;
}

@ArgsType()
export class SupportRequestsArgs extends ConnectionArgs {
  @Field(() => SupportRequestFilter, { nullable: true })
  filter?: SupportRequestFilter;
}

@InputType()
export class RecordSupportRequestInput {
  @Field(() => AuthorityEnum, { description: 'The authority the family lives in.' })
  authority!: Authority;

  @RequiredText(200)
  familyName!: string;

  @RequiredText(NOTE_LENGTH)
  summary!: string;

  @Field(() => DateScalar)
  receivedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The support-and-advice-line call (due within 5 working days).' })
  @IsOptional()
  adviceLineCallOn?: string | null;

  @Field(() => SupportOutcomeEnum, { nullable: true })
  @IsOptional()
  outcome?: SupportOutcome | null;
}

@InputType()
export class RecordSupportAssessmentInput {
  @Field(() => ID)
  supportRequestId!: string;

  @Field(() => DateScalar)
  completedOn!: string;

  @Field(() => AssessmentOutcomeEnum)
  outcome!: AssessmentOutcome;

  @OptionalText(NOTE_LENGTH)
  notes?: string | null;
}

@InputType()
export class RecordAdviceLineCallInput {
  @Field(() => ID)
  supportRequestId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;

  @Field(() => DateScalar, { description: 'The support-and-advice-line call (due within 5 working days of the request).' })
  calledOn!: string;

  @Field(() => SupportOutcomeEnum, { nullable: true })
  @IsOptional()
  outcome?: SupportOutcome | null;
}
