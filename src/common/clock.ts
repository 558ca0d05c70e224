/** The source of "now": real in the server, controllable in tests (panel windows, future-date rules). */
export type Clock = () => Date;

export const systemClock: Clock = () => new Date();

/** The real clock moved `days` whole days ahead: a developer's way to see tomorrow (DEV_DAYS_AHEAD). */
export const clockDaysAhead = (days: number): Clock => (days === 0 ? systemClock : () => new Date(Date.now() + days * 86_400_000));

const UK_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' });

/** A calendar day (YYYY-MM-DD) moved by `days`: date arithmetic, not instants, so no zone can shift it. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** The calendar day of `instant` in UK local time, YYYY-MM-DD: the calendar the agency's dates are recorded in. */
export function ukDate(instant: Date): string {
  return UK_DATE.format(instant);
}

/** The instant the UK day after `day` (YYYY-MM-DD) begins: midnight in London, GMT or BST. */
export function ukMidnightAfter(day: string): Date {
  const next = new Date(`${addDays(day, 1)}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(next)
    .find((part) => part.type === 'timeZoneName')!.value;
  return new Date(next.getTime() - Number(offset.replace('GMT', '') || '0') * 3_600_000);
}
