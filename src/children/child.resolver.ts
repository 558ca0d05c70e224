import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { RequestContext } from '../graphql/context';
import { CreateChildInput } from './child.inputs';
import { Child, ChildConnection, ChildrenArgs } from './child.types';

@Resolver(() => Child)
export class ChildResolver {
  @Query(() => ChildConnection, { description: 'The children the caller may see, oldest record first.' })
  children(@Args() args: ChildrenArgs, @Ctx() ctx: RequestContext) {
    return ctx.services.children.list(args);
  }

  @Query(() => Child, { description: 'NOT_FOUND when the child does not exist or is out of your reach.' })
  child(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return ctx.services.children.get(id);
  }

  @Mutation(() => Child, { description: 'A PPM lead records a child of their own authority.' })
  createChild(@Arg('input', () => CreateChildInput) input: CreateChildInput, @Ctx() ctx: RequestContext) {
    return ctx.services.children.create(input);
  }
}
