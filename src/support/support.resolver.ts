import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { SupportAssessmentRecord } from './support-assessment.entity';
import { SupportService } from './support.service';
import {
  RecordAdviceLineCallInput,
  RecordSupportAssessmentInput,
  RecordSupportRequestInput,
  SupportAssessment,
  SupportRequest,
  SupportRequestConnection,
  SupportRequestsArgs,
} from './support.types';

@Resolver(() => SupportRequest)
export class SupportResolver {
  @Query(() => SupportRequestConnection, { description: 'Calls for adoption support, in the order asked: by default oldest record first.' })
  supportRequests(@Args() args: SupportRequestsArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.get(SupportService).list(args);
  }

  @Query(() => SupportRequest, {
    nullable: true,
    description: 'null with NOT_FOUND at this path when the request does not exist or is out of your reach; sibling fields still answer.',
  })
  supportRequest(@Arg('id', () => ID, { description: 'The support request’s id.' }) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.get(SupportService).get(id);
  }

  @Mutation(() => SupportRequest, { description: 'A support worker records a call for support from a family.' })
  recordSupportRequest(
    @Arg('input', () => RecordSupportRequestInput, { description: 'The family’s call for support.' }) input: RecordSupportRequestInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(SupportService).recordRequest(input);
  }

  @Mutation(() => SupportRequest, { description: 'A support worker records the advice-line call that followed a request.' })
  recordAdviceLineCall(
    @Arg('input', () => RecordAdviceLineCallInput, { description: 'The request and the call that followed it.' })
    input: RecordAdviceLineCallInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(SupportService).recordAdviceLineCall(input);
  }

  @Mutation(() => SupportAssessment, { description: 'A support worker records an adoption support assessment.' })
  recordSupportAssessment(
    @Arg('input', () => RecordSupportAssessmentInput, { description: 'The request and the assessment’s conclusion.' })
    input: RecordSupportAssessmentInput,
    @Ctx() ctx: RequestContext,
  ) {
    return ctx.services.get(SupportService).recordAssessment(input);
  }

  @FieldResolver(() => SupportAssessment, { nullable: true, description: 'The adoption support assessment that followed, if any.' })
  async assessment(@Root() request: SupportRequest, @Ctx() ctx: RequestContext) {
    const [assessment] = await ctx.loaders.many('SupportAssessment', SupportAssessmentRecord, 'supportRequestId').load(request.id);
    return assessment ?? null;
  }
}
