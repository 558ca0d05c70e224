import { IsOptional, Length, MaxLength, ValidateBy } from 'class-validator';
import { Field } from 'type-graphql';
import { BLANK_TEXT, isBlankText } from './input-rules';

/** Short texts (names, codes) and notes: the lengths every input uses. */
export const NAME_LENGTH = 100;
export const NOTE_LENGTH = 4000;

/**
 * A required text field of 1 to `max` characters that shows something to the eye: checked with the input's other
 * fields, so a form hears of every fault at once (the service stores it trimmed, in NFC).
 */
export function RequiredText(max: number = NAME_LENGTH, description?: string): PropertyDecorator {
  return (target, key) => {
    Field(() => String, { description })(target, key);
    Length(1, max)(target, key);
    ValidateBy({
      name: 'notBlankToTheEye',
      validator: { validate: (value) => typeof value !== 'string' || !isBlankText(value), defaultMessage: () => BLANK_TEXT },
    })(target, key);
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
