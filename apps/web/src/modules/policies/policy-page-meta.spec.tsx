import { render } from '@testing-library/react';
import type { PolicyDocumentQuery, PolicyVersionQuery } from '../../generated/graphql';
import { SiteOriginProvider } from '../seo/site-origin';
import { PolicyVersionMeta } from './policy-page-meta';

type PolicyDocument = NonNullable<PolicyDocumentQuery['policyDocument']>;
type PolicyVersion = NonNullable<PolicyVersionQuery['policyVersion']>;

const document: PolicyDocument = {
  __typename: 'PolicyDocument',
  id: 'd2',
  slug: 'parish-social-media',
  title: 'Parish Social Media Policy',
  canAuthor: false,
  organisation: { __typename: 'Organisation', id: 'o2', slug: 'little-parish', name: 'Little Parish Council' },
  versions: [
    { __typename: 'PolicyVersion', id: 'v1', version: '1.0', publishedOn: '2011-02-01' },
    { __typename: 'PolicyVersion', id: 'v2', version: '2.0', publishedOn: '2012-07-16' },
  ],
  latestVersion: { __typename: 'PolicyVersion', id: 'v2', version: '2.0' },
  adaptedFrom: {
    __typename: 'PolicyVersion',
    id: 'source',
    version: '2.0',
    document: { __typename: 'PolicyDocument', id: 'd1', slug: 'social-media-policy', title: 'Social Media Policy and Guidance', organisation: { __typename: 'Organisation', id: 'o1', name: 'County Council' } },
  },
  adaptations: [],
  citedBy: [],
};

function version(number: string, publishedOn: string): PolicyVersion {
  return {
    __typename: 'PolicyVersion',
    id: `v-${number}`,
    version: number,
    publishedOn,
    summaryOfChanges: 'Refocused on business benefit.',
    licence: 'CC BY 4.0',
    supersededNotice: null,
    contributors: [{ __typename: 'Contributor', name: 'Head of ICT', role: 'ICT' }],
    supersededBy: null,
    latestVersion: null,
    sections: [],
  };
}

function renderMeta(policyVersion: PolicyVersion) {
  render(
    <SiteOriginProvider value="https://forum.example">
      <PolicyVersionMeta document={document} policyVersion={policyVersion} />
    </SiteOriginProvider>,
  );
  const [digitalDocument, breadcrumbs] = [...window.document.querySelectorAll('script[type="application/ld+json"]')].map((script) => JSON.parse(script.textContent ?? '') as Record<string, unknown>);
  return { digitalDocument, breadcrumbs, canonical: window.document.head.querySelector('link[rel="canonical"]')?.getAttribute('href'), description: window.document.head.querySelector('meta[name="description"]')?.getAttribute('content') };
}

describe('a policy version page for search engines', () => {
  it("describes the latest version as the organisation's DigitalDocument, canonical at the document's address", () => {
    const { digitalDocument, breadcrumbs, canonical, description } = renderMeta(version('2.0', '2012-07-16'));
    expect(canonical).toBe('https://forum.example/policies/parish-social-media');
    expect(description).toBe('Version 2.0 of Parish Social Media Policy, a policy of Little Parish Council, published 16 July 2012. Refocused on business benefit.');
    expect(digitalDocument).toMatchObject({
      '@type': 'DigitalDocument',
      name: 'Parish Social Media Policy',
      version: '2.0',
      datePublished: '2012-07-16',
      url: 'https://forum.example/policies/parish-social-media/2.0',
      author: { '@type': 'Organization', name: 'Little Parish Council', url: 'https://forum.example/o/little-parish' },
      isBasedOn: 'https://forum.example/policies/social-media-policy/2.0',
    });
    expect((breadcrumbs.itemListElement as Array<{ name: string }>).map((item) => item.name)).toEqual(['Policies', 'Little Parish Council', 'Parish Social Media Policy']);
  });

  it('keeps a superseded version canonical at its own address and says it was superseded', () => {
    const { canonical, description } = renderMeta(version('1.0', '2011-02-01'));
    expect(canonical).toBe('https://forum.example/policies/parish-social-media/1.0');
    expect(description).toContain('It has been superseded; the latest is version 2.0.');
  });
});
