// Nest 12 ships as ES modules only, so the suite runs in Jest's native ESM mode
// (see the `test` script) with swc compiling TypeScript to ESM, decorators included.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

const swc = {
  jsc: {
    target: 'es2022',
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
  module: { type: 'es6' },
  sourceMaps: 'inline',
};

export default {
  rootDir: '.',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/src/**/*.e2e-spec.ts', '<rootDir>/test/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleNameMapper: {
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // @fastify/static and @fastify/middie (CommonJS) require content-disposition 3 and
    // path-to-regexp 9, ES modules: Node 20 loads them (require of ESM), Jest's module loader
    // cannot. The previous majors are the same functions as CommonJS (devDependencies).
    '^content-disposition$': require.resolve('content-disposition'),
    '^path-to-regexp$': require.resolve('path-to-regexp'),
  },
  globalSetup: '<rootDir>/test/global-setup.mjs',
  globalTeardown: '<rootDir>/test/global-teardown.mjs',
  testTimeout: 60000,
  maxWorkers: 2,
};
