import type { DigestContent } from './digest-content.js';
import { MEMBER_LINK_REL, renderDigest } from './digest-renderer.js';

const ctx = { publicUrl: 'https://forum.example.org', displayName: 'Sam <Subscriber>', unsubscribeUrl: 'https://forum.example.org/unsubscribe/t0k3n', preview: false };

const content = (items: DigestContent['sections'][number]['items']): DigestContent => ({
  sections: [{ key: 'new-questions', heading: 'New questions', summary: '2 new questions', items, more: [{ label: '#parish-councils', count: 3, path: '/t/parish-councils' }] }],
});

const anchors = (html: string) => [...html.matchAll(/<a [^>]*>/g)].map((m) => m[0]);

describe('digest links', () => {
  it('links to pages of the site without rel: they are ours to vouch for', () => {
    const { html } = renderDigest(content([{ title: 'Can an officer also be a parish councillor?', path: '/q/1' }]), ctx);
    expect(anchors(html)).toEqual([
      '<a href="https://forum.example.org/q/1">',
      '<a href="https://forum.example.org/t/parish-councils">',
      '<a href="https://forum.example.org/settings/notifications">',
      '<a href="https://forum.example.org/unsubscribe/t0k3n">',
    ]);
  });

  it('marks a link to another site as a member’s: rel="ugc nofollow"', () => {
    const { html, text } = renderDigest(content([{ title: 'A member’s blog post', path: 'https://blog.example/post?a=1&b=2' }]), ctx);
    expect(html).toContain(`<a href="https://blog.example/post?a=1&amp;b=2" rel="${MEMBER_LINK_REL}">A member’s blog post</a>`);
    expect(MEMBER_LINK_REL.split(' ')).toEqual(expect.arrayContaining(['ugc', 'nofollow']));
    expect(text).toContain('  https://blog.example/post?a=1&b=2');
  });

  it('never turns a member’s words into a link or markup', () => {
    const { html } = renderDigest(
      content([
        { title: 'Read [this](https://spam.example) <a href="https://spam.example">now</a>', path: '/q/2', detail: 'in <b>Spam</b>' },
        { title: 'Not a web address', path: 'javascript:alert(1)' },
      ]),
      ctx,
    );
    expect(html).not.toContain('href="https://spam.example"');
    expect(html).not.toContain('javascript:');
    expect(html).toContain('Read [this](https://spam.example) &lt;a href=&quot;https://spam.example&quot;&gt;now&lt;/a&gt;');
    expect(html).toContain('in &lt;b&gt;Spam&lt;/b&gt;');
    expect(html).toContain('<li>Not a web address</li>');
    expect(html).toContain('Hello Sam &lt;Subscriber&gt;,');
  });
});

describe('member text in the digest', () => {
  const hostile = {
    ...ctx,
    displayName: `<script>alert(1)</script>\r\nBcc: everyone@example.org ${'n'.repeat(10_000)}`,
  };

  it('escapes a name or title holding markup, and never lets a line break add a line to the plain text', () => {
    const { html, text } = renderDigest(content([{ title: 'Fake\r\n  https://phish.example/unsubscribe\r\n<img src=x onerror=alert(1)>', path: '/q/3', detail: 'in\nBcc: x' }]), hostile);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('Hello &lt;script&gt;alert(1)&lt;/script&gt; Bcc: everyone@example.org nnn');
    expect(text).toContain('* Fake https://phish.example/unsubscribe <img src=x onerror=alert(1)> (in Bcc: x)\n  https://forum.example.org/q/3');
    expect(text.split('\n').filter((line) => line.startsWith('  https://'))).toEqual(['  https://forum.example.org/q/3']);
    expect(text).not.toMatch(/\r/);
  });

  it('bounds a 10,000-character name and long titles with an ellipsis', () => {
    const { html, text } = renderDigest(content([{ title: 't'.repeat(5_000), path: '/q/4', detail: 'd'.repeat(5_000) }]), { ...ctx, displayName: 'n'.repeat(10_000) });
    expect(text).toContain(`Hello ${'n'.repeat(79)}…,`);
    expect(html).toContain(`Hello ${'n'.repeat(79)}…,`);
    expect(text).toContain(`* ${'t'.repeat(199)}… (${'d'.repeat(299)}…)`);
    expect(text.length).toBeLessThan(2_000);
  });
});
