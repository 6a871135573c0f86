import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, relative } from 'node:path';
import { PolicyFormatException, policyFormatError, type PolicyFormatError } from '../errors.js';
import { validateDocumentHistory } from '../document-history.js';
import { parsePolicyVersion, type PolicyVersionFile, type PolicyVersionParseResult } from '../policy-version.js';
import { compareVersions, isVersionNumber } from '../version-number.js';
import { moduleDir } from './module-dir.js';

/** One document: its versions in publication order, oldest first. */
export interface PolicyDocumentHistory {
  slug: string;
  title: string;
  organisation: string;
  versions: PolicyVersionFile[];
  latestVersion: PolicyVersionFile;
}

export interface PolicyCorpus {
  dir: string;
  documents: PolicyDocumentHistory[];
}

export type PolicyCorpusReadResult = { ok: true; corpus: PolicyCorpus } | { ok: false; errors: PolicyFormatError[] };

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'corpus'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`@policy-commons/policies: no corpus/ folder above ${start}`);
    dir = parent;
  }
  return dir;
}

/** The demo corpus shipped with this package (src/ and dist/<format>/ sit at different depths). */
export const bundledCorpusDir: string = join(findPackageRoot(moduleDir), 'corpus');

export async function readPolicyVersionFile(path: string): Promise<PolicyVersionParseResult> {
  return parsePolicyVersion(await readFile(path, 'utf8'), { file: path });
}

async function entries(dir: string): Promise<{ name: string; isDirectory: boolean }[]> {
  const found = await readdir(dir, { withFileTypes: true });
  return found
    .filter((entry) => !entry.name.startsWith('.'))
    .map((entry) => ({ name: entry.name, isDirectory: entry.isDirectory() }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * Read `<dir>/<organisation>/<document>/<MAJOR.MINOR>.md`, parse every file and check
 * each document's history and the corpus as a whole. Every error is reported, with
 * its file. A README.md at the top level is allowed; any other stray file is an error.
 */
export async function readPolicyCorpus(dir: string): Promise<PolicyCorpusReadResult> {
  const errors: PolicyFormatError[] = [];
  const documents: PolicyDocumentHistory[] = [];
  const misplaced = (path: string, message: string): void => {
    errors.push(policyFormatError('misplaced-file', message, path, null));
  };

  let organisations: { name: string; isDirectory: boolean }[];
  try {
    organisations = await entries(dir);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { ok: false, errors: [policyFormatError('unreadable-file', `cannot read the corpus folder: ${reason}`, dir, null)] };
  }

  for (const organisation of organisations) {
    const organisationDir = join(dir, organisation.name);
    if (!organisation.isDirectory) {
      if (organisation.name !== 'README.md') misplaced(organisationDir, 'expected only organisation folders here');
      continue;
    }
    for (const document of await entries(organisationDir)) {
      const documentDir = join(organisationDir, document.name);
      if (!document.isDirectory) {
        misplaced(documentDir, 'expected only document folders inside an organisation folder');
        continue;
      }
      const versions: PolicyVersionFile[] = [];
      for (const versionFile of await entries(documentDir)) {
        const path = join(documentDir, versionFile.name);
        const versionName = basename(versionFile.name, '.md');
        if (versionFile.isDirectory || !versionFile.name.endsWith('.md') || !isVersionNumber(versionName)) {
          misplaced(path, 'expected only version files named <MAJOR.MINOR>.md, e.g. 2.0.md');
          continue;
        }
        let result: PolicyVersionParseResult;
        try {
          result = await readPolicyVersionFile(path);
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          errors.push(policyFormatError('unreadable-file', `cannot read the file: ${reason}`, path, null));
          continue;
        }
        if (!result.ok) {
          errors.push(...result.errors);
          continue;
        }
        const parsed = result.version;
        const expected: [string, string, string][] = [
          ['organisation', organisation.name, parsed.organisation],
          ['slug', document.name, parsed.slug],
          ['version', versionName, parsed.version],
        ];
        for (const [field, fromPath, fromFile] of expected) {
          if (fromPath !== fromFile) {
            errors.push(
              policyFormatError(
                'file-name-mismatch',
                `${field} "${fromFile}" does not match the path (${relative(dir, path)} says "${fromPath}")`,
                path,
                null,
              ),
            );
          }
        }
        versions.push(parsed);
      }
      if (versions.length === 0) continue;
      versions.sort((a, b) => a.publishedOn.localeCompare(b.publishedOn) || compareVersions(a.version, b.version));
      errors.push(...validateDocumentHistory(versions));
      const first = versions[0] as PolicyVersionFile;
      documents.push({
        slug: first.slug,
        title: first.title,
        organisation: first.organisation,
        versions,
        latestVersion: versions[versions.length - 1] as PolicyVersionFile,
      });
    }
  }

  const bySlug = new Map<string, PolicyDocumentHistory>();
  for (const document of documents) {
    const other = bySlug.get(document.slug);
    if (other) {
      errors.push(
        policyFormatError(
          'duplicate-document',
          `document slug "${document.slug}" is used by both ${other.organisation} and ${document.organisation}; citations name documents by slug alone, so slugs must be unique`,
          document.latestVersion.file,
          null,
        ),
      );
    } else {
      bySlug.set(document.slug, document);
    }
  }
  // An adaptation may name a document outside this corpus; inside it, the version must exist.
  for (const document of documents) {
    for (const version of document.versions) {
      const source = version.adaptedFrom;
      const sourceDocument = source ? bySlug.get(source.slug) : undefined;
      if (source && sourceDocument && !sourceDocument.versions.some((candidate) => candidate.version === source.version)) {
        errors.push(
          policyFormatError(
            'invalid-adapted-from',
            `adaptedFrom names ${source.slug}@${source.version}, but that document has no version ${source.version}`,
            version.file,
            null,
          ),
        );
      }
    }
  }

  return errors.length === 0 ? { ok: true, corpus: { dir, documents } } : { ok: false, errors };
}

/** readPolicyCorpus for callers that cannot go on without a valid corpus (seed, CLI); throws PolicyFormatException. */
export async function loadPolicyCorpus(dir: string = bundledCorpusDir): Promise<PolicyCorpus> {
  const result = await readPolicyCorpus(dir);
  if (!result.ok) throw new PolicyFormatException(result.errors, `Invalid policy corpus at ${dir}`);
  return result.corpus;
}
