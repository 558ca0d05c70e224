import { IsOptional } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import type { AuthorityToPlace } from './placement-order.entity';
import { AuthorityEnum } from '../access/enums';
import { AuthorityToPlaceEnum } from './enums';
import { NAME_LENGTH, NOTE_LENGTH, OptionalText, RequiredText } from '../graphql/input-fields';
import { DateScalar } from '../graphql/scalars';

/** The details of a child that may be given at creation and corrected later (all optional). */
@InputType()
export class ChildDetailsInput {
  @OptionalText(12, 'Identifying: the NHS number, ten digits with a valid check digit (spaces ignored).')
  nhsNumber?: string | null;

  @OptionalText(50, 'Special category: the child’s sex.')
  sex?: string | null;

  @OptionalText(NAME_LENGTH, 'Special category: the child’s ethnicity.')
  ethnicity?: string | null;

  @OptionalText(NAME_LENGTH, 'Special category: the child’s religion.')
  religion?: string | null;

  @OptionalText(NOTE_LENGTH, 'Special category: the child’s disability, if any.')
  disability?: string | null;

  @OptionalText(NOTE_LENGTH, 'Special category: the child’s health needs.')
  healthNeeds?: string | null;

  @OptionalText(NOTE_LENGTH, 'Birth family: the birth relatives’ identities and circumstances.')
  birthFamilyBackground?: string | null;
}

@InputType({ description: 'A child referred because adoption is being considered.' })
export class CreateChildInput extends ChildDetailsInput {
  @Field(() => AuthorityEnum, { description: "The child's responsible authority; a PPM lead records for their own." })
  authority!: Authority;

  @RequiredText(NAME_LENGTH, 'Identifying: the child’s first name.')
  firstName!: string;

  @RequiredText(NAME_LENGTH, 'Identifying: the child’s surname.')
  lastName!: string;

  @Field(() => DateScalar, { description: 'Identifying: the child’s date of birth.' })
  dateOfBirth!: string;

  @Field(() => DateScalar, { description: 'The day the child entered care: not in the future.' })
  enteredCareOn!: string;
}

/** A change to an existing child (fields inherited by each input): `version` is the one the caller last read (stale = CONFLICT). */
@InputType()
export class ChildChangeInput {
  @Field(() => ID, { description: 'The child.' })
  childId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;
}

/** Corrections to a child's details: only the fields given change. */
@InputType({ description: 'Corrections to a child’s details: only the fields given change.' })
export class UpdateChildInput extends ChildDetailsInput {
  @Field(() => ID, { description: 'The child.' })
  childId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;

  @OptionalText(NAME_LENGTH, 'Identifying: the child’s first name.')
  firstName?: string | null;

  @OptionalText(NAME_LENGTH, 'Identifying: the child’s surname.')
  lastName?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Identifying: the child’s date of birth.' })
  @IsOptional()
  dateOfBirth?: string | null;
}

@InputType({ description: 'A family finder allocated to a child.' })
export class AllocateFamilyFinderInput extends ChildChangeInput {
  @Field(() => ID, { description: 'The member of staff holding the FAMILY_FINDER role.' })
  familyFinderId!: string;

  @Field(() => DateScalar, { description: 'The day of the allocation.' })
  allocatedOn!: string;
}

@InputType({ description: 'Authority to place: a court placement order or formal parental consent.' })
export class RecordPlacementOrderInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day it was granted: on or after the adoption-plan decision.' })
  grantedOn!: string;

  @Field(() => AuthorityToPlaceEnum, { nullable: true, description: 'Default PLACEMENT_ORDER.' })
  @IsOptional()
  basis?: AuthorityToPlace | null;
}

@InputType({ description: 'A fostering-for-adoption placement with dually approved carers.' })
export class RecordEarlyPermanencePlacementInput extends ChildChangeInput {
  @Field(() => ID, {
    description:
      'Dually approved carers: named directly while adoption is being considered; once the plan is decided, the household linked with the child (proposeMatch).',
  })
  householdId!: string;

  @Field(() => DateScalar, { description: 'The day of the placement.' })
  placedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'The day the carers were temporarily approved as this child’s foster carers: required before the plan decision.',
  })
  @IsOptional()
  temporaryFosterCarerApprovalOn?: string | null;
}

@InputType({ description: 'The child’s placement for adoption with the approved match.' })
export class RecordPlacementInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day of the placement: on or after the match decision and the placement order.' })
  placedOn!: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: 'When the adopters are the child’s own foster carers: the day the child moved in with them.',
  })
  @IsOptional()
  movedInOn?: string | null;
}

@InputType({ description: 'The court’s adoption order.' })
export class RecordAdoptionOrderInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day of the order: at least 10 weeks after the placement.' })
  grantedOn!: string;
}

@InputType({ description: 'Adoption is no longer the child’s plan.' })
export class RecordPlanChangeInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day the plan changed.' })
  changedOn!: string;

  @RequiredText(NOTE_LENGTH, 'Why.')
  reason!: string;
}

@InputType({ description: 'A placement that ended before the adoption order.' })
export class RecordDisruptionInput extends ChildChangeInput {
  @Field(() => DateScalar, { description: 'The day the placement ended.' })
  disruptedOn!: string;

  @Field(() => DateScalar, { description: 'The disruption meeting held for it.' })
  meetingOn!: string;

  @RequiredText(NOTE_LENGTH, 'Why it ended.')
  reason!: string;
}
