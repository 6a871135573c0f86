// ESM twin of module-dir.ts, copied over dist/esm/node/module-dir.js by scripts/build.mjs.
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const moduleDir = dirname(fileURLToPath(import.meta.url));
