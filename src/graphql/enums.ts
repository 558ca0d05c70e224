import { registerEnumType } from 'type-graphql';

/**
 * A GraphQL enum from a constant list (the one the database enum and the policy use), registered by name, with
 * every value described. The list's order is the enum's declared order (the journey's, for a stage), which the
 * committed SDL keeps.
 */
export function graphqlEnum<T extends string>(
  values: readonly T[],
  name: string,
  description: string,
  valueDescriptions: Record<T, string>,
): Record<T, T> {
  const map = Object.fromEntries(values.map((v) => [v, v])) as Record<T, T>;
  const valuesConfig = Object.fromEntries(values.map((v) => [v, { description: valueDescriptions[v] }])) as Record<
    T,
    { description: string }
  >;
  registerEnumType(map, { name, description, valuesConfig });
  return map;
}
