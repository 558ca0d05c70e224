import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { AuditEvent, AuditEventConnection, AuditEventsArgs } from './audit.types';
import { AuditService } from './audit.service';

@Resolver(() => AuditEvent)
export class AuditResolver {
  @Query(() => AuditEventConnection, { description: 'Auditors only: the access log, newest first.' })
  auditEvents(@Args() args: AuditEventsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(AuditService).list(args);
  }
}
