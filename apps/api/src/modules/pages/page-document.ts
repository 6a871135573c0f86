/**
 * Puts a server-rendered page into the web build's index.html: React's hoisted <title>,
 * <meta> and <link> (which it writes first, before the app's markup, when it renders into
 * an element rather than a whole document) go into <head>, replacing the build's generic
 * title and description; the markup goes into #root; the data the page was rendered from
 * follows as a JSON element the browser app reads before hydrating.
 */
const HOISTED = /^(?:<title>[^<]*<\/title>|<meta\b[^>]*\/?>|<link\b[^>]*\/?>)/;

export function splitHoisted(html: string): { head: string; body: string } {
  let rest = html;
  let head = '';
  for (let match = HOISTED.exec(rest); match; match = HOISTED.exec(rest)) {
    head += match[0];
    rest = rest.slice(match[0].length);
  }
  return { head, body: rest };
}

export function pageDocument(template: string, rendered: { html: string; serverData: string; serverDataId: string }): string {
  const { head, body } = splitHoisted(rendered.html);
  let page = template;
  if (head.includes('<title>')) page = page.replace(/<title>[^<]*<\/title>/, '');
  if (head.includes('name="description"')) page = page.replace(/<meta name="description"[^>]*>/, '');
  // Functions as replacements: "$&" or "$'" in a post must stay text, not patterns.
  page = page.replace('</head>', () => `${head}</head>`);
  page = page.replace('<div id="root"></div>', () => `<div id="root">${body}</div><script type="application/json" id="${rendered.serverDataId}">${rendered.serverData}</script>`);
  return page;
}
