import { IsOptional, Length, MaxLength } from 'class-validator';
import { Field } from 'type-graphql';

/** Short texts (names, codes) and notes: the lengths every input uses. */
export const NAME_LENGTH = 100;
export const NOTE_LENGTH = 4000;

/** A required text field of 1 to `max` characters (blank is refused by the service, which trims). */
export function RequiredText(max: number = NAME_LENGTH, description?: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { description })(target, key);
    Length(1, max)(target, key);
  };
}

/** An optional text field of at most `max` characters; null or absent leaves it unset. */
export function OptionalText(max: number = NOTE_LENGTH, description?: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { nullable: true, description })(target, key);
    IsOptional()(target, key);
    MaxLength(max)(target, key);
  };
}
