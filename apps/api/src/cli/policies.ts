import { resolve } from 'node:path';
import { formatPolicyFormatError } from '@policy-commons/policies';
import { readPolicyCorpus } from '@policy-commons/policies/node';
import { ConfigurationError, loadConfig } from '../config/app-config.js';
import { describeImport, importPolicyCorpus } from '../modules/policies/policy-import.js';

/**
 * `npm run policies -- validate <dir>`: checks a corpus folder (no database needed).
 * `npm run policies -- import <dir>`: checks it, then publishes every version not yet
 * published; a file that differs from an already published version is refused.
 */
const USAGE = 'Usage: npm run policies -- validate <dir> | import <dir>';

async function main(args: string[]): Promise<number> {
  const [command, dirArgument] = args;
  if ((command !== 'validate' && command !== 'import') || !dirArgument) {
    console.error(USAGE);
    return 2;
  }
  // npm runs the script from apps/api; a relative folder means the one the person typed it in.
  const dir = resolve(process.env.INIT_CWD || process.cwd(), dirArgument);
  const read = await readPolicyCorpus(dir);
  if (!read.ok) {
    for (const error of read.errors) console.error(formatPolicyFormatError(error));
    console.error(`\n${read.errors.length} problem(s) in ${dir}.`);
    return 1;
  }
  const versions = read.corpus.documents.reduce((sum, document) => sum + document.versions.length, 0);
  if (command === 'validate') {
    console.log(`${dir}: ${read.corpus.documents.length} document(s), ${versions} version(s), all valid.`);
    return 0;
  }
  console.log(describeImport(await importPolicyCorpus(loadConfig(), read.corpus)));
  return 0;
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (error) {
  console.error(error instanceof ConfigurationError || error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
