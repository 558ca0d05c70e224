import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema } from 'graphql';
import { buildAccessMatrix } from '../../src/authz/matrix/access-matrix';
import { grantedTo, renderMutationAccess } from '../../src/authz/matrix/render-mutation-access';
import { MUTATION_ACCESS } from '../../src/authz/mutation-access';

const committed = (file: string) => readFileSync(join(__dirname, '..', '..', 'schema', file), 'utf8');

describe('each mutation’s question to the policy (schema/mutation-access.md)', () => {
  it('the committed table is what MUTATION_ACCESS and the live policy generate (run `npm run matrix` after a change)', () => {
    expect(committed('mutation-access.md')).toBe(renderMutationAccess(buildAccessMatrix()));
  });

  it('names every mutation of the schema, and nothing else', () => {
    const mutations = buildSchema(committed('schema.graphql')).getMutationType()!.getFields();
    expect(Object.keys(MUTATION_ACCESS).sort()).toEqual(Object.keys(mutations).sort());
  });

  it.each(Object.entries(MUTATION_ACCESS))('%s asks a question the policy grants to some role', (_name, access) => {
    expect(grantedTo(buildAccessMatrix(), access)).not.toEqual([]);
  });
});
