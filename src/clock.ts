/** The source of "now": real in the server, controllable in tests (panel windows, future-date rules). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** The calendar day of `instant` in UK local time, YYYY-MM-DD: the calendar the agency's dates are recorded in. */
export function ukDate(instant: Date): string {
  return UK_DATE.format(instant);
}
