import type { HouseholdRecord } from '../../src/households/household.entity';
import { insertChildAt, insertHousehold, type ChildJourney } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import { expectRefused, Q } from './journey-api';

/** Field classes through the API (docs/domain.md, "Field classes and who sees them"), on records each role reaches. */
let allocatedKent: ChildJourney;
let allocatedMedway: ChildJourney;
let proposedForMedway: HouseholdRecord;
let neverProposed: HouseholdRecord;

const api = useTestApi(async ({ dataSource }) => {
  const identity = {
    nhsNumber: '9434765919',
    healthNeeds: 'eczema',
    birthFamilyBackground: 'parental substance misuse',
  };
  allocatedKent = await insertChildAt(dataSource, 'KENT', 'LINKED', { finder: 'finder.1', child: identity });
  allocatedMedway = await insertChildAt(dataSource, 'MEDWAY', 'LINKED', { finder: 'finder.1', child: identity });
  proposedForMedway = allocatedMedway.household!;
  neverProposed = await insertHousehold(dataSource, { stage: 'STAGE_2' });
}, '2026-11-20T12:00:00Z');

const HOUSEHOLD_FIELDS = `query ($id: ID!) {
  household(id: $id) {
    id stage applicants { firstName lastName dateOfBirth } address ethnicity healthNotes dbsOutcome dbsChecksComplete
    redactedFields
  }
}`;

describe('a family finder (allocated children of any authority, and the households)', () => {
  it.each([
    ['a Kent child', () => allocatedKent],
    ['a Medway child', () => allocatedMedway],
  ])('reads the identifying and special fields of %s allocated to them, but not the birth family', async (_child, journey) => {
    const { child } = journey();
    const { data, errors } = await api().as('finder.1')(Q.child, { id: child.id });
    expect(errors).toBeUndefined();
    expect(data!.child).toMatchObject({
      firstName: child.firstName,
      lastName: child.lastName,
      dateOfBirth: child.dateOfBirth,
      nhsNumber: '9434765919',
      ethnicity: child.ethnicity,
      healthNeeds: 'eczema',
      stage: 'LINKED',
      birthFamilyBackground: null,
    });
    expect(data!.child.redactedFields).toEqual(['birthFamilyBackground']);
  });

  it('reads every field of any household, proposed or not, but what its DBS checks found', async () => {
    const { data, errors } = await api().as('finder.2')(HOUSEHOLD_FIELDS, { id: neverProposed.id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({
      address: neverProposed.address,
      dbsOutcome: null,
      dbsChecksComplete: true,
      healthNotes: 'none',
      redactedFields: ['dbsOutcome'],
    });
  });
});

describe('a Kent ADM (households proposed for Kent children)', () => {
  it('reads a household proposed for a Kent child', async () => {
    const { data, errors } = await api().as('adm.kent')(Q.household, { id: allocatedKent.household!.id });
    expect(errors).toBeUndefined();
    expect(data!.household).toMatchObject({ id: allocatedKent.household!.id, stage: 'APPROVED' });
  });

  it.each([
    ['proposed for no child', () => neverProposed],
    ['proposed for a Medway child only', () => proposedForMedway],
  ])('gets NOT_FOUND for a household %s', async (_case, household) => {
    expectRefused(await api().as('adm.kent')(Q.household, { id: household().id }), 'NOT_FOUND');
  });

  it('lists only the households proposed for Kent children', async () => {
    const { data } = await api().as('adm.kent')(Q.households);
    expect(data!.households.edges.map((e: { node: { id: string } }) => e.node.id)).toEqual([allocatedKent.household!.id]);
    expect(data!.households.totalCount).toBe(1);
  });
});

describe('the partnership ADM (households, not children)', () => {
  it('reads every household, with identifying and special fields', async () => {
    const { data } = await api().as('adm.raa')(Q.households);
    expect(data!.households.totalCount).toBe(3);
    const one = await api().as('adm.raa')(HOUSEHOLD_FIELDS, { id: neverProposed.id });
    expect(one.errors).toBeUndefined();
    expect(one.data!.household).toMatchObject({
      applicants: neverProposed.applicants,
      address: neverProposed.address,
      dbsOutcome: 'clear',
      redactedFields: [],
    });
  });

  it('is FORBIDDEN the children list and any child (ROLE_MAY_NOT_READ)', async () => {
    expectRefused(await api().as('adm.raa')(Q.children), 'FORBIDDEN', 'ROLE_MAY_NOT_READ');
    expectRefused(await api().as('adm.raa')(Q.child, { id: allocatedKent.child.id }), 'FORBIDDEN', 'ROLE_MAY_NOT_READ');
  });
});
