/* eslint-disable @typescript-eslint/no-require-imports -- modules are replaced in require's cache before the API loads */
import Module from 'node:module';
import { join } from 'node:path';

/**
 * The API with authorization off, for the benchmark's comparison only: the built API (dist/) with two of
 * its modules replaced before it loads, so that nothing in src/ can switch authorization off.
 *  - the policy: every action on every subject, for everyone;
 *  - the request role: the login itself (a superuser on the benchmark's database), so Row-Level Security
 *    does not apply.
 * Everything else (token verification, rate count, settings, facts, field guard, access log) runs as in
 * the full API.
 */
const DIST = join(__dirname, '../dist/src');

function substitute(path: string, makeExports: (real: Record<string, unknown>) => Record<string, unknown>): void {
  const id = require.resolve(path);
  const real = require(id) as Record<string, unknown>;
  const module = new Module(id);
  module.filename = id;
  module.loaded = true;
  module.exports = makeExports(real);
  require.cache[id] = module;
}

const { createAbilityBuilder } = require(`${DIST}/authz/ability`) as typeof import('../src/authz/ability');
const { ACTIONS, SUBJECT_TYPES } = require(`${DIST}/authz/vocabulary`) as typeof import('../src/authz/vocabulary');

substitute(`${DIST}/authz/define-ability`, (real) => ({
  ...real,
  defineAbilityFor: () => {
    const builder = createAbilityBuilder();
    builder.can([...ACTIONS], [...SUBJECT_TYPES]);
    return builder.build();
  },
}));
const login = new URL(process.env.DATABASE_URL ?? 'postgres://postgres@localhost').username || 'postgres';
substitute(`${DIST}/db/request-role`, () => ({ REQUEST_ROLE: login }));

require(`${DIST}/app/main`);
