import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import { assertMayEver } from '../../access/refusals';
import { findForAction } from '../../access/scoped-reads';
import { addDays } from '../../common/clock';
import { updateVersioned } from '../../db/versioned-update';
import { badUserInput, conflict } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { LIVE_TODAY } from '../../access/facts-loader';
import { NAMEABLE_ROLES } from '../../authz/role-holding';
import { ChildRestrictionRecord } from '../child-restriction.entity';
import { ChildRestriction, RestrictRecordInput } from '../child-restriction.types';
import { presentRestriction } from '../child-restriction.view';
import { ChildRecord } from '../child.entity';

/** A restriction is reviewed at least once a year. */
const LONGEST_REVIEW_DAYS = 366;

/**
 * The child's ADM restricts its record to the staff they name, for a reason, to be reviewed by a day within the year.
 * Restricting again replaces the named staff, the category, the reason and the review day (a review). ADOPTION is
 * the seal of an adopted child: restricting by it names who, besides the ADM, reads the sealed identity.
 */
export function restrictRecord(ctx: ServiceContext, input: RestrictRecordInput): Promise<ChildRestriction> {
  const [reason, allowedStaffIds] = checkInput(
    input,
    () => requireText('reason', input.reason),
    () => [...new Set(input.allowedStaffIds.map((id) => parseId('allowedStaffIds', id)))],
    () => {
      if (input.reviewBy <= ctx.today || input.reviewBy > addDays(ctx.today, LONGEST_REVIEW_DAYS)) {
        throw badUserInput('reviewBy', `a restriction is reviewed after today and within ${LONGEST_REVIEW_DAYS} days`);
      }
    },
  );
  const { action, subject } = MUTATION_ACCESS.restrictRecord;
  assertMayEver(ctx.ability, action, subject);
  return ctx.db.unit(async (manager) => {
    const target = { manager, ability: ctx.ability, subjectType: subject, entity: ChildRecord };
    const child = await findForAction(action, { ...target, id: parseId('childId', input.childId) });
    if (input.category === 'ADOPTION' && !child.adoptionOrderGrantedOn) {
      throw badUserInput('category', 'ADOPTION is the seal of an adopted child: restrict this record by another category');
    }
    const [{ nameable }] = await manager.query(
      `SELECT count(DISTINCT s.id)::int AS nameable FROM staff s
         JOIN role_assignments a ON a.staff_id = s.id AND a.role = ANY ($2) AND ${LIVE_TODAY('a')}
        WHERE s.id = ANY ($1::uuid[]) AND s.active`,
      [allowedStaffIds, NAMEABLE_ROLES],
    );
    if (nameable !== allowedStaffIds.length) {
      throw badUserInput('allowedStaffIds', `names someone who holds no case role today (${NAMEABLE_ROLES.join(', ')})`);
    }
    const existing = await manager.findOne(ChildRestrictionRecord, { where: { childId: child.id }, lock: { mode: 'pessimistic_write' } });
    if (existing && input.version != null && existing.version !== input.version) {
      throw conflict(
        'STALE_VERSION',
        `The restriction has changed since version ${input.version} (now ${existing.version}): reload and retry`,
      );
    }
    const restriction = Object.assign(existing ?? new ChildRestrictionRecord(), {
      childId: child.id,
      authority: child.authority,
      category: input.category,
      allowedStaffIds,
      reason,
      reviewBy: input.reviewBy,
      restrictedBy: ctx.actor.staffId,
    });
    const saved = await manager.save(restriction);
    if (child.restrictionCategory !== input.category) {
      await updateVersioned(manager, ChildRecord, child, { restrictionCategory: input.category });
    }
    return presentRestriction(saved, ctx.today);
  });
}

@Resolver()
export class RestrictRecordStep {
  @Mutation(() => ChildRestriction, {
    description:
      'The child’s ADM restricts its record to the staff they name (again: a review); to everyone else it is NOT_FOUND, as a missing one is.',
  })
  restrictRecord(
    @Arg('input', () => RestrictRecordInput, { description: 'The child, the category, the named staff and the review day.' })
    input: RestrictRecordInput,
    @Ctx() ctx: RequestContext,
  ) {
    return restrictRecord(ctx, input);
  }
}
