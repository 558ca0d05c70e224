import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { actOnOne } from '../../access/guarded';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { conflict } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { EmergencyAccessBarRecord } from '../emergency-access-bar.entity';
import type { EmergencyAccessRecord } from '../emergency-access.entity';
import { EmergencyAccess, ReviewEmergencyAccessInput } from '../emergency-access.types';
import { EMERGENCY_ACCESS } from '../emergency-access.view';

/** The rule for a review: once. The step runs it, and so does `viewerCan.review`. */
export function emergencyAccessReviewDue(access: EmergencyAccessRecord): void {
  if (access.outcome !== null) throw conflict('ALREADY_RECORDED', 'This emergency access has been reviewed already');
}

/**
 * The child's ADM or an auditor reviews an emergency access, once. NOT_JUSTIFIED bars its member of staff from
 * breaking glass again until the bar is lifted (lift-emergency-access-bar.ts); the bar is written with the review.
 */
export function reviewEmergencyAccess(ctx: ServiceContext, input: ReviewEmergencyAccessInput): Promise<EmergencyAccess> {
  const [note] = checkInput(
    input,
    () => requireText('note', input.note),
    () => parseId('id', input.id),
  );
  return actOnOne(
    ctx,
    MUTATION_ACCESS.reviewEmergencyAccess.action,
    EMERGENCY_ACCESS,
    { id: input.id, idField: 'id' },
    async (access, manager) => {
      if (access.outcome !== null) throw conflict('ALREADY_RECORDED', 'This emergency access has been reviewed already');
      Object.assign(access, { outcome: input.outcome, note, reviewedBy: ctx.actor.staffId, reviewedAt: ctx.now });
      const saved = await manager.save(access);
      if (input.outcome === 'NOT_JUSTIFIED') {
        await manager.insert(EmergencyAccessBarRecord, {
          staffId: access.staffId,
          authority: access.authority,
          barredByReview: access.id,
          barredAt: ctx.now,
        });
      }
      return saved;
    },
  );
}

@Resolver()
export class ReviewEmergencyAccessStep {
  @Mutation(() => EmergencyAccess, {
    description:
      'The child’s ADM or an auditor reviews an emergency access, once; NOT_JUSTIFIED bars its member of staff from breaking glass.',
  })
  reviewEmergencyAccess(
    @Arg('input', () => ReviewEmergencyAccessInput, { description: 'The emergency access, the finding and a note.' })
    input: ReviewEmergencyAccessInput,
    @Ctx() ctx: RequestContext,
  ) {
    return reviewEmergencyAccess(ctx, input);
  }
}
