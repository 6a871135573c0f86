import type { CodegenConfig } from '@graphql-codegen/cli';
import { addTypenameSelectionDocumentTransform } from '@graphql-codegen/client-preset';

// The API's printed schema is committed, so codegen needs no running server and a
// schema change shows up as a diff in src/generated/ (and fails src/generated.spec.ts,
// which sets CODEGEN_OUTPUT to regenerate into a temporary directory and compare).
const outputDirectory = process.env.CODEGEN_OUTPUT ?? 'src/generated/';

export const codegenConfig: CodegenConfig = {
  schema: '../api/schema.graphql',
  documents: ['src/modules/**/*.ts', 'src/modules/**/*.tsx', '!src/**/*.spec.ts', '!src/**/*.spec.tsx'],
  ignoreNoDocuments: false,
  generates: {
    [outputDirectory]: {
      preset: 'client',
      // persisted-documents.json maps each operation's sha256 to its text; the api trusts
      // exactly those (apps/api/src/common/trusted-documents.ts), and the app sends the hash.
      presetConfig: { fragmentMasking: false, persistedDocuments: { hashAlgorithm: 'sha256' } },
      // Apollo's cache adds __typename to every selection to normalise objects; the api
      // runs the stored text for a hash, so the stored text must ask for it too, or the
      // cache cannot identify what comes back (a list's community read as undefined).
      documentTransforms: [addTypenameSelectionDocumentTransform],
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        onlyOperationTypes: true,
        scalars: { DateTime: 'string' },
      },
    },
  },
};

// graphql-codegen's CLI loads the default export.
export default codegenConfig;
