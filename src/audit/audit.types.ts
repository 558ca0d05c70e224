import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import type { Authority, Role } from '../authz/vocabulary';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { AuthorityEnum, RoleEnum } from '../access/enums';
import { AuditEventKindEnum, AuditOutcomeEnum, AuditSubjectTypeEnum, type AuditEventKind, type AuditSubjectType } from './enums';
import type { AuditOutcome } from './audit-event.entity';
import { DateTimeScalar, JSONScalar } from '../graphql/scalars';

@ObjectType('AuditEvent', { description: 'One entry of the access log: a read of sensitive fields, a change, or a refusal.' })
export class AuditEvent {
  @Field(() => ID, { description: 'The event’s number in the log: increases with every event written.' })
  id!: string;

  @Field(() => DateTimeScalar, { description: 'When the event was written.' })
  at!: Date;

  @Field(() => ID, { nullable: true, description: 'null for system work (migrations, seeding).' })
  staffId!: string | null;

  @Field({ description: "The actor's roles and scopes, e.g. ADM:KENT or PANEL_MEMBER:CHAIR@<panel id>." })
  role!: string;

  @Field({
    description:
      'The kind in lower case (read, create, update, delete, truncate, import, export) for an allowed event; for a refusal, the schema name of the field or mutation refused (e.g. child, createChild), never the client’s alias.',
  })
  action!: string;

  @Field(() => AuditEventKindEnum, { description: 'What the event records: filter on it rather than on action.' })
  kind!: AuditEventKind;

  @Field(() => AuditOutcomeEnum, { description: 'Access given, or refused.' })
  outcome!: AuditOutcome;

  @Field(() => AuditSubjectTypeEnum, { description: 'The kind of record the event is about.' })
  subjectType!: AuditSubjectType;

  @Field(() => ID, { nullable: true, description: 'The record changed or refused; null for a read, whose records are in subjectIds.' })
  subjectId!: string | null;

  @Field(() => [ID], {
    description:
      'Every record the event is about: for a read, each record of this type read in the request with these fields under this reason.',
  })
  subjectIds!: string[];

  @Field(() => [String], { description: 'The fields read or changed.' })
  fields!: string[];

  @Field(() => String, { nullable: true, description: 'The fact that gave access (allocation, agenda item), or the refusal reason.' })
  reason!: string | null;

  @Field(() => JSONScalar, {
    nullable: true,
    description:
      'For a change: each changed column, with its before and after when it is of the case class; any other class is withheld ' +
      '({ withheld: class, before: digest, after: digest }; events written before digests were kept show { withheld: class }).',
  })
  changes!: unknown;

  @Field(() => String, { nullable: true, description: "The server's id of the request that wrote the event." })
  requestId!: string | null;

  @Field(() => String, {
    nullable: true,
    description: "The client's own id of the request (its x-request-id header), when it gave a valid one.",
  })
  clientRequestId!: string | null;

  @Field(() => String, {
    nullable: true,
    description:
      'The version of the policy the event was decided under: a hash of the access matrix generated from it; null for system work.',
  })
  policyVersion!: string | null;

  @Field(() => [AuthorityEnum], {
    description: 'The partner authorities whose children or staff the event is about (none: the partnership’s own records).',
  })
  authorities!: Authority[];

  @Field(() => JSONScalar, { nullable: true, description: 'For a read of the access log: what was asked and how many events came back.' })
  criteria!: unknown;

  @Field({ description: 'The chain this event is linked in, and its position.' })
  chain!: string;

  @Field({ description: 'The event’s position in its chain.' })
  seq!: string;

  @Field({ description: 'SHA-256 over the content and the previous hash of the chain.' })
  hash!: string;
}

export const AuditEventConnection = ConnectionType(AuditEvent, 'AuditEvent');

@InputType({ description: 'Criteria on the access log; every one given must hold.' })
export class AuditEventFilter {
  @Field(() => ID, { nullable: true, description: 'Events by this member of staff.' })
  staffId?: string;

  @Field(() => ID, { nullable: true, description: 'Events about this record: its changes and refusals, and the reads that name it.' })
  subjectId?: string;

  @Field({
    nullable: true,
    description: 'Events whose action is this, in any case: a kind in lower case, or the schema name of a refused field or mutation.',
  })
  action?: string;

  @Field(() => AuditEventKindEnum, { nullable: true, description: 'Events of this kind.' })
  kind?: AuditEventKind;

  @Field(() => AuditOutcomeEnum, { nullable: true, description: 'Events that gave, or refused, access.' })
  outcome?: AuditOutcome;

  @Field(() => AuditSubjectTypeEnum, { nullable: true, description: 'Events about this kind of record.' })
  subjectType?: AuditSubjectType;

  @Field(() => AuthorityEnum, { nullable: true, description: 'Events about the children or staff of this authority.' })
  authority?: Authority;

  @Field(() => RoleEnum, { nullable: true, description: 'Events by staff acting in this role.' })
  role?: Role;

  @Field({ nullable: true, description: 'Events decided under this version of the policy.' })
  policyVersion?: string;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events written at or after this instant.' })
  from?: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'Events written at or before this instant.' })
  to?: Date;
}

@ArgsType()
export class AuditEventsArgs extends ConnectionArgs {
  @Field(() => AuditEventFilter, { nullable: true, description: 'Narrows the events; every criterion given must hold.' })
  filter?: AuditEventFilter;
}
