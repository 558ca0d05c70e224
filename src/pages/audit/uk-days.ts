/** The instant a UK calendar day starts (midnight in London, GMT or BST), as the access log's periods are days. */
export function ukDayStart(day: string): string {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  const offset = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', timeZoneName: 'shortOffset' })
    .formatToParts(utcMidnight)
    .find((p) => p.type === 'timeZoneName')!.value; // "GMT" or "GMT+1"
  const hours = Number(offset.replace('GMT', '') || '0');
  return new Date(utcMidnight.getTime() - hours * 3_600_000).toISOString();
}

/** The first instant after a UK day: the start of the next. */
export function ukDayEnd(day: string): string {
  const next = new Date(`${day}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return ukDayStart(next.toISOString().slice(0, 10));
}
