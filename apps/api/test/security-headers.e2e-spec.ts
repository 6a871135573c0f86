import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cspHash, inlineHashes } from '../src/common/security-headers.js';
import { signEmailConfirmationToken } from '../src/modules/digests/email-confirmation.js';
import { signUnsubscribeToken } from '../src/modules/digests/unsubscribe-token.js';
import { signUp, startTestApp, type TestApp } from './test-app.js';

const here = dirname(fileURLToPath(import.meta.url));

/** The directives of a Content-Security-Policy header, by name. */
function csp(headers: Headers): Map<string, string[]> {
  const value = headers.get('content-security-policy');
  if (!value) throw new Error('no Content-Security-Policy header');
  return new Map(
    value
      .split(';')
      .map((directive) => directive.trim().split(/\s+/))
      .filter(([name]) => name)
      .map(([name, ...sources]) => [name, sources]),
  );
}

function expectBaseHeaders(headers: Headers): void {
  expect(headers.get('x-content-type-options')).toBe('nosniff');
  expect(headers.get('x-frame-options')).toBe('DENY');
  expect(headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
  expect(headers.get('x-powered-by')).toBeNull();
  expect(csp(headers).get('frame-ancestors')).toEqual(["'none'"]);
}

/** The strict policy of the web app and the api's own pages: nothing inline unless hashed, no foreign script. */
function expectStrictPolicy(headers: Headers, imageHosts: string[] = []): Map<string, string[]> {
  expectBaseHeaders(headers);
  const directives = csp(headers);
  expect(directives.get('default-src')).toEqual(["'self'"]);
  expect(directives.get('object-src')).toEqual(["'none'"]);
  expect(directives.get('base-uri')).toEqual(["'none'"]);
  expect(directives.get('script-src-attr')).toEqual(["'none'"]);
  for (const name of ['script-src', 'style-src']) {
    const sources = directives.get(name) ?? [];
    expect(sources[0]).toBe("'self'");
    // Only hashes besides the site itself: no 'unsafe-inline', no 'unsafe-eval', no host.
    for (const source of sources.slice(1)) expect(source).toMatch(/^'sha256-[A-Za-z0-9+/]+=*'$/);
  }
  expect(directives.get('img-src')).toEqual(["'self'", ...imageHosts]);
  return directives;
}

describe('security headers', () => {
  const webDist = mkdtempSync(join(tmpdir(), 'pc-web-dist-'));
  const inlineScript = 'window.__BUILD__ = "test";';
  let t: TestApp;
  let user: { token: string; id: string; email: string };

  beforeAll(async () => {
    // A web build of the shape Vite emits, plus one inline script as a plugin might add.
    mkdirSync(join(webDist, 'assets'));
    writeFileSync(
      join(webDist, 'index.html'),
      `<!doctype html><html><head><script type="module" crossorigin src="/assets/index-abc.js"></script><script>${inlineScript}</script>` +
        `<link rel="stylesheet" href="/assets/index-abc.css"></head><body><div id="root"></div></body></html>`,
    );
    writeFileSync(join(webDist, 'assets', 'index-abc.js'), 'console.log("app");');
    writeFileSync(join(webDist, 'assets', 'index-abc.css'), 'body { margin: 0 }');
    t = await startTestApp({ WEB_DIST_DIR: webDist, IMAGE_HOSTS: 'https://images.example.org' });
    user = await signUp(t, 'Header Reader');
  });
  afterAll(async () => {
    await t.close();
    rmSync(webDist, { recursive: true, force: true });
  });

  it('serves the web app with a strict policy that admits its inline script by hash only', async () => {
    const response = await fetch(`${t.url}/`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    const directives = expectStrictPolicy(response.headers, ['https://images.example.org']);
    expect(directives.get('script-src')).toEqual(["'self'", cspHash(inlineScript)]);
    expect(directives.get('connect-src')).toEqual(["'self'"]);
    expect(directives.get('form-action')).toEqual(["'self'"]);
    // The web app learns the same allow-list, to show other images as links rather than broken ones.
    expect(await response.text()).toContain('<meta name="pc-image-hosts" content="https://images.example.org">');
  });

  it('cannot be framed on the Publish page (or any other page of the web app)', async () => {
    const response = await fetch(`${t.url}/policies/social-media/draft`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expectStrictPolicy(response.headers, ['https://images.example.org']);
  });

  it('sets them on the web app’s static files', async () => {
    const response = await fetch(`${t.url}/assets/index-abc.js`);
    expect(response.status).toBe(200);
    expectStrictPolicy(response.headers, ['https://images.example.org']);
  });

  it('sets them on GraphQL and health answers', async () => {
    const result = await t.gql('{ me { email } }', {}, { token: user.token });
    expect(result.data).toEqual({ me: { email: user.email } });
    expectStrictPolicy(result.headers, ['https://images.example.org']);
    expectStrictPolicy((await fetch(`${t.url}/health`)).headers, ['https://images.example.org']);
  });

  it.each([
    ['unsubscribe', () => `/unsubscribe/${signUnsubscribeToken(t.config.appSecret, user.id)}`],
    ['email confirmation', () => `/email-confirmation/${signEmailConfirmationToken(t.config.appSecret, user.id, user.email)}`],
  ])('serves the %s page unframeable, and its button and style work under the policy', async (_, path) => {
    const response = await fetch(`${t.url}${path()}`);
    expect(response.status).toBe(200);
    const directives = expectStrictPolicy(response.headers, ['https://images.example.org']);
    const html = await response.text();
    // Nothing inline the policy would block: no script at all, no style attribute, every style block hashed.
    expect(html).not.toMatch(/<script|\sstyle=|\son[a-z]+=/i);
    expect(inlineHashes(html).styles.length).toBeGreaterThan(0);
    for (const hash of inlineHashes(html).styles) expect(directives.get('style-src')).toContain(hash);
    // The form posts to this site (form-action 'self').
    const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
    expect(action).toBe(path());
    // The site's layout: a skip link, a header that leads back into the site, <main>, a footer.
    expect(html).toMatch(/<html lang="en-GB">/);
    expect(html).toMatch(/<a class="skip-link" href="#main-content">/);
    expect(html).toMatch(/<header class="site-header">.*<a class="brand" href="\/">Policy Commons<\/a>.*<\/header>/);
    expect(html).toMatch(/<main [^>]*id="main-content"[^>]*>.*<h1>.*<\/main><footer/);
  });

  it('keeps scripts strict on the queue dashboard, loosening only its styles', async () => {
    const response = await fetch(`${t.url}/admin/queues`, { headers: { authorization: `Bearer ${user.token}` } });
    expect(response.status).toBe(403);
    expectBaseHeaders(response.headers);
    const directives = csp(response.headers);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'", "'unsafe-inline'", 'https://fonts.googleapis.com']);
  });

  it('sends no HSTS while the site is plain http', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.headers.get('strict-transport-security')).toBeNull();
    expect(csp(response.headers).has('upgrade-insecure-requests')).toBe(false);
  });

  it('leaves the real web app’s index.html without inline script or style', () => {
    // Vite copies this page's inline content into the build; the policy admits none without a hash.
    const source = readFileSync(resolve(here, '..', '..', 'web', 'index.html'), 'utf8');
    expect(inlineHashes(source)).toEqual({ scripts: [], styles: [] });
    expect(source).not.toMatch(/\sstyle=|\son[a-z]+=/i);
  });
});

describe('security headers over https', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL: 'https://forum.example.org' });
  });
  afterAll(() => t.close());

  it('adds HSTS and upgrades insecure requests', async () => {
    const response = await fetch(`${t.url}/health`);
    expect(response.headers.get('strict-transport-security')).toBe('max-age=31536000; includeSubDomains');
    expect(csp(response.headers).get('upgrade-insecure-requests')).toEqual([]);
  });

  it('names the session cookie __Host- and marks it Secure, and reads only that name', async () => {
    const result = await t.gql<{ signUp: { token: string } }>('mutation($input: SignUpInput!) { signUp(input: $input) { token } }', {
      input: { email: 'https-cookie@example.org', displayName: 'Cookie', password: 'long enough pass' },
    });
    const cookie = result.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^__Host-pc_session=/);
    expect(cookie).toMatch(/; Path=\/(;|$)/);
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).not.toMatch(/Domain=/i);

    const token = result.data?.signUp.token as string;
    const viaHostCookie = await t.gql<{ me: { email: string } | null }>('{ me { email } }', {}, { cookie: `__Host-pc_session=${token}` });
    expect(viaHostCookie.data?.me?.email).toBe('https-cookie@example.org');
    // A plain cookie could have been set by a sibling subdomain: over https it is not a session.
    const viaPlainCookie = await t.gql<{ me: { email: string } | null }>('{ me { email } }', {}, { cookie: `pc_session=${token}` });
    expect(viaPlainCookie.data?.me ?? null).toBeNull();
  });
});
