import { Kind, parse, type FieldNode, type OperationDefinitionNode } from 'graphql';
import request from 'supertest';
import { demoStaff } from '../../seeds/demo-staff';
import { signDevToken } from '../../src/access/tokens';
import { loadConfig } from '../../src/app/config';
import { createLogger } from '../../src/common/logger';
import { documentIdOf } from '../../src/graphql/trusted-documents';
import { PAGE_DOCUMENTS } from '../../src/pages/documents';
import { CREATE_CHILD } from '../helpers/operations';
import { DEFAULT_NOW, resetDatabase, startTestApi, TEST_CONFIG, type TestApi } from '../helpers/test-api';
import { testDatabaseUrl } from '../helpers/test-database';
import { manifestFile } from '../helpers/trusted-documents';

/**
 * Trusted documents. With TRUSTED_DOCUMENTS set, only the documents of its manifest and the pages' own run, sent by
 * id or as their exact text; anything else is refused before it is parsed or its token read. Without it, any
 * operation runs. Either way an id must name a trusted document, and no request registers one.
 */
const ME = 'query Me { me { username } }';
const CHILD_COUNT = 'query ChildCount { children { totalCount } }';
const FIRST_NAME = 'Philippa-Untrusted';

const lines: string[] = [];
let trusted: TestApi;
let open: TestApi;
const server = (mode: 'trusted' | 'open') => (mode === 'trusted' ? trusted : open);

beforeAll(async () => {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TRUSTED_DOCUMENTS: manifestFile([ME, CHILD_COUNT]) });
  const log = createLogger('info', { write: (line: string) => lines.push(line) });
  trusted = await startTestApi(DEFAULT_NOW, undefined, testDatabaseUrl(), log, undefined, undefined, config);
  open = await startTestApi();
  await resetDatabase(trusted.dataSource);
});
afterAll(async () => {
  await trusted?.close();
  await open?.close();
});

const bearer = async (username: string) => `Bearer ${await signDevToken(TEST_CONFIG.jwt, demoStaff(username).id)}`;

async function post(api: TestApi, body: Record<string, unknown>, username: string | null = 'ppm.kent') {
  const req = request(api.server.app).post('/graphql').set('content-type', 'application/json');
  if (username !== null) req.set('authorization', await bearer(username));
  return req.send(body);
}

async function get(api: TestApi, params: Record<string, string>) {
  return request(api.server.app)
    .get('/graphql')
    .query(params)
    .set({ authorization: await bearer('ppm.kent'), 'apollo-require-preflight': 'true' });
}

/** A document's SHA-256 as Apollo Client's persisted query link computes it by default: bare hex. */
const bareHexOf = (text: string) => documentIdOf(text).slice('sha256:'.length);
const refusalOf = (res: request.Response) => ({ status: res.status, data: res.body.data, ...res.body.errors?.[0]?.extensions });
const untrusted = (reason: string) => ({ status: 400, data: undefined, code: 'OPERATION_NOT_TRUSTED', reason });

describe('with TRUSTED_DOCUMENTS set', () => {
  it.each([
    ['by its id in `documentId`, as GraphQL over HTTP and the client preset name it', { documentId: documentIdOf(ME) }],
    [
      'by its id in Apollo Client’s `extensions.persistedQuery`, as the client preset writes it',
      { extensions: { persistedQuery: { version: 1, sha256Hash: documentIdOf(ME) } } },
    ],
    [
      'by its id in Apollo Client’s `extensions.persistedQuery`, as bare hex',
      { extensions: { persistedQuery: { version: 1, sha256Hash: bareHexOf(ME) } } },
    ],
    ['as its exact text', { query: ME }],
    ['as its exact text and its id together', { query: ME, documentId: documentIdOf(ME) }],
    [
      'as its exact text, with a null id in each place (read as none, as Apollo reads them)',
      { query: ME, documentId: null, extensions: { persistedQuery: null } },
    ],
  ])('a document of the manifest runs when sent %s', async (_how, body) => {
    const res = await post(trusted, body);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { me: { username: 'ppm.kent' } } });
  });

  it('a document of the manifest runs by its id in a GET', async () => {
    const res = await get(trusted, { documentId: documentIdOf(CHILD_COUNT) });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ data: { children: { totalCount: 0 } } });
  });

  it.each([
    ['an id of no document', { documentId: documentIdOf('query Me { me { id username } }') }],
    ['an id that is no SHA-256', { documentId: 'a'.repeat(40) }],
    ['an id that is not a string', { documentId: 42 }],
    ['a persisted query extension without a hash', { extensions: { persistedQuery: { version: 1 } } }],
    [
      'two ids of two documents',
      { documentId: documentIdOf(ME), extensions: { persistedQuery: { sha256Hash: documentIdOf(CHILD_COUNT) } } },
    ],
  ])('%s is refused, 400 OPERATION_NOT_TRUSTED (UNKNOWN_DOCUMENT_ID), before the token is read', async (_case, body) => {
    expect(refusalOf(await post(trusted, body, null))).toEqual(untrusted('UNKNOWN_DOCUMENT_ID'));
  });

  it.each([
    ['a mutation not in the manifest', CREATE_CHILD],
    ['a document of the manifest with its spacing changed', ME.replace('{ me', '{  me')],
    ['a text that is not GraphQL at all', '{ me {'],
    ['introspection', '{ __schema { types { name } } }'],
  ])('%s sent as text is refused, 400 OPERATION_NOT_TRUSTED (UNLISTED_OPERATION), before it is parsed', async (_case, query) => {
    expect(refusalOf(await post(trusted, { query, variables: { input: { firstName: FIRST_NAME } } }, null))).toEqual(
      untrusted('UNLISTED_OPERATION'),
    );
  });

  it('a text not in the manifest is refused in a GET too', async () => {
    expect(refusalOf(await get(trusted, { query: '{ me { username } }' }))).toEqual(untrusted('UNLISTED_OPERATION'));
  });

  it('a text sent with the id of another document is refused as BAD_USER_INPUT on `query`, and neither runs', async () => {
    const res = await post(trusted, { query: CHILD_COUNT, documentId: documentIdOf(ME) });
    expect(refusalOf(res)).toEqual({ status: 400, data: undefined, code: 'BAD_USER_INPUT', field: 'query' });
  });

  it('the refusal is on the request line, with its code and reason, and the line holds neither the text nor its variables', async () => {
    lines.length = 0;
    const res = await post(trusted, { query: CREATE_CHILD, variables: { input: { firstName: FIRST_NAME } } });
    const [line, ...more] = lines.map((l) => JSON.parse(l)).filter((entry) => entry.requestId === res.headers['x-request-id']);
    expect(more).toEqual([]);
    expect(line).toMatchObject({ path: '/graphql', status: 400, refused: { code: 'OPERATION_NOT_TRUSTED', reason: 'UNLISTED_OPERATION' } });
    expect(lines.filter((l) => l.includes(FIRST_NAME) || l.includes('createChild'))).toEqual([]);
  });

  it('a document run by id is on the request line by its id and operation name', async () => {
    lines.length = 0;
    const res = await post(trusted, { documentId: documentIdOf(ME) });
    const line = lines.map((l) => JSON.parse(l)).find((entry) => entry.requestId === res.headers['x-request-id']);
    expect(line).toMatchObject({ documentId: documentIdOf(ME), operationName: 'Me', status: 200 });
  });
});

describe('the pages’ own operations, always trusted', () => {
  /** The field an operation asks for first: how the table below tells the pages' operations apart. */
  const rootFieldOf = (text: string) =>
    ((parse(text).definitions[0] as OperationDefinitionNode).selectionSet.selections[0] as FieldNode).name.value;
  const CALLS: Record<string, { username: string; variables: Record<string, unknown> }> = {
    me: { username: 'auditor.1', variables: {} },
    boardPerformance: { username: 'board.kent', variables: { from: '2024-04', to: '2025-03' } },
    pooledBudget: { username: 'board.kent', variables: {} },
    auditEvents: { username: 'auditor.1', variables: { first: 10 } },
  };

  it('every operation the pages send is one of the table below', () => {
    expect(PAGE_DOCUMENTS.map(rootFieldOf).filter((field) => !(field in CALLS))).toEqual([]);
    expect(PAGE_DOCUMENTS.every((text) => parse(text).definitions.every((d) => d.kind === Kind.OPERATION_DEFINITION))).toBe(true);
  });

  it.each(PAGE_DOCUMENTS.map((text, index) => [`${index + 1}: ${rootFieldOf(text)}`, text]))(
    'page operation %s runs with TRUSTED_DOCUMENTS set, as the text the page sends and by its id',
    async (_name, text) => {
      const { username, variables } = CALLS[rootFieldOf(text)]!;
      for (const body of [{ query: text }, { documentId: documentIdOf(text) }]) {
        const res = await post(trusted, { ...body, variables }, username);
        expect({ status: res.status, errors: res.body.errors }).toEqual({ status: 200, errors: undefined });
        expect(res.body.data[rootFieldOf(text)]).toBeDefined();
      }
    },
  );
});

describe('without TRUSTED_DOCUMENTS (development)', () => {
  it('any text runs, as it always has', async () => {
    const res = await post(open, { query: '{ me { username } }' });
    expect(res.body).toEqual({ data: { me: { username: 'ppm.kent' } } });
  });

  it('the pages’ documents run by id, and an id of no trusted document is refused', async () => {
    const [viewer] = PAGE_DOCUMENTS;
    expect((await post(open, { documentId: documentIdOf(viewer!) })).status).toBe(200);
    expect(refusalOf(await post(open, { documentId: documentIdOf(ME) }))).toEqual(untrusted('UNKNOWN_DOCUMENT_ID'));
  });
});

describe.each(['trusted', 'open'] as const)('automatic persisted queries (%s)', (mode) => {
  it('are off: a text sent with its hash registers nothing, and the hash alone stays unknown', async () => {
    const text = '{ me { displayName } }';
    const persistedQuery = { version: 1, sha256Hash: bareHexOf(text) };
    expect(refusalOf(await post(server(mode), { query: text, extensions: { persistedQuery } }))).toEqual(untrusted('UNKNOWN_DOCUMENT_ID'));
    expect(refusalOf(await post(server(mode), { extensions: { persistedQuery } }))).toEqual(untrusted('UNKNOWN_DOCUMENT_ID'));
  });
});
