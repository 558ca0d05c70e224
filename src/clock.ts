/** The source of "now": real in the server, controllable in tests (panel windows, future-date rules). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** Today's date in UK local time as YYYY-MM-DD: the calendar the agency's dates are recorded in. */
export function ukToday(clock: Clock): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(clock());
}
