import type { DataSource } from 'typeorm';
import { demoStaff } from '../../seeds/demo-staff';
import type { Authority } from '../../src/authz/vocabulary';
import { ChildRecord } from '../../src/journey/child.entity';

let sequence = 0;

/** A valid child of `authority`, written straight to the database (fixtures bypass the API). */
export async function insertChild(
  dataSource: DataSource,
  authority: Authority,
  overrides: Partial<ChildRecord> = {},
): Promise<ChildRecord> {
  sequence += 1;
  const child = dataSource.getRepository(ChildRecord).create({
    authority,
    firstName: `Child${sequence}`,
    lastName: `Test${authority}`,
    dateOfBirth: '2021-03-14',
    enteredCareOn: '2022-01-10',
    ethnicity: 'White British',
    birthFamilyBackground: 'neglect',
    createdBy: demoStaff(`ppm.${authority.toLowerCase()}`).id,
    ...overrides,
  });
  return dataSource.getRepository(ChildRecord).save(child);
}

/** Several children of one authority, created in order. */
export async function insertChildren(dataSource: DataSource, authority: Authority, count: number): Promise<ChildRecord[]> {
  const children: ChildRecord[] = [];
  for (let i = 0; i < count; i += 1) children.push(await insertChild(dataSource, authority));
  return children;
}
