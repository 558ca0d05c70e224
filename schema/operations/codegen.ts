import type { CodegenConfig } from '@graphql-codegen/cli';

/**
 * GraphQL Code Generator's client preset over this API's operations: typed documents, each with its trusted-document
 * id (`__meta__.hash`), and the manifest for the API's TRUSTED_DOCUMENTS (persisted-documents.json).
 */
const config: CodegenConfig = {
  schema: 'schema/schema.graphql',
  documents: 'schema/operations/*.graphql',
  ignoreNoDocuments: false,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { persistedDocuments: true, fragmentMasking: false },
      config: {
        strictScalars: true,
        scalars: {
          ID: 'string',
          Date: 'string',
          DateTime: 'string',
          Month: 'string',
          FinancialYear: 'string',
          Money: 'string',
          JSON: 'unknown',
        },
        enumsAsTypes: true,
        useTypeImports: true,
      },
    },
  },
};

export default config;
