import { In } from 'typeorm';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { unitReader, type RuleRead, type RuleReader } from '../../access/rule-reads';
import { MUTATION_ACCESS } from '../../authz/mutation-access';
import type { RequestContext, ServiceContext } from '../../access/service-context';
import { findForAction } from '../../access/scoped-reads';
import { conflict } from '../../graphql/errors';
import { checkInput, parseId, requireText } from '../../graphql/input-rules';
import { AgendaItemRecord } from '../agenda-item.entity';
import { InterestDeclarationRecord } from '../interest-declaration.entity';
import { presentDeclaration } from '../interest-declaration.view';
import { DeclareInterestInput } from '../panel.inputs';
import { InterestDeclaration } from '../panel.types';

/** Per agenda item: whether the member of staff has declared an interest in it. */
const declaredBy = (staffId: string): RuleRead<true> => ({
  name: `panel:declared-by:${staffId}`,
  read: async (manager, ids) => {
    const declarations = await manager.findBy(InterestDeclarationRecord, { agendaItemId: In([...ids]), staffId });
    return new Map(declarations.map((declaration) => [declaration.agendaItemId, true]));
  },
});

/**
 * The rule for declaring an interest, besides the policy's window: the panel has not recommended on the item, and
 * the member has not declared an interest in it already. The step runs it, and so does `viewerCan.declareInterest`.
 */
export async function interestDeclarationDue(reader: RuleReader, item: AgendaItemRecord, staffId: string): Promise<void> {
  if (item.recommendation) throw conflict('ALREADY_RECORDED', 'The panel’s recommendation on this item is already recorded');
  if (await reader.get(declaredBy(staffId), item.id))
    throw conflict('ALREADY_RECORDED', 'You have already declared an interest in this item');
}

/**
 * A panel member declares an interest in an item of their panel's agenda, until its papers close and while the panel
 * has not recommended on it. From the next request on, the facts leave the item's case out: its papers close to
 * them, and a chair or vice chair may not record its recommendation. A declaration stands; it is made once.
 */
export function declareInterest(ctx: ServiceContext, input: DeclareInterestInput): Promise<InterestDeclaration> {
  const [reason, agendaItemId] = checkInput(
    input,
    () => requireText('reason', input.reason),
    () => parseId('agendaItemId', input.agendaItemId),
  );
  return ctx.db.unit(async (manager) => {
    const item = await findForAction(MUTATION_ACCESS.declareInterest.action, {
      manager,
      ability: ctx.ability,
      subjectType: 'AgendaItem',
      entity: AgendaItemRecord,
      id: agendaItemId,
    });
    await interestDeclarationDue(unitReader(manager), item, ctx.actor.staffId);
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
