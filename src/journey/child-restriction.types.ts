import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Authority, RestrictionCategory } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { OrderByField, OrderInputType, type OrderBy, type OrderFields } from '../graphql/list-order';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import { RestrictionCategoryEnum } from './enums';

/** The most staff one restriction names. */
export const MAX_NAMED_STAFF = 50;

@ObjectType('ChildRestriction', {
  description: 'A child’s record restricted by its ADM to the staff they name, with the reason and the day it is to be reviewed by.',
})
export class ChildRestriction {
  @Field(() => ID, { description: 'The restriction’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The child whose record is restricted.' })
  childId!: string;

  @Field(() => AuthorityEnum, { description: 'The child’s authority.' })
  authority!: Authority;

  @Field(() => RestrictionCategoryEnum, { description: 'Why the record is restricted, and so how much of it.' })
  category!: RestrictionCategory;

  @Field(() => [ID], { description: 'Besides the ADM, who reads the record: its identity too.' })
  allowedStaffIds!: string[];

  @Field({ description: 'The ADM’s reason for restricting it.' })
  reason!: string;

  @Field(() => DateScalar, { description: 'The restriction is to be reviewed by this UK day; it does not lapse.' })
  reviewBy!: string;

  @Field({ description: 'Past its review day (UK): the ADM is to review it, and restrict again or lift it.' })
  reviewOverdue!: boolean;

  @Field(() => ID, { description: 'The ADM who restricted it (or restricted it again at its review).' })
  restrictedBy!: string;

  @Field(() => Int, { description: 'Pass back when restricting again; a stale version is a CONFLICT.' })
  version!: number;
}

export const ChildRestrictionConnection = ConnectionType(ChildRestriction, 'ChildRestriction');

/** The fields a list of restrictions may be ordered by: each a column. */
export const CHILD_RESTRICTION_ORDER_FIELDS = {
  REVIEW_BY: { property: 'reviewBy', description: 'The day the restriction is to be reviewed by.' },
  CATEGORY: { property: 'category', description: 'Why the record is restricted.' },
  CREATED_AT: { property: 'createdAt', description: 'When the child was first restricted.' },
} as const satisfies OrderFields<string>;
export type ChildRestrictionOrderField = keyof typeof CHILD_RESTRICTION_ORDER_FIELDS;
const ChildRestrictionOrder = OrderInputType('ChildRestriction', 'restrictions', CHILD_RESTRICTION_ORDER_FIELDS);

@InputType({ description: 'A child’s record restricted by its ADM to the staff they name.' })
export class RestrictRecordInput {
  @Field(() => ID, { description: 'The child.' })
  childId!: string;

  @Field(() => RestrictionCategoryEnum, { description: 'Why, and so how much of the record.' })
  category!: RestrictionCategory;

  @Field(() => [ID], { description: `The staff who may read it besides the ADM (at most ${MAX_NAMED_STAFF}).` })
  @ArrayMaxSize(MAX_NAMED_STAFF)
  allowedStaffIds!: string[];

  @RequiredText(NOTE_LENGTH, 'The ADM’s reason.')
  reason!: string;

  @Field(() => DateScalar, { description: 'After today, within a year.' })
  reviewBy!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the restriction you last saw, when restricting again.' })
  version?: number | null;
}

@InputType({ description: 'Criteria on the restrictions you may see; every one given must hold.' })
export class RestrictedRecordsFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those past (true) or within (false) their review day.' })
  reviewOverdue?: boolean | null;

  @Field(() => RestrictionCategoryEnum, { nullable: true, description: 'Restrictions of this category.' })
  category?: RestrictionCategory | null;
}

@ArgsType()
export class RestrictedRecordsArgs extends ConnectionArgs {
  @Field(() => RestrictedRecordsFilter, { nullable: true, description: 'Narrows the restrictions; every criterion given must hold.' })
  filter?: RestrictedRecordsFilter | null;

  @OrderByField(ChildRestrictionOrder, 'By default oldest first.')
  orderBy?: OrderBy<ChildRestrictionOrderField>[];
}
