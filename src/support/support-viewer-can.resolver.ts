import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import type { RequestContext } from '../access/service-context';
import { viewerCanOf } from '../access/viewer-can';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import { SupportRequestRecord } from './support-request.entity';
import { adviceLineCallDue, assessmentDue, proposedAssessment } from './support.service';
import { SupportRequest } from './support.types';

@ObjectType('SupportRequestViewerCan', { description: 'What you may do with this support request now: the policy and its rules together.' })
export class SupportRequestViewerCan {
  @Field({ description: '`recordAdviceLineCall`: once.' })
  recordAdviceLineCall!: boolean;

  @Field({ description: '`recordSupportAssessment`: one a request.' })
  recordAssessment!: boolean;
}

@Resolver(() => SupportRequest)
export class SupportRequestViewerCanResolver {
  @FieldResolver(() => SupportRequestViewerCan, {
    description: 'What you may do with this support request now: the policy and the journey’s rules together.',
  })
  async viewerCan(@Root() request: SupportRequest, @Ctx() ctx: RequestContext): Promise<SupportRequestViewerCan> {
    const record = await ctx.loaders.one('SupportRequest', SupportRequestRecord).load(request.id);
    if (!record) return { recordAdviceLineCall: false, recordAssessment: false };
    return viewerCanOf(ctx.ability, record, {
      recordAdviceLineCall: { access: MUTATION_ACCESS.recordAdviceLineCall, rule: () => adviceLineCallDue(record) },
      recordAssessment: {
        access: MUTATION_ACCESS.recordSupportAssessment,
        record: proposedAssessment(record),
        rule: () => assessmentDue(ctx.loaders.rules, record),
      },
    });
  }
}
