import type { CitationFieldsFragment } from '../../generated/graphql';
import { citationMarkdownLink } from '@policy-commons/policies';
import { escapeHtml, linkBareCitationReferences, renderMarkdown } from './render-markdown';

// Known XSS payloads: raw HTML, dangerous URL schemes in every spelling, markdown
// constructs that end up as attributes, and mutation-XSS shapes.
const PAYLOADS: string[] = [
  '<script>alert(1)</script>',
  'text <script src="https://evil.example/x.js"></script> more',
  '<img src=x onerror=alert(1)>',
  '<IMG SRC="javascript:alert(1)">',
  '<svg onload=alert(1)>',
  '<svg><script>alert(1)</script></svg>',
  '<body onload=alert(1)>',
  '<div onmouseover="alert(1)">hover</div>',
  '[x](javascript:alert(1))',
  '[x](JaVaScRiPt:alert(1))',
  '[x](javascript&#58;alert(1))',
  '[x](&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1))',
  '[x](java\tscript:alert(1))',
  '[x](  javascript:alert(1))',
  '[x](<javascript:alert(1)>)',
  '[x](vbscript:msgbox(1))',
  '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<a href="data:text/html,<script>alert(1)</script>">click</a>',
  '<a href="javascript:alert(1)">click</a>',
  '<iframe src="https://evil.example"></iframe>',
  '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
  '<style>body { background: url(javascript:alert(1)) }</style>',
  '<form action="javascript:alert(1)"><button>go</button></form>',
  '<button formaction="javascript:alert(1)">go</button>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
  '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
  '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">',
  '![x](x" onerror="alert(1))',
  '![x](javascript:alert(1))',
  '![x"onerror="alert(1)](https://example.org/a.png)',
  '<javascript:alert(1)>',
  '<https://example.org/" onmouseover="alert(1)>',
  '[x][ref]\n\n[ref]: javascript:alert(1)',
  '<object data="javascript:alert(1)"></object>',
  '<embed src="javascript:alert(1)">',
  '<details open ontoggle=alert(1)>',
  '<a href="policy:social-media@1.0#intro" onclick="alert(1)">ref</a>',
  '<base href="javascript:alert(1)//">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '`<script>` in code is fine, <scr<script>ipt>alert(1)</script>',
];

const DANGEROUS_TAGS = ['script', 'iframe', 'object', 'embed', 'style', 'form', 'svg', 'math', 'base', 'meta', 'frame', 'button'];
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'xlink:href', 'data', 'srcdoc'];

function schemeOf(value: string): string {
  // eslint-disable-next-line no-control-regex
  return value.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

/** A resolved citation of `reference` whose section version 3.0 changed. */
function changedCitation(reference: string, documentTitle: string): ReadonlyMap<string, CitationFieldsFragment> {
  return new Map([
    [
      reference,
      {
        __typename: 'Citation',
        id: 'c1',
        reference,
        status: 'CHANGED',
        latestReference: null,
        document: { __typename: 'PolicyDocument', id: 'd1', slug: 'social-media-policy', title: documentTitle },
        version: { __typename: 'PolicyVersion', id: 'v2', version: '2.0' },
        section: { __typename: 'PolicySection', anchor: 'personal-and-professional-responsibilities', title: 'Personal and professional responsibilities' },
        latestVersion: { __typename: 'PolicyVersion', id: 'v3', version: '3.0' },
        changedIn: { __typename: 'PolicyVersion', id: 'v3', version: '3.0' },
      },
    ],
  ]);
}

function render(source: string): HTMLElement {
  const container = document.createElement('div');
  container.innerHTML = renderMarkdown(source);
  return container;
}

describe('renderMarkdown against XSS payloads', () => {
  it.each(PAYLOADS)('neutralises %j', (payload) => {
    const container = render(payload);
    for (const tag of DANGEROUS_TAGS) {
      expect(container.querySelector(tag)).toBeNull();
    }
    for (const element of Array.from(container.querySelectorAll('*'))) {
      for (const attribute of Array.from(element.attributes)) {
        expect(attribute.name.toLowerCase().startsWith('on')).toBe(false);
        if (URL_ATTRIBUTES.includes(attribute.name.toLowerCase())) {
          const value = schemeOf(attribute.value);
          expect(value.startsWith('javascript:')).toBe(false);
          expect(value.startsWith('vbscript:')).toBe(false);
          expect(value.startsWith('data:')).toBe(false);
          expect(value.startsWith('policy:')).toBe(false);
        }
      }
    }
  });

  it('has at least twenty payloads', () => {
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(20);
  });
});

describe('renderMarkdown for ordinary posts', () => {
  it('renders emphasis, lists, code and safe links', () => {
    const container = render('Some *emphasis*, `code` and [a link](https://example.org/policy "Policy").\n\n- one\n- two');
    expect(container.querySelector('em')?.textContent).toBe('emphasis');
    expect(container.querySelector('code')?.textContent).toBe('code');
    const link = container.querySelector('a');
    expect(link?.getAttribute('href')).toBe('https://example.org/policy');
    expect(link?.getAttribute('rel')).toBe('ugc nofollow noopener noreferrer');
    expect(container.querySelectorAll('li')).toHaveLength(2);
  });

  it('marks every link a member wrote as user-generated and not vouched for', () => {
    const container = render(
      '[a site](https://example.org) <https://autolink.example> bare https://bare.example and www.www.example, [mail](mailto:a@example.org), [question](/q/1)\n\n[ref]: https://reference.example\n\n[by reference][ref]',
    );
    const links = Array.from(container.querySelectorAll('a'));
    expect(links.map((link) => link.getAttribute('href'))).toEqual([
      'https://example.org',
      'https://autolink.example',
      'https://bare.example',
      'http://www.www.example',
      'mailto:a@example.org',
      '/q/1',
      'https://reference.example',
    ]);
    for (const link of links) expect(link.getAttribute('rel')).toBe('ugc nofollow noopener noreferrer');
  });

  it('gives a member no way to set rel or target on a link themselves', () => {
    const container = render('<a href="https://spam.example" rel="dofollow" target="_blank">win</a> [x](https://x.example "t" rel=follow)');
    for (const link of Array.from(container.querySelectorAll('a'))) {
      expect(link.getAttribute('rel')).toBe('ugc nofollow noopener noreferrer');
      expect(link.hasAttribute('target')).toBe(false);
    }
  });

  it('leaves citation chips, which the site adds, without rel', () => {
    const reference = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';
    const html = renderMarkdown(`[the guidance](${reference}) and [a blog](https://blog.example)`, {
      citations: changedCitation(reference, 'Social Media Policy'),
    });
    const container = document.createElement('div');
    container.innerHTML = html;
    const chipLinks = Array.from(container.querySelectorAll('.citation-chip a'));
    expect(chipLinks.length).toBeGreaterThanOrEqual(1);
    for (const link of chipLinks) expect(link.hasAttribute('rel')).toBe(false);
    expect(container.querySelector('a[href="https://blog.example"]')?.getAttribute('rel')).toBe('ugc nofollow noopener noreferrer');
  });

  it('keeps relative links and mailto links', () => {
    const container = render('[question](/q/1) and [mail](mailto:someone@example.org)');
    const hrefs = Array.from(container.querySelectorAll('a')).map((link) => link.getAttribute('href'));
    expect(hrefs).toEqual(['/q/1', 'mailto:someone@example.org']);
  });

  it('renders a linked policy: reference as a chip that links to the section, keeping the label', () => {
    const container = render('See [section 1](policy:social-media-policy@2.0#personal-and-professional-responsibilities).');
    const chip = container.querySelector('.citation-chip');
    expect(chip?.getAttribute('data-policy-ref')).toBe('policy:social-media-policy@2.0#personal-and-professional-responsibilities');
    expect(chip?.getAttribute('data-status')).toBe('UNRESOLVED');
    expect(chip?.querySelector('a')?.getAttribute('href')).toBe('/policies/social-media-policy/2.0#personal-and-professional-responsibilities');
    expect(container.querySelector('.policy-ref-label')?.textContent).toBe('section 1');
  });

  it('renders a bare policy: reference as a chip, but not one in code', () => {
    const container = render('Covered by policy:code-of-business-conduct@1.0#line-manager-outcomes. Example: `policy:a@1.0#b`');
    expect(container.querySelectorAll('.citation-chip')).toHaveLength(1);
    expect(container.querySelector('.policy-ref-label')).toBeNull();
    expect(container.querySelector('code')?.textContent).toBe('policy:a@1.0#b');
  });

  it('keeps a malformed policy: reference as a non-clickable span', () => {
    const container = render('[broken](policy:Not-A-Slug)');
    expect(container.querySelector('a')).toBeNull();
    expect(container.querySelector('span.policy-ref')?.textContent).toBe('broken');
  });

  it('uses the resolved citation for titles and status', () => {
    const reference = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';
    const html = renderMarkdown(`[personal and professional responsibilities](${reference})`, {
      citations: changedCitation(reference, 'Social Media Policy <and> Guidance'),
    });
    const container = document.createElement('div');
    container.innerHTML = html;
    const chip = container.querySelector('.citation-chip');
    expect(chip?.getAttribute('data-status')).toBe('CHANGED');
    expect(chip?.textContent).toBe('Social Media Policy <and> Guidance 2.0 § Personal and professional responsibilities changed in 3.0');
    expect(container.querySelector('.citation-chip-status')?.getAttribute('href')).toBe('/policies/social-media-policy/diff?from=2.0&to=3.0#personal-and-professional-responsibilities');
    // The label only repeated the section title, so the chip stands alone.
    expect(container.querySelector('.policy-ref-label')).toBeNull();
  });

  it('renders a pasted "Copy citation" link as the chip alone, its label being what the chip says', () => {
    const reference = 'policy:social-media-policy@2.0#personal-and-professional-responsibilities';
    const copied = citationMarkdownLink(
      { slug: 'social-media-policy', version: '2.0', anchor: 'personal-and-professional-responsibilities' },
      { documentTitle: 'Social Media Policy and Guidance', version: '2.0', sectionTitle: 'Personal and professional responsibilities' },
    );
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown(`As ${copied} says.`, { citations: changedCitation(reference, 'Social Media Policy and Guidance') });
    expect(container.querySelectorAll('.citation-chip')).toHaveLength(1);
    expect(container.querySelector('.policy-ref-label')).toBeNull();
    expect(container.textContent?.trim()).toBe('As Social Media Policy and Guidance 2.0 § Personal and professional responsibilities changed in 3.0 says.');
  });

  it('shows a reference that does not resolve as an error with the reason, never as a chip that links', () => {
    const container = document.createElement('div');
    container.innerHTML = renderMarkdown('See policy:social-media-policy@9.0#scope and [the scope](policy:nope@1.0#scope).', {
      problems: new Map([
        ['policy:social-media-policy@9.0#scope', '"Social Media Policy and Guidance" has no published version 9.0.'],
        ['policy:nope@1.0#scope', 'There is no policy document "nope".'],
      ]),
    });
    const errors = Array.from(container.querySelectorAll('.citation-chip'));
    expect(errors.map((chip) => chip.getAttribute('data-status'))).toEqual(['ERROR', 'ERROR']);
    expect(errors.map((chip) => chip.querySelector('.citation-chip-problem')?.textContent)).toEqual([
      '"Social Media Policy and Guidance" has no published version 9.0.',
      'There is no policy document "nope".',
    ]);
    expect(container.querySelector('.citation-chip a')).toBeNull();
    // The author's own words for the link stay beside the error.
    expect(container.querySelector('.policy-ref-label')?.textContent).toBe('the scope');
  });

  it('shows raw HTML as text instead of dropping it', () => {
    const container = render('Use <b>bold</b> tags');
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<b>bold</b>');
  });

  it('keeps the label of an unsafe link as text', () => {
    const container = render('[click me](javascript:alert(1))');
    expect(container.querySelector('a')).toBeNull();
    expect(container.textContent).toContain('click me');
  });
});

describe('escapeHtml', () => {
  it('escapes the five HTML-significant characters', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
  });
});

describe('linkBareCitationReferences', () => {
  it('wraps bare references and leaves linked ones alone', () => {
    expect(linkBareCitationReferences('see policy:a@1.0#b and [x](policy:c@2.0#d) and <policy:e@1.0#f>.')).toBe('see [policy:a@1.0#b](policy:a@1.0#b) and [x](policy:c@2.0#d) and <policy:e@1.0#f>.');
  });

  it('leaves reference definitions alone', () => {
    expect(linkBareCitationReferences('[x][r]\n\n[r]: policy:a@1.0#b')).toBe('[x][r]\n\n[r]: policy:a@1.0#b');
  });
});

describe('images in posts', () => {
  const site = 'https://forum.example.org';

  it('shows images from the site itself and from the allowed hosts', () => {
    const html = renderMarkdown('![chart](/uploads/a.png) ![logo](https://img.example.net/l.png) ![sub](https://a.cdn.example.com/x.png)', {
      imageHosts: ['https://img.example.net', 'https://*.cdn.example.com'],
      siteOrigin: site,
    });
    expect(html).toContain('<img src="/uploads/a.png" alt="chart"');
    expect(html).toContain('<img src="https://img.example.net/l.png" alt="logo"');
    expect(html).toContain('<img src="https://a.cdn.example.com/x.png" alt="sub"');
  });

  it('turns an image from any other host into a link, so its owner cannot see who reads the post', () => {
    const html = renderMarkdown('![pixel](https://tracker.example.com/p.gif) ![](http://img.example.net/l.png) ![root](https://cdn.example.com/x.png)', {
      imageHosts: ['https://img.example.net', 'https://*.cdn.example.com'],
      siteOrigin: site,
    });
    expect(html).not.toContain('<img');
    expect(html).toContain('href="https://tracker.example.com/p.gif"');
    expect(html).toContain('pixel (image on tracker.example.com)');
    // Another scheme or port is another origin; a wildcard covers subdomains only.
    expect(html).toContain('Image (image on img.example.net)');
    expect(html).toContain('root (image on cdn.example.com)');
    expect(html).toContain('rel="ugc nofollow noopener noreferrer"');
  });

  it('reads the allowed hosts from the page the api serves', () => {
    const meta = document.createElement('meta');
    meta.name = 'pc-image-hosts';
    meta.content = 'https://img.example.net';
    document.head.append(meta);
    try {
      expect(renderMarkdown('![a](https://img.example.net/a.png)')).toContain('<img src="https://img.example.net/a.png"');
      expect(renderMarkdown('![b](https://elsewhere.example/b.png)')).not.toContain('<img');
    } finally {
      meta.remove();
    }
  });
});
