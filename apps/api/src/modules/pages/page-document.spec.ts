import { pageDocument, splitHoisted } from './page-document.js';

const template = `<!doctype html><html lang="en-GB"><head><meta charset="UTF-8" /><meta name="description" content="generic" /><title>Policy Commons</title></head><body><div id="root"></div></body></html>`;

describe('pageDocument', () => {
  it('moves the hoisted title, meta and links into <head>, replacing the generic title and description', () => {
    const html = '<title>A question · Policy Commons</title><meta name="description" content="About it"/><link rel="canonical" href="https://forum.example/q/1"/><main><title>not hoisted</title></main>';
    expect(splitHoisted(html)).toEqual({
      head: '<title>A question · Policy Commons</title><meta name="description" content="About it"/><link rel="canonical" href="https://forum.example/q/1"/>',
      body: '<main><title>not hoisted</title></main>',
    });
    const page = pageDocument(template, { html, serverData: '{}', serverDataId: 'pc-server-data' });
    expect(page.match(/<title>/g)).toHaveLength(2); // one in <head>, one the app wrote in its body
    expect(page).not.toContain('<title>Policy Commons</title>');
    expect(page).not.toContain('content="generic"');
    expect(page).toContain('<link rel="canonical" href="https://forum.example/q/1"/></head>');
    expect(page).toContain('<div id="root"><main><title>not hoisted</title></main></div><script type="application/json" id="pc-server-data">{}</script>');
  });

  it('keeps the generic title and description when the page has none of its own', () => {
    const page = pageDocument(template, { html: '<main>Hello</main>', serverData: '{}', serverDataId: 'd' });
    expect(page).toContain('<title>Policy Commons</title>');
    expect(page).toContain('content="generic"');
  });

  it('inserts text that looks like a replacement pattern as written', () => {
    const page = pageDocument(template, { html: "<main>costs $& and $' and $1</main>", serverData: '{"a":"$`"}', serverDataId: 'd' });
    expect(page).toContain("<main>costs $& and $' and $1</main>");
    expect(page).toContain('{"a":"$`"}');
  });
});
