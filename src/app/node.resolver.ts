import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { GuardedSubject } from '../access/guarded';
import type { RequestContext } from '../access/service-context';
import { notFound } from '../graphql/errors';
import { parseId } from '../graphql/input-rules';
import { asNode, Node } from '../graphql/node';
import { HOUSEHOLD } from '../households/household.view';
import { CHILD } from '../journey/child.view';
import { MATCH } from '../journey/match.view';
import { MEETING } from '../panels/panel.service';
import { SUPPORT_REQUEST } from '../support/support.service';

type NodeSubject = { typeName: string; subject: GuardedSubject<{ id: string }, object> };

/** The records `node(id)` finds, each by the GraphQL type it leaves as and the subject its own lookup reads. */
const NODE_SUBJECTS: NodeSubject[] = [
  { typeName: 'Child', subject: CHILD },
  { typeName: 'Household', subject: HOUSEHOLD },
  { typeName: 'Match', subject: MATCH },
  { typeName: 'PanelMeeting', subject: MEETING },
  { typeName: 'SupportRequest', subject: SUPPORT_REQUEST },
] as NodeSubject[];

@Resolver()
export class NodeResolver {
  /**
   * Each kind of record the caller may read some of is looked up by id through its own scoped loader (one statement a
   * kind for every `node` of the request), so the answer is the record's own lookup's: a record out of reach is never
   * read, and is null with NOT_FOUND exactly as a missing one — which kind an id would have named is never told.
   */
  @Query(() => Node, {
    nullable: true,
    description:
      'The record with this id, whatever its kind, exactly as its own lookup (child, household, match, panelMeeting, ' +
      'supportRequest) answers: null with NOT_FOUND at this path when it does not exist or is out of your reach.',
  })
  async node(
    @Arg('id', () => ID, { description: 'The id of any record with a lookup of its own.' }) id: string,
    @Ctx() ctx: RequestContext,
  ): Promise<Node> {
    const target = parseId('id', id);
    const readable = NODE_SUBJECTS.filter(({ subject }) => ctx.ability.can('read', subject.subjectType));
    const found = await Promise.all(readable.map(({ subject }) => ctx.loaders.one(subject.subjectType, subject.entity).load(target)));
    const at = found.findIndex((record) => record !== null);
    if (at < 0) throw notFound('Node', target);
    const { typeName, subject } = readable[at]!;
    return asNode(typeName, subject.present(ctx, found[at]!)) as Node;
  }
}
