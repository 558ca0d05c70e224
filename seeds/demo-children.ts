import type { Authority } from '../src/authz/vocabulary';
import type { ChildRecord } from '../src/children/child.entity';
import { demoStaff } from './demo-staff';
import { fakeChildIdentity, fakeNhsNumber } from './fake-identities';
import { addDays, type Random } from './random';

const PER_AUTHORITY: Record<Authority, number> = { BEXLEY: 6, KENT: 18, MEDWAY: 9 };

/** Children being considered for adoption in each authority, in proportion to its size. */
export function demoChildren(random: Random): Partial<ChildRecord>[] {
  return (Object.keys(PER_AUTHORITY) as Authority[]).flatMap((authority) =>
    Array.from({ length: PER_AUTHORITY[authority] }, () => {
      const dateOfBirth = addDays('2019-01-01', random.int(0, 2200));
      return {
        authority,
        stage: 'CONSIDERING_ADOPTION' as const,
        ...fakeChildIdentity(random),
        dateOfBirth,
        nhsNumber: fakeNhsNumber(random),
        enteredCareOn: addDays(dateOfBirth, random.int(0, 400)),
        healthNeeds: random.pick([null, 'asthma', 'global developmental delay', 'foetal alcohol spectrum disorder']),
        birthFamilyBackground: random.pick(['parental substance misuse', 'domestic abuse', 'neglect']),
        createdBy: demoStaff(`ppm.${authority.toLowerCase()}`).id,
      };
    }),
  );
}
