import { bankHolidaysOf, isWorkingDay, workingDaysBetween } from '../../src/common/working-days';

/** England's bank holidays, as GOV.UK publishes them, and the working days between two days. */
it.each<[number, string[]]>([
  [2020, ['2020-01-01', '2020-04-10', '2020-04-13', '2020-05-08', '2020-05-25', '2020-08-31', '2020-12-25', '2020-12-28']],
  [2021, ['2021-01-01', '2021-04-02', '2021-04-05', '2021-05-03', '2021-05-31', '2021-08-30', '2021-12-27', '2021-12-28']],
  [
    2022,
    [
      '2022-01-03',
      '2022-04-15',
      '2022-04-18',
      '2022-05-02',
      '2022-06-02',
      '2022-06-03',
      '2022-08-29',
      '2022-09-19',
      '2022-12-26',
      '2022-12-27',
    ],
  ],
  [2023, ['2023-01-02', '2023-04-07', '2023-04-10', '2023-05-01', '2023-05-08', '2023-05-29', '2023-08-28', '2023-12-25', '2023-12-26']],
  [2026, ['2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28']],
])('the bank holidays of %i', (year, days) => {
  expect([...bankHolidaysOf(year)].sort()).toEqual(days);
});

it.each<[string, string, number, string]>([
  ['2026-09-02', '2026-09-02', 0, 'the same day'],
  ['2026-09-03', '2026-09-02', 0, 'a later day'],
  ['2026-09-04', '2026-09-07', 1, 'Friday to Monday: the weekend'],
  ['2026-08-27', '2026-09-02', 3, 'across the August bank holiday'],
  ['2026-12-24', '2026-12-29', 1, 'across Christmas, Boxing Day moved to Monday'],
  ['2026-04-02', '2026-04-07', 1, 'across Easter'],
])('from %s to %s: %i working days (%s)', (from, to, days) => {
  expect(workingDaysBetween(from, to)).toBe(days);
});

it('a weekend day and a bank holiday are not working days; an ordinary weekday is', () => {
  expect([isWorkingDay('2026-09-05'), isWorkingDay('2026-08-31'), isWorkingDay('2026-09-01')]).toEqual([false, false, true]);
});
