import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/**
 * Trusted documents (docs/api-contract.md, "Trusted documents"): the operations a front end may send, known to
 * the server in advance, each under its id. The manifest is the JSON GraphQL Code Generator's client preset
 * writes with `persistedDocuments: true` (persisted-documents.json): `{ "sha256:<hex>": "<document>" }`, the id
 * being the SHA-256 of the document's exact text. Ids are kept here in that prefixed form.
 */
export type TrustedDocuments = ReadonlyMap<string, string>;

/** A document's id: the SHA-256 of its text, prefixed as the GraphQL-over-HTTP persisted documents appendix writes it. */
export function documentIdOf(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

/**
 * An id as a client sends it, in the manifest's form: `sha256:<hex>` (the client preset's, the `documentId` of
 * GraphQL over HTTP) or the bare hex Apollo Client's persisted query link sends by default. Anything else is null.
 */
export function normalisedDocumentId(id: unknown): string | null {
  if (typeof id !== 'string') return null;
  const hex = /^(?:sha256:)?([0-9a-fA-F]{64})$/.exec(id)?.[1];
  return hex === undefined ? null : `sha256:${hex.toLowerCase()}`;
}

/** The manifest of `texts`, in the client preset's format: what `npm run schema` writes for the pages. */
export function manifestOf(texts: readonly string[]): Record<string, string> {
  return Object.fromEntries(texts.map((text) => [documentIdOf(text), text]));
}

export class ManifestError extends Error {}

/** A manifest's documents by id; a manifest that is not the client preset's format is refused, naming why. */
export function parseManifest(json: string): TrustedDocuments {
  let manifest: unknown;
  try {
    manifest = JSON.parse(json);
  } catch (error) {
    throw new ManifestError(`is not JSON (${(error as Error).message})`);
  }
  if (typeof manifest !== 'object' || manifest === null || Array.isArray(manifest)) {
    throw new ManifestError('must be a JSON object of document ids to document texts');
  }
  const documents = new Map<string, string>();
  for (const [id, text] of Object.entries(manifest)) {
    if (typeof text !== 'string') throw new ManifestError(`the entry "${id.slice(0, 80)}" is not a document's text`);
    const normalised = normalisedDocumentId(id);
    if (normalised === null || normalised !== documentIdOf(text)) {
      throw new ManifestError(`the id "${id.slice(0, 80)}" is not the SHA-256 of its document (generate with hashAlgorithm: 'sha256')`);
    }
    documents.set(normalised, text);
  }
  return documents;
}

/** The manifest at `path`: a file that cannot be read or is no manifest is refused, naming the file and why. */
export function readManifest(path: string): TrustedDocuments {
  let json: string;
  try {
    json = readFileSync(path, 'utf8');
  } catch (error) {
    throw new ManifestError(`${path} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  }
  try {
    return parseManifest(json);
  } catch (error) {
    throw new ManifestError(`${path} ${(error as Error).message}`);
  }
}
