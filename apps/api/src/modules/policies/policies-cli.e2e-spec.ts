import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledCorpusDir } from '@policy-commons/policies/node';
import pg from 'pg';
import { createDatabaseFromTemplate, dropDatabase } from '../../../test/test-databases.js';

const cli = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..', 'dist', 'cli', 'policies.js');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [cli, ...args], { env: { ...process.env, ...env, INIT_CWD: '' } }, (error, stdout, stderr) => {
      done({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('npm run policies -- validate|import <dir>', () => {
  const database = `pc_test_policies_cli_${process.pid}`;
  let databaseUrl: string;
  let dir: string;

  beforeAll(async () => {
    databaseUrl = await createDatabaseFromTemplate(database);
    dir = await mkdtemp(join(tmpdir(), 'pc-cli-corpus-'));
    await cp(bundledCorpusDir, dir, { recursive: true });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    await dropDatabase(database);
  });

  it('validates a corpus without a database', async () => {
    const ok = await run(['validate', dir], { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' });
    expect(ok).toMatchObject({ code: 0 });
    expect(ok.stdout).toMatch(/2 document\(s\), 4 version\(s\), all valid/);
    expect((await run(['frobnicate', dir])).code).toBe(2);
  });

  it('reports every broken file with its line and rule', async () => {
    const broken = await mkdtemp(join(tmpdir(), 'pc-cli-broken-'));
    try {
      await cp(bundledCorpusDir, broken, { recursive: true });
      const file = join(broken, 'county-council', 'social-media-policy', '2.0.md');
      await writeFile(file, (await readFile(file, 'utf8')).replace(/^version: 2\.0$/m, 'version: 2.x').replace(/^licence:/m, 'license:'));
      const result = await run(['validate', broken]);
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`${file}:5: version "2.x" must be MAJOR.MINOR`);
      expect(result.stderr).toMatch(/\[unknown-field\]/);
    } finally {
      await rm(broken, { recursive: true, force: true });
    }
  });

  it('imports once, changes nothing the second time, and refuses a changed published version', async () => {
    const first = await run(['import', dir], { DATABASE_URL: databaseUrl });
    expect(first).toMatchObject({ code: 0 });
    expect(first.stdout).toMatch(/imported code-of-business-conduct@1\.0, social-media-policy@1\.0, social-media-policy@2\.0, social-media-policy@3\.0/);
    const second = await run(['import', dir], { DATABASE_URL: databaseUrl });
    expect(second.stdout).toMatch(/all 4 version\(s\) already published/);

    const file = join(dir, 'county-council', 'code-of-business-conduct', '1.0.md');
    await writeFile(file, `${await readFile(file, 'utf8')}\nAn extra closing line.\n`);
    const refused = await run(['import', dir], { DATABASE_URL: databaseUrl });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`code-of-business-conduct@1.0: the file ${file} differs from version 1.0`);

    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ count: number }>('SELECT count(*)::int AS count FROM policy_versions');
      expect(rows[0]?.count).toBe(4);
    } finally {
      await client.end();
    }
  });
});
