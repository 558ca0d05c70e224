import type { Random } from './random';

const FIRST_NAMES = [
  'Amelia', 'Oliver', 'Isla', 'George', 'Ava', 'Noah', 'Mia', 'Leo', 'Freya', 'Arthur', 'Lily', 'Oscar',
  'Evie', 'Harry', 'Ivy', 'Jack', 'Rosie', 'Theo', 'Poppy', 'Alfie', 'Sofia', 'Jacob', 'Maya', 'Ezra',
  'Zara', 'Kai', 'Aria', 'Musa', 'Nia', 'Tomasz', 'Lena', 'Ayaan',
];
const LAST_NAMES = [
  'Smith', 'Jones', 'Taylor', 'Brown', 'Williams', 'Wilson', 'Johnson', 'Davies', 'Patel', 'Robinson',
  'Wright', 'Thompson', 'Evans', 'Walker', 'White', 'Roberts', 'Green', 'Hall', 'Khan', 'Okoro',
  'Nowak', 'Clarke', 'Hughes', 'Edwards', 'Mensah', 'Ali', 'Kaur', 'Murphy',
];
const ETHNICITIES = [
  'White British', 'White British', 'White British', 'White and Black Caribbean', 'White and Asian',
  'Black African', 'Asian British - Indian', 'White - other', 'Gypsy/Roma',
];

/** Plausible, invented identities: no real person's. */
export function fakeChildIdentity(random: Random) {
  return {
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    sex: random.pick(['female', 'male']),
    ethnicity: random.pick(ETHNICITIES),
  };
}

/** A valid NHS number (modulus-11 check digit) in the 999 range that is never issued to a patient. */
export function fakeNhsNumber(random: Random): string {
  for (;;) {
    const body = `999${String(random.int(0, 999999)).padStart(6, '0')}`;
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    if (check !== 10) return `${body}${check}`;
  }
}
