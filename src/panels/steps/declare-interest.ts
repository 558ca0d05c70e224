import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { findForAction } from '../../access/scoped-reads';
import { conflict } from '../../graphql/errors';
import { parseId, requireText } from '../../graphql/input-rules';
import { AgendaItemRecord } from '../agenda-item.entity';
import { InterestDeclarationRecord } from '../interest-declaration.entity';
import { presentDeclaration } from '../interest-declaration.view';
import { DeclareInterestInput } from '../panel.inputs';
import { InterestDeclaration } from '../panel.types';

/**
 * A panel member declares an interest in an item of their panel's agenda, until its papers close and while the panel
 * has not recommended on it. From the next request on, the facts leave the item's case out: its papers close to
 * them, and a chair or vice chair may not record its recommendation. A declaration stands; it is made once.
 */
export function declareInterest(ctx: ServiceContext, input: DeclareInterestInput): Promise<InterestDeclaration> {
  const reason = requireText('reason', input.reason);
  return ctx.db.unit(async (manager) => {
    const item = await findForAction('declare', {
      manager,
      ability: ctx.ability,
      subjectType: 'AgendaItem',
      entity: AgendaItemRecord,
      id: parseId('agendaItemId', input.agendaItemId),
    });
    if (item.recommendation) throw conflict('ALREADY_RECORDED', 'The panel’s recommendation on this item is already recorded');
    if (await manager.existsBy(InterestDeclarationRecord, { agendaItemId: item.id, staffId: ctx.actor.staffId })) {
      throw conflict('ALREADY_RECORDED', 'You have already declared an interest in this item');
    }
    const declaration = Object.assign(new InterestDeclarationRecord(), {
      agendaItemId: item.id,
      panelId: item.panelId,
      childAuthority: item.childAuthority,
      staffId: ctx.actor.staffId,
      reason,
    });
    return presentDeclaration(await manager.save(declaration));
  });
}

@Resolver()
export class DeclareInterestStep {
  @Mutation(() => InterestDeclaration, {
    description:
      'A panel member declares an interest in an item of their panel’s agenda, until its papers close: its papers and its recommendation close to them at once; the chair sees the declaration.',
  })
  declareInterest(
    @Arg('input', () => DeclareInterestInput, { description: 'The agenda item and the interest.' }) input: DeclareInterestInput,
    @Ctx() ctx: RequestContext,
  ) {
    return declareInterest(ctx, input);
  }
}
