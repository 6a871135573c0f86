import { breadcrumbJsonLd, policyVersionJsonLd, questionPageJsonLd, websiteJsonLd, type AnswerForStructuredData, type QuestionForStructuredData } from './structured-data';

const origin = 'https://forum.example';

const question: QuestionForStructuredData = {
  id: 'q1',
  title: 'Social media policy for officers who are also parish councillors?',
  body: 'Does anyone have a policy that covers **officers** using social media in a personal capacity?',
  score: 4,
  createdAt: '2025-03-01T09:00:00.000Z',
  author: { id: 'u1', displayName: 'Alex Officer' },
};

const acceptedAnswer: AnswerForStructuredData = {
  id: 'a1',
  body: 'The dual role is the point, not the medium. See [the code](policy:code-of-conduct@1.0#interests).',
  score: 7,
  createdAt: '2025-03-02T10:00:00.000Z',
  isAccepted: true,
  author: { id: 'u2', displayName: 'Sam Governor' },
};

const otherAnswer: AnswerForStructuredData = {
  id: 'a2',
  body: 'Ask your line manager.',
  score: -1,
  createdAt: '2025-03-03T11:00:00.000Z',
  isAccepted: false,
  author: { id: 'u3', displayName: 'Pat Clerk' },
};

describe('questionPageJsonLd', () => {
  it('describes a QAPage whose Question has the accepted answer and the others as suggested answers', () => {
    const page = questionPageJsonLd(origin, question, [otherAnswer, acceptedAnswer]);
    expect(page).not.toBeNull();
    expect(page?.['@context']).toBe('https://schema.org');
    expect(page?.['@type']).toBe('QAPage');
    const entity = page?.mainEntity;
    expect(entity).toMatchObject({
      '@type': 'Question',
      name: question.title,
      text: 'Does anyone have a policy that covers officers using social media in a personal capacity?',
      answerCount: 2,
      upvoteCount: 4,
      dateCreated: question.createdAt,
      author: { '@type': 'Person', name: 'Alex Officer', url: 'https://forum.example/u/u1' },
    });
    expect(entity?.acceptedAnswer).toEqual({
      '@type': 'Answer',
      text: 'The dual role is the point, not the medium. See the code.',
      dateCreated: acceptedAnswer.createdAt,
      datePublished: acceptedAnswer.createdAt,
      upvoteCount: 7,
      url: 'https://forum.example/q/q1#answer-a1',
      author: { '@type': 'Person', name: 'Sam Governor', url: 'https://forum.example/u/u2' },
    });
    expect(entity?.suggestedAnswer).toHaveLength(1);
    expect(entity?.suggestedAnswer?.[0]).toMatchObject({ '@type': 'Answer', text: 'Ask your line manager.', upvoteCount: -1, url: 'https://forum.example/q/q1#answer-a2', dateCreated: otherAnswer.createdAt });
  });

  it('lists every answer as suggested when none is accepted', () => {
    const entity = questionPageJsonLd(origin, question, [otherAnswer])?.mainEntity;
    expect(entity).not.toHaveProperty('acceptedAnswer');
    expect(entity?.suggestedAnswer?.map((answer) => answer.url)).toEqual(['https://forum.example/q/q1#answer-a2']);
  });

  it('gives no QAPage for a question without answers, which the rich result would reject', () => {
    expect(questionPageJsonLd(origin, question, [])).toBeNull();
  });

  it("uses the title as the question's text when the body has no words", () => {
    expect(questionPageJsonLd(origin, { ...question, body: '' }, [otherAnswer])?.mainEntity.text).toBe(question.title);
  });
});

describe('policyVersionJsonLd', () => {
  const document = {
    slug: 'social-media-policy',
    title: 'Social Media Policy and Guidance',
    organisation: { slug: 'county-council', name: 'County Council' },
  };

  it('describes the version as a DigitalDocument by its organisation, at its permanent address', () => {
    const json = policyVersionJsonLd(origin, { document, version: '2.0', publishedOn: '2011-02-01', summaryOfChanges: 'Refocused on business benefit.', contributors: [{ name: 'Head of ICT' }] });
    const organisation = { '@type': 'Organization', name: 'County Council', url: 'https://forum.example/o/county-council' };
    expect(json).toMatchObject({
      '@context': 'https://schema.org',
      '@type': 'DigitalDocument',
      name: 'Social Media Policy and Guidance',
      version: '2.0',
      datePublished: '2011-02-01',
      url: 'https://forum.example/policies/social-media-policy/2.0',
      inLanguage: 'en',
      author: organisation,
      publisher: organisation,
      abstract: 'Refocused on business benefit.',
      contributor: [{ '@type': 'Person', name: 'Head of ICT' }],
    });
    expect(json).not.toHaveProperty('isBasedOn');
  });

  it('points an adaptation at the version it was adapted from', () => {
    const adaptation = { ...document, slug: 'parish-social-media', adaptedFrom: { version: '2.0', document: { slug: 'social-media-policy' } } };
    expect(policyVersionJsonLd(origin, { document: adaptation, version: '1.0', publishedOn: '2012-01-01' }).isBasedOn).toBe('https://forum.example/policies/social-media-policy/2.0');
  });
});

describe('breadcrumbJsonLd', () => {
  it('numbers the items from 1 and makes their paths absolute', () => {
    expect(
      breadcrumbJsonLd(origin, [
        { name: 'Home', path: '/' },
        { name: 'Social Media in Local Government', path: '/c/social-media' },
        { name: 'Dual roles?', path: '/q/q1' },
      ]),
    ).toEqual({
      '@context': 'https://schema.org',
      '@type': 'BreadcrumbList',
      itemListElement: [
        { '@type': 'ListItem', position: 1, name: 'Home', item: 'https://forum.example/' },
        { '@type': 'ListItem', position: 2, name: 'Social Media in Local Government', item: 'https://forum.example/c/social-media' },
        { '@type': 'ListItem', position: 3, name: 'Dual roles?', item: 'https://forum.example/q/q1' },
      ],
    });
  });
});

describe('websiteJsonLd', () => {
  it("names the site at its home page's absolute URL", () => {
    expect(websiteJsonLd(origin)).toEqual({ '@context': 'https://schema.org', '@type': 'WebSite', name: 'Policy Commons', url: 'https://forum.example/' });
  });
});
