// @ts-check
import js from '@eslint/js';
import boundaries from 'eslint-plugin-boundaries';
import prettier from 'eslint-config-prettier';
import tseslint from 'typescript-eslint';

/** The floors of src/ (docs/architecture.md, "Layering rules"): what each may import. */
const WINGS = ['journey', 'households', 'panels', 'support', 'board', 'audit', 'staff', 'work'];
const layering = {
  files: ['src/**/*.ts'],
  plugins: { boundaries },
  settings: {
    'import/resolver': { node: { extensions: ['.ts'] } },
    'boundaries/include': ['src/**/*.ts'],
    'boundaries/elements': [
      { type: 'app', pattern: 'src/app' },
      { type: 'authz', pattern: 'src/authz' },
      { type: 'access', pattern: 'src/access' },
      { type: 'graphql', pattern: 'src/graphql' },
      { type: 'db', pattern: 'src/db' },
      { type: 'wing', pattern: `src/(${WINGS.join('|')})`, capture: ['wing'] },
      { type: 'common', pattern: 'src/common' },
      { type: 'pages', pattern: 'src/pages' },
    ],
  },
  rules: {
    'boundaries/no-unknown-files': 'error',
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        policies: [
          {
            from: { element: { type: 'app' } },
            allow: { to: { element: { types: { anyOf: ['app', 'authz', 'access', 'graphql', 'db', 'wing', 'common'] } } } },
          },
          { from: { element: { type: 'authz' } }, allow: { to: { element: { type: 'authz' } } } },
          {
            from: { element: { type: 'access' } },
            allow: { to: { element: { types: { anyOf: ['access', 'authz', 'graphql', 'db', 'common'] } } } },
          },
          {
            from: { element: { type: 'wing' } },
            allow: { to: { element: { types: { anyOf: ['wing', 'authz', 'access', 'graphql', 'db', 'common'] } } } },
          },
          { from: { element: { type: 'graphql' } }, allow: { to: { element: { types: { anyOf: ['graphql', 'db', 'common'] } } } } },
          { from: { element: { type: 'db' } }, allow: { to: { element: { types: { anyOf: ['db', 'common'] } } } } },
          { from: { element: { type: 'common' } }, allow: { to: { element: { type: 'common' } } } },
          // The browser's code: itself, and the server's types only (erased from the bundle), never its code.
          { from: { element: { type: 'pages' } }, allow: { to: { element: { type: 'pages' } } } },
          {
            from: { element: { type: 'pages' } },
            allow: { to: { element: { types: { anyOf: ['wing', 'authz'] } } }, dependency: { kind: 'type' } },
          },
        ],
      },
    ],
  },
};

/** The policy is pure: @casl/ability and itself, no database, no GraphQL, no clock. */
const purePolicy = {
  files: ['src/authz/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: [{ regex: '^(?!@casl/ability(/|$)|\\.{1,2}/)', message: 'src/authz/ imports @casl/ability and itself only' }] },
    ],
  },
};

/** The pages run in the browser: their own modules, the charting library and CASL, nothing of Node or the server's packages. */
const browserPages = {
  files: ['src/pages/**/*.ts'],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            regex: '^(?!echarts(/|$)|@casl/ability(/|$)|\\.{1,2}/)',
            message: 'src/pages/ runs in the browser: it imports itself, echarts and @casl/ability only',
          },
        ],
      },
    ],
  },
};

export default tseslint.config(
  {
    ignores: ['dist/**', 'node_modules/**', 'coverage/**', '.data/**', 'bench/results*', 'test-output/**', '.stryker-tmp/**', 'reports/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { parserOptions: { projectService: false } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      // A variable a closure reads before it is assigned (the request context a 'close' handler releases) stays `let`.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
  {
    // Responses are untyped JSON in the tests, read field by field.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['**/*.js'],
    languageOptions: {
      sourceType: 'commonjs',
      globals: { require: 'readonly', module: 'writable', process: 'readonly', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  layering,
  purePolicy,
  browserPages,
  prettier,
);
