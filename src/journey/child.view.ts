import type { AppAbility } from '../authz/ability';
import { guardFields } from '../access/field-guard';
import type { GuardedSubject } from '../access/guarded';
import { ChildRecord } from './child.entity';
import type { Child } from './child.types';

/** Whole years from `dateOfBirth` to `today` (both YYYY-MM-DD). */
export function ageInYears(dateOfBirth: string, today: string): number {
  const years = Number(today.slice(0, 4)) - Number(dateOfBirth.slice(0, 4));
  return today.slice(5) < dateOfBirth.slice(5) ? years - 1 : years;
}

/**
 * A child as the caller may see it: the GraphQL fields, named one by one (so a new column is never exposed
 * by accident, and the object is built in one step: copying an entity property by property costs far
 * more), relations resolving from the id; then the field guard hides what the caller may not read.
 */
export function presentChild(ability: AppAbility, today: string, r: ChildRecord): Child {
  return guardFields(ability, 'Child', r, {
    id: r.id,
    authority: r.authority,
    stage: r.stage,
    firstName: r.firstName,
    lastName: r.lastName,
    dateOfBirth: r.dateOfBirth,
    ageInYears: ageInYears(r.dateOfBirth, today),
    nhsNumber: r.nhsNumber,
    sex: r.sex,
    ethnicity: r.ethnicity,
    religion: r.religion,
    disability: r.disability,
    healthNeeds: r.healthNeeds,
    birthFamilyBackground: r.birthFamilyBackground,
    enteredCareOn: r.enteredCareOn,
    adoptionPlanDecidedOn: r.adoptionPlanDecidedOn,
    placementOrderGrantedOn: r.placementOrderGrantedOn,
    earlyPermanencePlacedOn: r.earlyPermanencePlacedOn,
    matchedOn: r.matchedOn,
    placedOn: r.placedOn,
    adoptionOrderGrantedOn: r.adoptionOrderGrantedOn,
    planChangedOn: r.planChangedOn,
    planChangeReason: r.planChangeReason,
    disruptedOn: r.disruptedOn,
    version: r.version,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  });
}

/** The child as services read and change it: through the field guard, on the request's day. */
export const CHILD: GuardedSubject<ChildRecord, Child> = {
  subjectType: 'Child',
  entity: ChildRecord,
  alias: 'child',
  present: (ctx, record) => presentChild(ctx.ability, ctx.today, record),
};
