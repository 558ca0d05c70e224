import { Ctx, FieldResolver, Resolver, Root, type ClassType } from 'type-graphql';
import { VIEWER_FACT_NAMES, viewerFactsOf, type ViewerFact } from '../authz/client-rules';
import type { SubjectType } from '../authz/vocabulary';
import { graphqlEnum } from '../graphql/enums';
import type { RequestContext } from './service-context';

export const ViewerFactEnum = graphqlEnum(
  VIEWER_FACT_NAMES,
  'ViewerFact',
  'A fact of your caseload that holds of a record: what the conditions of `myAccessRules` test, in place of lists of ids.',
  {
    ALLOCATED_CHILD: 'The child (of a record: its child) is allocated to you as family finder.',
    AGENDA_CHILD: 'The child is on an open agenda of your panel.',
    AGENDA_HOUSEHOLD: 'The household is on an open agenda of your panel.',
    AGENDA_MATCH: 'The match is on an open agenda of your panel.',
    MATCH_AGENDA_CHILD: 'The child’s match is on an open agenda of your panel.',
    APPROVAL_AGENDA_HOUSEHOLD: 'The household is on an open agenda of your panel for its approval, review or termination.',
    HEARD_MATCH: 'A panel you sat on recommended on the match.',
    HEARD_HOUSEHOLD: 'A panel you sat on recommended on the household.',
    DECLARED_ITEM: 'You declared an interest in the agenda item.',
    NAMED_CHILD: 'The child’s record is restricted to you by name.',
    EMERGENCY_CHILD: 'Your live emergency access reaches the child.',
  },
);

/**
 * The resolver of `viewerFacts` on a type whose records the rules of `myAccessRules` may test for facts of the
 * caller's caseload: the facts that hold of the record shown.
 */
export function ViewerFactsResolver(type: ClassType, subjectType: SubjectType): ClassType {
  @Resolver(() => type)
  class ViewerFactsOf {
    @FieldResolver(() => [ViewerFactEnum], {
      description:
        'The facts of your caseload that hold of this record (allocated to you, on your panel’s open agenda…): ' +
        'what the rules of `myAccessRules` test, so that `can(action, subject(Type, record))` answers as the server does.',
    })
    viewerFacts(@Root() record: object, @Ctx() ctx: RequestContext): ViewerFact[] {
      return viewerFactsOf(ctx.facts, subjectType, record);
    }
  }
  Object.defineProperty(ViewerFactsOf, 'name', { value: `${subjectType}ViewerFactsResolver` });
  return ViewerFactsOf;
}
