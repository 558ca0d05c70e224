import type { Authority } from '../src/authz/vocabulary';
import { addDays } from './calendar';
import type { Random } from './random';

const FIRST_NAMES = [
  'Amelia',
  'Oliver',
  'Isla',
  'George',
  'Ava',
  'Noah',
  'Mia',
  'Leo',
  'Freya',
  'Arthur',
  'Lily',
  'Oscar',
  'Evie',
  'Harry',
  'Ivy',
  'Jack',
  'Rosie',
  'Theo',
  'Poppy',
  'Alfie',
  'Sofia',
  'Jacob',
  'Maya',
  'Ezra',
  'Zara',
  'Kai',
  'Aria',
  'Musa',
  'Nia',
  'Tomasz',
  'Lena',
  'Ayaan',
];
const ADULT_FIRST_NAMES = [
  'Sarah',
  'James',
  'Emma',
  'David',
  'Rebecca',
  'Michael',
  'Laura',
  'Daniel',
  'Hannah',
  'Christopher',
  'Priya',
  'Kwame',
  'Joanne',
  'Paul',
  'Aisha',
  'Mark',
  'Katie',
  'Gareth',
  'Olu',
  'Natalie',
  'Stephen',
  'Agnieszka',
];
const LAST_NAMES = [
  'Smith',
  'Jones',
  'Taylor',
  'Brown',
  'Williams',
  'Wilson',
  'Johnson',
  'Davies',
  'Patel',
  'Robinson',
  'Wright',
  'Thompson',
  'Evans',
  'Walker',
  'White',
  'Roberts',
  'Green',
  'Hall',
  'Khan',
  'Okoro',
  'Nowak',
  'Clarke',
  'Hughes',
  'Edwards',
  'Mensah',
  'Ali',
  'Kaur',
  'Murphy',
];
const ETHNICITIES = [
  'White British',
  'White British',
  'White British',
  'White and Black Caribbean',
  'White and Asian',
  'Black African',
  'Asian British - Indian',
  'White - other',
  'Gypsy/Roma',
];
const RELIGIONS = [null, null, 'Christian', 'Muslim', 'Hindu', 'Sikh', 'No religion'];
const HEALTH_NEEDS = [null, null, null, 'asthma', 'global developmental delay', 'foetal alcohol spectrum disorder', 'eczema'];
const DISABILITIES = [null, null, null, null, null, 'hearing impairment', 'cerebral palsy'];
const BACKGROUNDS = ['parental substance misuse', 'domestic abuse', 'neglect', 'parental mental ill health'];
const TOWNS: Record<Authority, readonly string[]> = {
  BEXLEY: ['Bexleyheath', 'Sidcup', 'Erith', 'Welling'],
  KENT: ['Maidstone', 'Canterbury', 'Ashford', 'Tunbridge Wells', 'Folkestone', 'Sevenoaks', 'Margate'],
  MEDWAY: ['Chatham', 'Rochester', 'Gillingham', 'Strood', 'Rainham'],
};
const STREETS = ['Orchard Close', 'Church Lane', 'Station Road', 'Mill Way', 'The Avenue', 'Hop Garden Road'];
const NEEDS_THEY_CAN_MEET = [
  'sibling group',
  'global developmental delay',
  'foetal alcohol spectrum disorder',
  'contact with birth family',
  'older child',
];

/** Plausible, invented identities: no real person's. */
export function fakeChildIdentity(random: Random) {
  return {
    firstName: random.pick(FIRST_NAMES),
    lastName: random.pick(LAST_NAMES),
    sex: random.pick(['female', 'male']),
    ethnicity: random.pick(ETHNICITIES),
    religion: random.pick(RELIGIONS),
    disability: random.pick(DISABILITIES),
    healthNeeds: random.pick(HEALTH_NEEDS),
    birthFamilyBackground: random.pick(BACKGROUNDS),
  };
}

/** One or two invented applicants, born 25 to 55 years before `on`, and where they live. */
export function fakeHouseholdIdentity(random: Random, homeAuthority: Authority | null, on: string) {
  const lastName = random.pick(LAST_NAMES);
  const applicant = () => ({
    firstName: random.pick(ADULT_FIRST_NAMES),
    lastName: random.chance(0.8) ? lastName : random.pick(LAST_NAMES),
    dateOfBirth: addDays(on, -random.int(25 * 365, 55 * 365)),
  });
  const town = homeAuthority ? random.pick(TOWNS[homeAuthority]) : random.pick(['Croydon', 'Brighton', 'Hastings']);
  const minChildAge = random.int(0, 3);
  return {
    applicants: Array.from({ length: random.chance(0.7) ? 2 : 1 }, applicant),
    address: `${random.int(1, 120)} ${random.pick(STREETS)}, ${town}`,
    ethnicity: random.pick(ETHNICITIES),
    religion: random.pick(RELIGIONS),
    healthNotes: random.pick([null, null, 'well-managed type 2 diabetes', 'history of depression, now well']),
    minChildAge,
    maxChildAge: minChildAge + random.int(2, 8),
    maxSiblings: random.pick([1, 1, 2, 2, 3]),
    needsTheyCanMeet: NEEDS_THEY_CAN_MEET.filter(() => random.chance(0.3)),
  };
}

/** A family name for a support case. */
export const fakeFamilyName = (random: Random) => `${random.pick(LAST_NAMES)} family`;

/** A valid NHS number (modulus-11 check digit) in the 999 range that is never issued to a patient; none of `taken`. */
export function fakeNhsNumber(random: Random, taken?: Set<string>): string {
  for (;;) {
    const body = `999${String(random.int(0, 999999)).padStart(6, '0')}`;
    const sum = [...body].reduce((acc, d, i) => acc + Number(d) * (10 - i), 0);
    const check = (11 - (sum % 11)) % 11;
    const number = `${body}${check}`;
    if (check !== 10 && !taken?.has(number)) {
      taken?.add(number);
      return number;
    }
  }
}
