/**
 * What text input may hold. Every string a client sends — a variable or a literal in the operation — is
 * refused (BAD_USER_INPUT naming where it was) when it carries a NUL or another control character (tab and
 * line breaks aside), half of a surrogate pair, or a bidirectional override (which can make a record read
 * differently from what it holds). Stored text is normalised to NFC, and a required text that shows
 * nothing to the eye (only spaces, zero-width or other invisible characters) is blank.
 */
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const BIDI_OVERRIDE = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const INVISIBLE =
  // eslint-disable-next-line no-misleading-character-class -- each invisible character is listed alone, joiners and marks included
  /[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180B-\u180F\u200B-\u200F\u2028-\u202F\u205F-\u206F\u3164\uFE00-\uFE0F\uFEFF\uFFA0]/gu;

/** Why `text` cannot be taken, or null. */
export function textFault(text: string): string | null {
  if (LONE_SURROGATE.test(text)) return 'holds half of a surrogate pair';
  if (CONTROL.test(text)) return 'holds a control character';
  if (BIDI_OVERRIDE.test(text)) return 'holds a bidirectional override';
  return null;
}

/** True when nothing of `text` would show: spaces, zero-width and other invisible characters only. */
export function isBlankToTheEye(text: string): boolean {
  return text.replace(INVISIBLE, '').length === 0;
}

/** Text as it is stored: trimmed, in Unicode normal form C. */
export function storedText(text: string): string {
  return text.normalize('NFC').trim();
}
