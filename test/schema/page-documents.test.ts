import { readFileSync } from 'node:fs';
import { PAGE_DOCUMENTS_FILE, pageDocuments } from '../../src/app/pages-bundle';
import { manifestOf, readManifest } from '../../src/graphql/trusted-documents';
import { PAGE_DOCUMENTS } from '../../src/pages/documents';

describe('the committed manifest of the pages’ operations', () => {
  it('schema/page-documents.json is what the pages send (run `npm run schema` after changing an operation of a page)', async () => {
    const committed = readFileSync(PAGE_DOCUMENTS_FILE, 'utf8');
    expect(committed).toBe(`${JSON.stringify(manifestOf(await pageDocuments()), null, 2)}\n`);
  });

  it('the texts read from the pages’ bundle are the pages’ sources’, and the manifest is one the server accepts', async () => {
    expect(await pageDocuments()).toEqual(PAGE_DOCUMENTS);
    expect([...readManifest(PAGE_DOCUMENTS_FILE).values()]).toEqual(PAGE_DOCUMENTS);
  });
});
