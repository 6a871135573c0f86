import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The web app's operations by hash, as its codegen writes them (the client preset's
 * persisted documents). Found from src/ (tests) or dist/ (built) alike.
 */
export function defaultTrustedDocumentsFile(): string {
  return resolve(here, '..', '..', '..', 'web', 'src', 'generated', 'persisted-documents.json');
}

/**
 * The operations the web app was built with. The app sends an operation's hash instead
 * of its text; a hash we know is replaced by the text before anything else looks at the
 * request, so trusted operations meet the same limits as any other.
 */
export class TrustedDocuments {
  private constructor(private readonly byHash: ReadonlyMap<string, string>) {}

  static empty(): TrustedDocuments {
    return new TrustedDocuments(new Map());
  }

  /** Reads the manifest; none (an api deployed without the web app's sources) means none are known. */
  static load(file: string): TrustedDocuments {
    if (!existsSync(file)) return TrustedDocuments.empty();
    const manifest = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    const byHash = new Map<string, string>();
    for (const [key, document] of Object.entries(manifest)) {
      // An entry whose hash is not the text's is not trusted: nobody can slip a different text under a known hash.
      if (typeof document === 'string' && sha256(document) === bareHash(key)) byHash.set(bareHash(key), document);
    }
    return new TrustedDocuments(byHash);
  }

  get size(): number {
    return this.byHash.size;
  }

  /** The text under a hash, written either way: "sha256:<hex>" (codegen's) or "<hex>" (Apollo Client's persisted query link). */
  find(hash: string): string | undefined {
    return this.byHash.get(bareHash(hash));
  }
}

const bareHash = (hash: string): string => hash.replace(/^sha256:/, '').toLowerCase();

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
