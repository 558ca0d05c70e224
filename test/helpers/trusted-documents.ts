import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { manifestOf } from '../../src/graphql/trusted-documents';

/** A file for TRUSTED_DOCUMENTS holding `content`: by default, the manifest of `texts` as the client preset writes it. */
export function manifestFile(texts: readonly string[], content: string = JSON.stringify(manifestOf(texts), null, 2)): string {
  const file = join(mkdtempSync(join(tmpdir(), 'apse-trusted-documents-')), 'persisted-documents.json');
  writeFileSync(file, content);
  return file;
}
