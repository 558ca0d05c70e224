import { registerEnumType } from 'type-graphql';

/** A GraphQL enum from a constant list (the one the database enum and the policy use), registered by name. */
export function graphqlEnum<T extends string>(values: readonly T[], name: string, description?: string): Record<T, T> {
  const map = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  registerEnumType(map, { name, description });
  return map;
}
