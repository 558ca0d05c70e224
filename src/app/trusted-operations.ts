import type { NextFunction, Request, RequestHandler, Response } from 'express';
import type { ErrorCode } from '../graphql/errors';
import { documentIdOf, normalisedDocumentId, type TrustedDocuments } from '../graphql/trusted-documents';
import { noteOperationOnRequestLine } from './request-log';

/** What a request carries, read where Apollo reads it: its text, the document ids it names, and how to run a document instead. */
type Carried = { text: string | undefined; ids: unknown[]; runDocument: (document: string) => void };

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value a client sent, as a list: empty when it is absent or null, which Apollo reads as absent too. */
const given = (value: unknown): unknown[] => (value === undefined || value === null ? [] : [value]);

/** The id in `extensions.persistedQuery.sha256Hash` (Apollo Client's persisted query link), when the extension is there. */
function persistedQueryIds(extensions: Record<string, unknown> | undefined): unknown[] {
  const persisted = extensions?.persistedQuery;
  return isRecord(persisted) ? [persisted.sha256Hash] : given(persisted);
}

/** A POST's JSON body: `query`, `documentId` (GraphQL over HTTP's persisted documents), `extensions.persistedQuery`. */
function carriedByBody(body: Record<string, unknown>): Carried {
  const extensions = isRecord(body.extensions) ? body.extensions : undefined;
  return {
    text: typeof body.query === 'string' ? body.query : undefined,
    ids: [...given(body.documentId), ...persistedQueryIds(extensions)],
    runDocument: (document) => {
      body.query = document;
      delete body.documentId;
      delete extensions?.persistedQuery;
    },
  };
}

/** A GET's search parameters, the same three; Apollo reads the search of `req.url`, so a document is run by rewriting it. */
function carriedBySearch(req: Request): Carried {
  const url = new URL(req.url, 'http://localhost');
  const params = url.searchParams;
  let extensions: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = JSON.parse(params.get('extensions') ?? 'null');
    if (isRecord(parsed)) extensions = parsed;
  } catch {
    // Apollo refuses extensions that are not JSON; the text is still checked below.
  }
  return {
    text: params.get('query') ?? undefined,
    ids: [...params.getAll('documentId'), ...persistedQueryIds(extensions)],
    runDocument: (document) => {
      params.set('query', document);
      params.delete('documentId');
      delete extensions?.persistedQuery;
      if (extensions && Object.keys(extensions).length > 0) params.set('extensions', JSON.stringify(extensions));
      else params.delete('extensions');
      req.url = `${url.pathname}?${params}`;
    },
  };
}

/** Why a request is refused before it is parsed: its answer, and the reason on its log line. */
const REFUSALS = {
  UNKNOWN_DOCUMENT_ID: {
    code: 'OPERATION_NOT_TRUSTED',
    message: 'No trusted document has this id: this API does not know the build of the front end that sent it',
    extensions: { reason: 'UNKNOWN_DOCUMENT_ID' },
  },
  UNLISTED_OPERATION: {
    code: 'OPERATION_NOT_TRUSTED',
    message: 'Only trusted documents run here: send the id of a document of the manifest',
    extensions: { reason: 'UNLISTED_OPERATION' },
  },
  TEXT_IS_NOT_THE_DOCUMENT: {
    code: 'BAD_USER_INPUT',
    message: 'query: is not the document its id names: send the id alone',
    extensions: { field: 'query' },
  },
} satisfies Record<string, { code: ErrorCode; message: string; extensions: Record<string, string> }>;

function refuse(res: Response, reason: keyof typeof REFUSALS): void {
  const { code, message, extensions } = REFUSALS[reason];
  noteOperationOnRequestLine(res, { refused: { code, reason } });
  res.status(400).json({ errors: [{ message, extensions: { code, ...extensions } }] });
}

/**
 * Trusted documents, before anything is parsed, the token included: a request naming a document by id runs that
 * document, or is refused (`UNKNOWN_DOCUMENT_ID`) when no trusted document has the id, whether or not a text came
 * with it, so an automatic persisted query registers nothing. With `configured` (TRUSTED_DOCUMENTS) set, a
 * request's text must be a trusted document exactly (`UNLISTED_OPERATION` otherwise); without it, any text runs.
 * The pages' own operations are always trusted.
 */
export function trustedOperations(pages: TrustedDocuments, configured: TrustedDocuments | null): RequestHandler {
  const trusted = new Map([...pages, ...(configured ?? [])]);
  return (req: Request, res: Response, next: NextFunction) => {
    const carried = req.method === 'GET' ? carriedBySearch(req) : isRecord(req.body) ? carriedByBody(req.body) : null;
    if (carried === null) return next();
    if (carried.ids.length > 0) {
      const ids = new Set(carried.ids.map(normalisedDocumentId));
      const [id] = ids;
      const document = ids.size === 1 && id ? trusted.get(id) : undefined;
      if (!id || document === undefined) return refuse(res, 'UNKNOWN_DOCUMENT_ID');
      noteOperationOnRequestLine(res, { documentId: id });
      if (carried.text !== undefined && carried.text !== document) return refuse(res, 'TEXT_IS_NOT_THE_DOCUMENT');
      carried.runDocument(document);
      return next();
    }
    if (configured !== null && carried.text !== undefined && !trusted.has(documentIdOf(carried.text))) {
      return refuse(res, 'UNLISTED_OPERATION');
    }
    next();
  };
}
