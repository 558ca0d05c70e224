import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import type { Authority } from '../authz/vocabulary';
import { AuthorityEnum } from '../graphql/enums';
import { DateScalar } from '../graphql/scalars';

const NOTE = 2000;

@InputType()
export class CreateChildInput {
  @Field(() => AuthorityEnum, { description: "The child's responsible authority; a PPM lead records for their own." })
  authority!: Authority;

  @Field()
  @Length(1, 100)
  firstName!: string;

  @Field()
  @Length(1, 100)
  lastName!: string;

  @Field(() => DateScalar)
  dateOfBirth!: string;

  @Field(() => DateScalar)
  enteredCareOn!: string;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(12)
  nhsNumber?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(50)
  sex?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  ethnicity?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(100)
  religion?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  disability?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  healthNeeds?: string | null;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(NOTE)
  birthFamilyBackground?: string | null;
}
