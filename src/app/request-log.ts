import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { Request, RequestHandler, Response } from 'express';
import { pinoHttp } from 'pino-http';
import type { Logger } from '../common/logger';
import { newRequestId } from './request-context';

/**
 * What the request line learns as the request runs: the trusted document it named, or why it was refused
 * before it ran (trusted-operations.ts); the operation Apollo resolved; who asked.
 */
type Learned = { documentId?: string; refused?: { code: string; reason: string }; operationName?: string; staffId?: string };

const learnedOf = new WeakMap<ServerResponse, Learned>();
/** By request id: Apollo hands its plugins a copy of the context, not the object the request made. */
const responseOfRequest = new Map<string, ServerResponse>();

/** A GraphQL name: what an operation name must be. Anything else a client sends there is not logged. */
const GRAPHQL_NAME = /^[_A-Za-z][_0-9A-Za-z]{0,99}$/;
const MAX_PATH_LENGTH = 200;

/** Notes who asked on the request's line, and links the request's id to its response until it is sent. */
export function noteOnRequestLine(res: Response, requestId: string, staffId: string): void {
  responseOfRequest.set(requestId, res);
  res.once('close', () => responseOfRequest.delete(requestId));
  learnedOf.set(res, { ...learnedOf.get(res), staffId });
}

/** Notes, before the operation is parsed, the trusted document it named or the reason it was refused. */
export function noteOperationOnRequestLine(res: Response, note: Pick<Learned, 'documentId' | 'refused'>): void {
  learnedOf.set(res, { ...learnedOf.get(res), ...note });
}

/** Notes the name of the operation Apollo resolved (the client's `operationName`, or the document's only one). */
export function operationNamePlugin(): ApolloServerPlugin<{ requestId: string }> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operationName }) {
          const res = responseOfRequest.get(contextValue.requestId);
          if (res && operationName) learnedOf.set(res, { ...learnedOf.get(res), operationName });
        },
      };
    },
  };
}

/** Before the operation resolved (a refused token, a failure opening the request): the name the client sent, if it is one. */
function claimedOperationName(req: Request): string | undefined {
  const body = req.body as { operationName?: unknown } | undefined;
  const name = body?.operationName ?? req.query?.operationName;
  return typeof name === 'string' && GRAPHQL_NAME.test(name) ? name : undefined;
}

/** The path without its query string, where a GET carries the operation and its variables. */
function pathOf(req: IncomingMessage): string {
  return (req as Request).originalUrl.split('?')[0]!.slice(0, MAX_PATH_LENGTH);
}

function lineOf(req: IncomingMessage, res: ServerResponse, durationMs: number): Record<string, unknown> {
  const request = req as Request;
  const learned = learnedOf.get(res) ?? {};
  return {
    method: request.method,
    path: pathOf(req),
    documentId: learned.documentId,
    operationName: learned.operationName ?? claimedOperationName(request),
    status: res.statusCode,
    refused: learned.refused,
    ...(res.writableEnded ? {} : { aborted: true }),
    durationMs,
    staffId: learned.staffId,
  };
}

/**
 * One line a request, when its response is sent or the client leaves: method, path, trusted document id,
 * operation name, status, the code and reason of a refusal before the operation ran, duration, request id and
 * staff id. Never a header, a body, the query text or a variable, which may hold a record's values: the path is
 * logged without its query string, where a GET carries them. The request id is the server's own, made here and
 * used by the rest of the request (its `x-request-id`, the access log).
 */
export function requestLog(log: Logger): RequestHandler {
  const line = (req: IncomingMessage, res: ServerResponse, val: { durationMs: number }) => lineOf(req, res, val.durationMs);
  return pinoHttp({
    // pino-http binds the whole request to a child logger that the quiet loggers below never use: dropped
    // unserialised, it costs nothing, where stringifying it took some 3% of a request's CPU.
    logger: log.child({}, { serializers: { req: () => undefined } }),
    genReqId: () => newRequestId(),
    // The line is built here from named fields only; pino-http's serializers would log every header.
    wrapSerializers: false,
    quietReqLogger: true,
    quietResLogger: true,
    customAttributeKeys: { reqId: 'requestId', responseTime: 'durationMs' },
    customSuccessObject: line,
    // A 5xx's cause is logged where it happened, with the request id; pino-http's stand-in error would be a second.
    customErrorObject: (req, res, _error, val: { durationMs: number }) => line(req, res, val),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
  }) as RequestHandler;
}
