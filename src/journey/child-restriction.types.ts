import { ArgsType, Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { ArrayMaxSize } from 'class-validator';
import type { Authority, RestrictionCategory } from '../authz/vocabulary';
import { AuthorityEnum } from '../access/enums';
import { ConnectionArgs, ConnectionType } from '../graphql/connection';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';
import { RestrictionCategoryEnum } from './enums';

/** The most staff one restriction names. */
export const MAX_NAMED_STAFF = 50;

@ObjectType('ChildRestriction', {
  description: 'A child’s record restricted by its ADM to the staff they name, with the reason and the day it is to be reviewed by.',
})
export class ChildRestriction {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  childId!: string;

  @Field(() => AuthorityEnum)
  authority!: Authority;

  @Field(() => RestrictionCategoryEnum)
  category!: RestrictionCategory;

  @Field(() => [ID], { description: 'Besides the ADM, who reads the record: its identity too.' })
  allowedStaffIds!: string[];

  @Field()
  reason!: string;

  @Field(() => DateScalar, { description: 'The restriction is to be reviewed by this UK day; it does not lapse.' })
  reviewBy!: string;

  @Field({ description: 'Past its review day (UK): the ADM is to review it, and restrict again or lift it.' })
  reviewOverdue!: boolean;

  @Field(() => ID)
  restrictedBy!: string;

  @Field(() => Int)
  version!: number;
}

export const ChildRestrictionConnection = ConnectionType(ChildRestriction, 'ChildRestriction');

@InputType()
export class RestrictRecordInput {
  @Field(() => ID)
  childId!: string;

  @Field(() => RestrictionCategoryEnum)
  category!: RestrictionCategory;

  @Field(() => [ID], { description: `The staff who may read it besides the ADM (at most ${MAX_NAMED_STAFF}).` })
  @ArrayMaxSize(MAX_NAMED_STAFF)
  allowedStaffIds!: string[];

  @RequiredText(NOTE_LENGTH)
  reason!: string;

  @Field(() => DateScalar, { description: 'After today, within a year.' })
  reviewBy!: string;

  @Field(() => Int, { nullable: true, description: 'The version of the restriction you last saw, when restricting again.' })
  version?: number | null;
}

@InputType()
export class RestrictedRecordsFilter {
  @Field(() => Boolean, { nullable: true, description: 'Only those past (true) or within (false) their review day.' })
  reviewOverdue?: boolean | null;

  @Field(() => RestrictionCategoryEnum, { nullable: true })
  category?: RestrictionCategory | null;
}

@ArgsType()
export class RestrictedRecordsArgs extends ConnectionArgs {
  @Field(() => RestrictedRecordsFilter, { nullable: true })
  filter?: RestrictedRecordsFilter | null;
}
