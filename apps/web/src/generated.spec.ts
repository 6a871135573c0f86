/**
 * @jest-environment node
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';

// Runs the real codegen (same CLI and config as `npm run codegen`) into a temporary
// directory and compares it with the committed src/generated/. A schema change that
// breaks an operation makes codegen fail; one that only changes types shows as a diff.
// (The CLI runs in a child process because its yargs dependency is ESM-only.)
const webRoot = resolve(__dirname, '..');

function readDirectory(directory: string): Map<string, string> {
  return new Map(readdirSync(directory).map((file) => [file, readFileSync(join(directory, file), 'utf8')]));
}

describe('src/generated', () => {
  let outputDirectory: string;

  beforeAll(() => {
    outputDirectory = mkdtempSync(join(tmpdir(), 'policy-commons-codegen-'));
  });

  afterAll(() => {
    rmSync(outputDirectory, { recursive: true, force: true });
  });

  it('is up to date with ../api/schema.graphql and the operations (fix: npm run codegen -w @policy-commons/web)', () => {
    const manifestPath = require.resolve('@graphql-codegen/cli/package.json');
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
    const cli = join(dirname(manifestPath), manifest.bin['graphql-codegen']);
    execFileSync(process.execPath, [cli, '--config', 'codegen.ts', '--silent'], {
      cwd: webRoot,
      env: { ...process.env, CODEGEN_OUTPUT: `${outputDirectory}/` },
      stdio: 'pipe',
    });
    const expected = readDirectory(outputDirectory);
    const committed = readDirectory(join(webRoot, 'src', 'generated'));

    expect([...committed.keys()].sort()).toEqual([...expected.keys()].sort());
    for (const [file, content] of expected) {
      expect({ file, content: committed.get(file) }).toEqual({ file, content });
    }
  }, 60_000);
});
