import { badUserInput, fieldFaultsOf, invalidInput, type FieldFault } from './errors';
import { inputClassFaults } from './input-class';
import { isBlankToTheEye, storedText } from './text-input';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Ids are UUIDs; anything else is the caller's mistake, not a lookup. */
export function parseId(field: string, value: string): string {
  if (!UUID.test(value)) throw badUserInput(field, 'must be a UUID');
  return value.toLowerCase();
}

/** Recorded dates never lie in the future (DfE validation rule). `today` is in UK local time. */
export function assertNotFuture(field: string, date: string, today: string): void {
  if (date > today) throw badUserInput(field, `must not be in the future (today is ${today})`);
}

/** `date` must fall on or after `earliest`; `rule` names the rule for the message. */
export function assertOnOrAfter(field: string, date: string, earliest: string, rule: string): void {
  if (date < earliest) throw badUserInput(field, `${rule} (${date} is before ${earliest})`);
}

export const BLANK_TEXT = 'must not be empty, or blank to the eye';

/** True for text that, as stored (trimmed, NFC), shows nothing to the eye. */
export function isBlankText(value: string): boolean {
  return isBlankToTheEye(storedText(value));
}

/** Text as stored (trimmed, NFC) that shows something to the eye. */
export function requireText(field: string, value: string): string {
  if (isBlankText(value)) throw badUserInput(field, BLANK_TEXT);
  return storedText(value);
}

/** Optional text as stored (trimmed, NFC): blank, or blank to the eye, becomes null. */
export function optionalText(value: string | null | undefined): string | null {
  const text = value == null ? '' : storedText(value);
  return isBlankToTheEye(text) ? null : text;
}

/** An NHS number: ten digits whose last is the modulus-11 check digit of the first nine. */
export function assertNhsNumber(field: string, value: string): void {
  const digits = value.replace(/\s/g, '');
  if (!/^\d{10}$/.test(digits)) throw badUserInput(field, 'must be ten digits');
  const sum = [...digits.slice(0, 9)].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
  const check = 11 - (sum % 11);
  const expected = check === 11 ? 0 : check;
  if (expected === 10 || expected !== Number(digits[9])) throw badUserInput(field, 'is not a valid NHS number');
}

type Checks = readonly (() => unknown)[];
type Results<T extends Checks> = { -readonly [K in keyof T]: ReturnType<T[K]> };

/**
 * Runs every check of an input, and refuses it once, naming every field at fault (one BAD_USER_INPUT whose `fields`
 * lists them, each once, with the first rule it breaks), so a form learns all its mistakes in one round trip.
 * Returns each check's result, in order. The checks are rules of the input alone: any other error stops at once.
 */
export function checkAll<T extends Checks>(...checks: T): Results<T> {
  const faults: FieldFault[] = [];
  const results = checks.map((check) => {
    try {
      return check();
    } catch (error) {
      const found = fieldFaultsOf(error);
      if (found.length === 0) throw error;
      faults.push(...found.filter((f) => !faults.some((known) => known.field === f.field)));
      return undefined;
    }
  });
  const [first, ...rest] = faults;
  if (first) throw invalidInput([first, ...rest]);
  return results as Results<T>;
}

/**
 * A mutation's input checked in one pass: its class's rules (presence, lengths, ranges, text blank to the eye) and the
 * step's `checks`, the rules of the input alone (dates not in the future, one date against another, ids, a value
 * against another); one refusal names every field at fault (see checkAll). Returns each check's result, in order.
 */
export function checkInput<T extends Checks>(input: object, ...checks: T): Results<T> {
  const [, ...results] = checkAll(
    () => {
      const [first, ...rest] = inputClassFaults(input);
      if (first) throw invalidInput([first, ...rest]);
    },
    ...checks,
  );
  return results as Results<T>;
}
