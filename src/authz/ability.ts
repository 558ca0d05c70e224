import { AbilityBuilder, createMongoAbility, MongoAbility, MongoQuery } from '@casl/ability';
import type { Action, SubjectType } from './vocabulary';

/** Subjects are checked by type name or as records whose class names the type (`static modelName`). */
export type AppAbility = MongoAbility<[Action, SubjectType | object], MongoQuery>;
export type AppAbilityBuilder = AbilityBuilder<AppAbility>;

export function createAbilityBuilder(): AppAbilityBuilder {
  return new AbilityBuilder<AppAbility>(createMongoAbility);
}
