import { Field, GraphQLISODateTime, ID, Int, ObjectType, registerEnumType } from '@nestjs/graphql';

export enum VersionBump {
  MAJOR = 'MAJOR',
  MINOR = 'MINOR',
}
registerEnumType(VersionBump, { name: 'VersionBump' });

export enum SectionChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  CHANGED = 'CHANGED',
  UNCHANGED = 'UNCHANGED',
  MOVED = 'MOVED',
}
registerEnumType(SectionChangeKind, { name: 'SectionChangeKind' });

export enum WordChangeKind {
  ADDED = 'ADDED',
  REMOVED = 'REMOVED',
  SAME = 'SAME',
}
registerEnumType(WordChangeKind, { name: 'WordChangeKind', description: 'One run of words in a word-by-word diff.' });

@ObjectType('Contributor')
export class ContributorModel {
  @Field(() => String)
  name: string;

  @Field(() => String, { description: 'e.g. "Head of ICT"' })
  role: string;
}

@ObjectType('PolicySection')
export class PolicySectionModel {
  @Field(() => String, { description: 'Stable within a document across versions, e.g. personal-and-professional-responsibilities.' })
  anchor: string;

  @Field(() => String)
  title: string;

  @Field(() => String, { description: 'Markdown up to the next heading; subsections are sections of their own.' })
  body: string;

  @Field(() => Int, { description: '2 for ##, 3 for ###, …' })
  level: number;

  @Field(() => String, { nullable: true })
  parentAnchor: string | null;

  id: string;
  versionId: string;
}

@ObjectType('PolicyVersion')
export class PolicyVersionModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'MAJOR.MINOR' })
  version: string;

  @Field(() => GraphQLISODateTime, { description: 'The publication date (midnight UTC).' })
  publishedOn: Date;

  @Field(() => String)
  summaryOfChanges: string;

  @Field(() => [ContributorModel])
  contributors: ContributorModel[];

  @Field(() => String, { description: 'Attribution and reuse note.' })
  licence: string;

  @Field(() => String, { description: 'The whole version as Markdown (its headings are the sections).' })
  markdown: string;

  documentId: string;
  major: number;
  minor: number;
  /** The notice this version carries for readers of earlier ones. */
  ownSupersededNotice: string | null;
}

@ObjectType('PolicyDraft')
export class PolicyDraftModel {
  @Field(() => String)
  markdown: string;

  @Field(() => GraphQLISODateTime)
  updatedAt: Date;

  documentId: string;
}

@ObjectType('PolicyDocument')
export class PolicyDocumentModel {
  @Field(() => ID)
  id: string;

  @Field(() => String)
  slug: string;

  @Field(() => String)
  title: string;

  organisationId: string;
  adaptedFromVersionId: string | null;
}

@ObjectType('WordChange')
export class WordChangeModel {
  @Field(() => WordChangeKind)
  kind: WordChangeKind;

  @Field(() => String)
  text: string;
}

@ObjectType('SectionChange')
export class SectionChangeModel {
  @Field(() => String)
  anchor: string;

  @Field(() => String, { description: "The to-version's title, or the from-version's for a removed section." })
  title: string;

  @Field(() => SectionChangeKind)
  change: SectionChangeKind;

  @Field(() => Boolean, { description: 'Placed under another parent, at another level or out of order (also for a CHANGED section).' })
  moved: boolean;

  @Field(() => String, { nullable: true, description: 'The from-version title; null for an ADDED section.' })
  fromTitle: string | null;

  @Field(() => String, { nullable: true, description: 'The from-version body; null for an ADDED section.' })
  fromBody: string | null;

  @Field(() => String, { nullable: true, description: 'The to-version body; null for a REMOVED section.' })
  toBody: string | null;

  @Field(() => String, { nullable: true })
  fromParentAnchor: string | null;

  @Field(() => String, { nullable: true })
  toParentAnchor: string | null;

  @Field(() => [WordChangeModel], {
    description:
      'CHANGED only: the body as runs of its Markdown exactly as written, paragraphs matched first and words highlighted only inside similar paragraphs (a rewritten one is one REMOVED and one ADDED run); SAME and ADDED runs put together are the to-version body. Empty otherwise.',
  })
  words: WordChangeModel[];

  @Field(() => [WordChangeModel], { description: 'CHANGED with a reworded heading: the title word by word; empty otherwise.' })
  titleWords: WordChangeModel[];
}

@ObjectType('PolicyDiff')
export class PolicyDiffModel {
  @Field(() => PolicyVersionModel)
  from: PolicyVersionModel;

  @Field(() => PolicyVersionModel)
  to: PolicyVersionModel;

  @Field(() => [SectionChangeModel])
  sections: SectionChangeModel[];
}
