import 'reflect-metadata';
import type { GraphQLSchema } from 'graphql';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AuditResolver } from '../audit/audit.resolver';
import { guardRelations } from '../access/relation-guard';
import { logSensitiveReads } from '../audit/sensitive-reads';
import { BoardResolver } from '../board/board.resolver';
import { ChildResolver } from '../journey/child.resolver';
import { JourneyResolver } from '../journey/journey.resolver';
import { HouseholdResolver } from '../households/household.resolver';
import { MatchResolver } from '../journey/match.resolver';
import { AgendaItemResolver, PanelMeetingResolver, PanelResolver } from '../panels/panel.resolver';
import { MeResolver } from '../staff/me.resolver';
import { SupportResolver } from '../support/support.resolver';
import { DateTimeScalar } from '../graphql/scalars';

export const RESOLVERS = [
  MeResolver,
  ChildResolver,
  JourneyResolver,
  MatchResolver,
  HouseholdResolver,
  PanelResolver,
  PanelMeetingResolver,
  AgendaItemResolver,
  SupportResolver,
  BoardResolver,
  AuditResolver,
] as const;

/**
 * Input classes are validated by class-validator (failures become BAD_USER_INPUT in formatError);
 * sensitive fields are wired to the access log.
 */
export async function buildApiSchema(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: RESOLVERS,
    scalarsMap: [{ type: Date, scalar: DateTimeScalar }],
    validate: { forbidUnknownValues: false },
  });
  return logSensitiveReads(guardRelations(schema));
}

/** The SDL committed as schema/schema.graphql, in a stable order. */
export async function printApiSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildApiSchema()));
}
