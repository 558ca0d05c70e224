import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type OperationDefinitionNode } from 'graphql';
import request from 'supertest';
import ts from 'typescript';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { loadConfig } from '../../src/app/config';
import { readManifest } from '../../src/graphql/trusted-documents';
import { DEFAULT_NOW, resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';

/**
 * A front end's operations (schema/operations/), proved with the real toolchain: valid against the schema; GraphQL Code
 * Generator's client preset, run with the codegen.ts the README quotes, writes code that compiles under strict
 * TypeScript with a typed usage file; and its trusted-documents manifest is the API's TRUSTED_DOCUMENTS, run by id.
 */
const ROOT = join(__dirname, '..', '..');
const OPERATIONS = join(ROOT, 'schema', 'operations');
const documents = readdirSync(OPERATIONS).filter((file) => file.endsWith('.graphql'));
const schema = buildSchema(readFileSync(join(ROOT, 'schema', 'schema.graphql'), 'utf8'));
const operationOf = (file: string) => parse(readFileSync(join(OPERATIONS, file), 'utf8')).definitions[0] as OperationDefinitionNode;

describe('the operations under schema/operations/', () => {
  it.each(documents)('%s is valid against schema/schema.graphql', (file) => {
    const document = parse(readFileSync(join(OPERATIONS, file), 'utf8'));
    expect(validate(schema, document).map((error) => error.message)).toEqual([]);
  });

  it('hold one named operation a file, each name once', () => {
    const names = documents.map((file) => operationOf(file).name?.value);
    expect(names.every(Boolean)).toBe(true);
    expect(new Set(names).size).toBe(documents.length);
    expect(documents.every((file) => parse(readFileSync(join(OPERATIONS, file), 'utf8')).definitions.length === 1)).toBe(true);
  });
});

describe('GraphQL Code Generator’s client preset over them, with schema/operations/codegen.ts', () => {
  let out: string;
  let manifestPath: string;
  let api: TestApi;

  beforeAll(async () => {
    mkdirSync(join(ROOT, 'test-output'), { recursive: true });
    out = mkdtempSync(join(ROOT, 'test-output', 'front-end-'));
    execFileSync(
      process.execPath,
      ['-r', '@swc-node/register', join(__dirname, '..', 'helpers', 'generate-client.cli.ts'), join(out, 'gql')],
      {
        cwd: ROOT,
      },
    );
    copyFileSync(join(OPERATIONS, 'typed-usage.ts'), join(out, 'typed-usage.ts'));
    copyFileSync(join(OPERATIONS, 'codegen.ts'), join(out, 'codegen.ts'));
    manifestPath = join(out, 'gql', 'persisted-documents.json');
    const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TRUSTED_DOCUMENTS: manifestPath });
    api = await startTestApi(DEFAULT_NOW, undefined, testDatabaseUrl(), undefined, undefined, undefined, config);
    await resetDatabase(api.dataSource);
  });
  afterAll(async () => {
    await api?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('writes code that compiles under strict TypeScript, with a typed usage file and codegen.ts itself', () => {
    const program = ts.createProgram([join(out, 'typed-usage.ts'), join(out, 'codegen.ts')], {
      strict: true,
      noEmit: true,
      noUnusedLocals: true,
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      lib: ['lib.es2022.d.ts'],
      types: [],
      skipLibCheck: true,
    });
    const problems = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  });

  it('writes a trusted-documents manifest the API’s TRUSTED_DOCUMENTS loader accepts, one document an operation', () => {
    const manifest = readManifest(manifestPath);
    const names = [...manifest.values()].map((text) => (parse(text).definitions[0] as OperationDefinitionNode).name!.value);
    expect(names.sort()).toEqual(documents.map((file) => operationOf(file).name!.value).sort());
  });

  /** Sends the manifest's document named `name` by its id only, as `username`, with any further headers. */
  async function runById(name: string, variables: Record<string, unknown>, username: string, headers: Record<string, string> = {}) {
    const entry = [...readManifest(manifestPath)].find(
      ([, text]) => (parse(text).definitions[0] as OperationDefinitionNode).name!.value === name,
    );
    const token = await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id);
    const res = await request(api.server.app)
      .post('/graphql')
      .set({ 'content-type': 'application/json', authorization: `Bearer ${token}`, ...headers })
      .send({ documentId: entry![0], variables });
    return { status: res.status, data: res.body.data, errors: res.body.errors };
  }

  it('its documents run by id against the API: a PPM lead records children, finds them by surname youngest first, pages forward and back', async () => {
    const born = ['2021-03-01', '2023-07-01', '2022-05-01'];
    for (const [i, dateOfBirth] of born.entries()) {
      const input = { authority: 'KENT', firstName: `Ada${i}`, lastName: 'Codegenson', dateOfBirth, enteredCareOn: '2024-02-12' };
      const created = await runById('CreateChild', { input }, 'ppm.kent', { 'idempotency-key': `front-end-${i}` });
      expect(created.errors).toBeUndefined();
    }
    const first = await runById('FindChildrenBySurname', { surname: 'Codegenson', first: 2 }, 'ppm.kent');
    expect(first.data.children.edges.map((e: any) => e.node.dateOfBirth)).toEqual(['2023-07-01', '2022-05-01']);
    expect(first.data.children.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    const next = await runById(
      'FindChildrenBySurname',
      { surname: 'Codegenson', first: 2, after: first.data.children.pageInfo.endCursor },
      'ppm.kent',
    );
    expect(next.data.children.edges.map((e: any) => e.node.dateOfBirth)).toEqual(['2021-03-01']);
    const back = await runById(
      'FindChildrenBySurname',
      { surname: 'Codegenson', last: 2, before: next.data.children.pageInfo.startCursor },
      'ppm.kent',
    );
    expect(back.data.children.edges.map((e: any) => e.node.dateOfBirth)).toEqual(['2023-07-01', '2022-05-01']);
    expect(back.data.children.totalCount).toBe(3);
  });

  it('and a lookup beside `me` answers `me` when the child is out of reach: null with NOT_FOUND at its path', async () => {
    const { data: found } = await runById('FindChildrenBySurname', { surname: 'Codegenson', first: 1 }, 'ppm.kent');
    const id = found.children.edges[0].node.id;
    const { data, errors } = await runById('ChildBesideMe', { id }, 'ppm.medway');
    expect({ me: data.me, child: data.child, codes: errors.map((e: any) => [e.path, e.extensions.code]) }).toEqual({
      me: { username: 'ppm.medway' },
      child: null,
      codes: [[['child'], 'NOT_FOUND']],
    });
  });
});
