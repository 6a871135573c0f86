import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface WebBundleSizes {
  /** Gzipped JavaScript the home page loads: index.html's module script and modulepreloads, their imports, and the home page's route chunk. */
  firstLoadKbGzip: number;
  /** Gzipped JavaScript that opening a question page adds to that. */
  questionPageKbGzip: number;
}

const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10;

/** What apps/web's production build makes a browser download, gzipped (level 9, as a static server would precompress). */
export function measureWebBundle(dist: string): WebBundleSizes | null {
  const indexHtml = join(dist, 'index.html');
  if (!existsSync(indexHtml)) return null;
  const assets = readdirSync(join(dist, 'assets')).filter((file) => file.endsWith('.js'));
  const gzipped = (file: string) => gzipSync(readFileSync(join(dist, 'assets', file)), { level: 9 }).length;
  // Static imports load before a module runs; Vite writes them as `from"./x.js"` or `import"./x.js"`.
  const withImports = (roots: string[], known = new Set<string>()): Set<string> => {
    const found = new Set<string>();
    const pending = roots.filter((root) => !known.has(root));
    while (pending.length) {
      const file = pending.pop() as string;
      if (found.has(file) || known.has(file)) continue;
      found.add(file);
      for (const match of readFileSync(join(dist, 'assets', file), 'utf8').matchAll(/(?:from|import)\s*["']\.\/([^"']+\.js)["']/g)) pending.push(match[1] as string);
    }
    return found;
  };
  const routeChunks = (page: string) => assets.filter((file) => file.startsWith(`${page}-`));
  const html = readFileSync(indexHtml, 'utf8');
  const entry = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const first = withImports([...entry, ...routeChunks('home-page')]);
  const question = withImports(routeChunks('question-page'), first);
  const total = (files: Set<string>) => [...files].reduce((sum, file) => sum + gzipped(file), 0);
  return { firstLoadKbGzip: kb(total(first)), questionPageKbGzip: kb(total(question)) };
}
