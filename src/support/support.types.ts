import { IsOptional } from 'class-validator';
import { Node } from '../graphql/node';
import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';
import { AuthorityEnum } from '../access/enums';
import { AssessmentOutcomeEnum, SupportOutcomeEnum } from './enums';
import { NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { AssessmentOutcome } from './support-assessment.entity';
import type { SupportOutcome } from './support-request.entity';

@ObjectType('SupportAssessment', { description: 'An adoption support assessment, following a request (one a request).' })
export class SupportAssessment {
  @Field(() => ID, { description: 'The assessment’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The request it followed.' })
  supportRequestId!: string;

  @Field(() => DateScalar, { description: 'The day it was completed.' })
  completedOn!: string;

  @Field(() => AssessmentOutcomeEnum, { description: 'What it concluded.' })
  outcome!: AssessmentOutcome;

  @Field(() => String, { nullable: true, description: 'The social worker’s notes.' })
  notes!: string | null;
}

@ObjectType('SupportRequest', { implements: Node, description: 'A call for adoption support from a family, by the authority it lives in.' })
export class SupportRequest {
  @Field(() => ID, { description: 'The request’s id.' })
  id!: string;

  @Field(() => AuthorityEnum, { description: 'The authority the family lives in: the tenant.' })
  authority!: Authority;

  @Field({ description: 'Identifying: the family’s name.' })
  familyName!: string;

  @Field({ description: 'What the family asked for.' })
  summary!: string;

  @Field(() => DateScalar, { description: 'The day the call came in.' })
  receivedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The day of the support-and-advice-line call (due within 5 working days).' })
  adviceLineCallOn!: string | null;

  @Field(() => SupportOutcomeEnum, { nullable: true, description: 'What the call led to; null until it is made.' })
  outcome!: SupportOutcome | null;

  @Field(() => Int, { description: 'Pass back on changes; a stale version is a CONFLICT.' })
  version!: number;

  @Field(() => DateTimeScalar, { description: 'When the request was recorded.' })
  createdAt!: Date;
}

export const SupportRequestConnection = ConnectionType(SupportRequest, 'SupportRequest');

/** The fields a list of support requests may be ordered by: each a column. */
export const SUPPORT_REQUEST_ORDER_FIELDS = {
  RECEIVED_ON: { property: 'receivedOn', description: 'The day the call came in.' },
  ADVICE_LINE_CALL_ON: { property: 'adviceLineCallOn', description: 'The day of the advice-line call; requests awaiting it last.' },
  AUTHORITY: { property: 'authority', description: 'The authority the family lives in.' },
  FAMILY_NAME: { property: 'familyName', description: 'The family’s name.' },
  CREATED_AT: { property: 'createdAt', description: 'When the request was recorded.' },
} as const satisfies OrderFields<string>;
export type SupportRequestOrderField = keyof typeof SUPPORT_REQUEST_ORDER_FIELDS;
const SupportRequestOrder = OrderInputType('SupportRequest', 'support requests', SUPPORT_REQUEST_ORDER_FIELDS);

@InputType({ description: 'Criteria on the support requests; every one given must hold.' })
export class SupportRequestFilter {
  @Field(() => AuthorityEnum, { nullable: true, description: 'Requests from families living in this authority.' })
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
  @Field(() => SupportRequestFilter, { nullable: true, description: 'Narrows the support requests; every criterion given must hold.' })
  filter?: SupportRequestFilter;

  @OrderByField(SupportRequestOrder, 'By default oldest record first.')
  orderBy?: OrderBy<SupportRequestOrderField>[];
}

@InputType({ description: 'A family’s call for adoption support.' })
export class RecordSupportRequestInput {
  @Field(() => AuthorityEnum, { description: 'The authority the family lives in.' })
  authority!: Authority;

  @RequiredText(200, 'Identifying: the family’s name.')
  familyName!: string;

  @RequiredText(NOTE_LENGTH, 'What the family asked for.')
  summary!: string;

  @Field(() => DateScalar, { description: 'The day the call came in.' })
  receivedOn!: string;

  @Field(() => DateScalar, { nullable: true, description: 'The support-and-advice-line call (due within 5 working days).' })
  @IsOptional()
  adviceLineCallOn?: string | null;

  @Field(() => SupportOutcomeEnum, { nullable: true, description: 'What the advice-line call led to, when it was made.' })
  @IsOptional()
  outcome?: SupportOutcome | null;
}

@InputType({ description: 'An adoption support assessment, completed.' })
export class RecordSupportAssessmentInput {
  @Field(() => ID, { description: 'The request it follows.' })
  supportRequestId!: string;

  @Field(() => DateScalar, { description: 'The day it was completed.' })
  completedOn!: string;

  @Field(() => AssessmentOutcomeEnum, { description: 'What it concluded.' })
  outcome!: AssessmentOutcome;

  @OptionalText(NOTE_LENGTH, 'The social worker’s notes.')
  notes?: string | null;
}

@InputType({ description: 'The support-and-advice-line call that followed a request.' })
export class RecordAdviceLineCallInput {
  @Field(() => ID, { description: 'The request.' })
  supportRequestId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;

  @Field(() => DateScalar, { description: 'The support-and-advice-line call (due within 5 working days of the request).' })
  calledOn!: string;

  @Field(() => SupportOutcomeEnum, { nullable: true, description: 'What the call led to.' })
  @IsOptional()
  outcome?: SupportOutcome | null;
}
