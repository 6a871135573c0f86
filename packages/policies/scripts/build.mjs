// Builds dist/esm (ES modules, for Vite and `import`), dist/cjs (CommonJS, for Nest and
// `require`) and dist/types (one set of declarations) with plain tsc — no bundler, so
// dist mirrors src file for file.
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, 'dist');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

function compile(project) {
  const result = spawnSync(process.execPath, [tsc, '-p', join(root, project)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`build: tsc -p ${project} failed`);
    process.exit(result.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });
compile('tsconfig.build.esm.json');
compile('tsconfig.build.cjs.json');
compile('tsconfig.build.types.json');

// The package itself has no "type", so each format says what it is.
mkdirSync(join(dist, 'esm'), { recursive: true });
writeFileSync(join(dist, 'esm', 'package.json'), `${JSON.stringify({ type: 'module', sideEffects: false })}\n`);
writeFileSync(join(dist, 'cjs', 'package.json'), `${JSON.stringify({ type: 'commonjs', sideEffects: false })}\n`);

// `__dirname` does not exist in ES modules; see src/node/module-dir.ts.
copyFileSync(join(root, 'src', 'node', 'module-dir.esm.js'), join(dist, 'esm', 'node', 'module-dir.js'));
rmSync(join(dist, 'esm', 'node', 'module-dir.js.map'), { force: true });

console.log('build: dist/esm, dist/cjs and dist/types written');
