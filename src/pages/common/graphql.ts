import { session } from './session';

export type GraphQLErrorBody = { message: string; path?: (string | number)[]; extensions?: { code?: string; reason?: string } };

/** A refusal or failure the page explains in words: its code decides what to say. */
export class RequestFailed extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** The answer to one operation: data, and the errors of fields that could not answer (the rest still did). */
export type Answer<T> = { data: T; errors: GraphQLErrorBody[] };

/** POST /graphql with the session's bearer token, like any front end; an operation that answered nothing throws. */
export async function graphql<T>(query: string, variables: Record<string, unknown> = {}): Promise<Answer<T>> {
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${session.token() ?? ''}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json().catch(() => ({}))) as { data?: T | null; errors?: GraphQLErrorBody[] };
  const errors = body.errors ?? [];
  if (body.data === undefined || body.data === null) {
    const first = errors[0];
    throw new RequestFailed(first?.extensions?.code ?? `HTTP_${response.status}`, first?.message ?? `The API answered ${response.status}`);
  }
  return { data: body.data, errors };
}

/** GET a JSON resource of the API with the session's bearer token. */
export async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { authorization: `Bearer ${session.token() ?? ''}` } });
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string };
  if (!response.ok) throw new RequestFailed(body.code ?? `HTTP_${response.status}`, body.message ?? `The API answered ${response.status}`);
  return body as T;
}
