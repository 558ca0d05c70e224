import { Field, ID, InterfaceType } from 'type-graphql';

/** The GraphQL type of each record `node(id)` found: a record carries no type of its own. */
const nodeTypes = new WeakMap<object, string>();

/** `view`, known as a record of the GraphQL type `typeName` when it leaves through `node(id)`. */
export function asNode<V extends object>(typeName: string, view: V): V {
  nodeTypes.set(view, typeName);
  return view;
}

@InterfaceType('Node', {
  description: 'A record with an id no record of another kind shares: `node(id)` finds it, as its own lookup would.',
  resolveType: (value: object) => nodeTypes.get(value),
})
export abstract class Node {
  @Field(() => ID, { description: "The record's id: a UUID, unique across every kind of record." })
  id!: string;
}
