import { Field, ID, ObjectType, registerEnumType } from '@nestjs/graphql';
import { SectionChangeKind } from '../policies/policy.model.js';

export enum CitationStatus {
  CURRENT = 'CURRENT',
  UNCHANGED = 'UNCHANGED',
  CHANGED = 'CHANGED',
  REMOVED = 'REMOVED',
}
registerEnumType(CitationStatus, {
  name: 'CitationStatus',
  valuesMap: {
    CURRENT: { description: 'cites the latest version' },
    UNCHANGED: { description: 'a later version exists; the cited section is the same there' },
    CHANGED: { description: 'a later version changed the cited section' },
    REMOVED: { description: 'a later version no longer has the cited section' },
  },
});

@ObjectType('Citation')
export class CitationModel {
  @Field(() => ID)
  id: string;

  @Field(() => String, { description: 'policy:<slug>@<version>#<anchor>' })
  reference: string;

  @Field(() => CitationStatus)
  status: CitationStatus;

  @Field(() => String, {
    nullable: true,
    description: 'The same section in the latest version, when the citation is not CURRENT and the section still exists there.',
  })
  latestReference: string | null;

  documentId: string;
  versionId: string;
  sectionId: string;
  latestVersionId: string;
  changedInVersionId: string | null;
  questionId: string | null;
  answerId: string | null;
  /** What a chip shows of the document, versions and section, read with the citation (see CitationsResolver). */
  shown: CitedNames;
}

/** The names of what a citation points at, from its own statement's joins. */
export interface CitedNames {
  documentSlug: string;
  documentTitle: string;
  version: string;
  latestVersion: string;
  changedInVersion: string | null;
  sectionAnchor: string;
  sectionTitle: string;
}

@ObjectType('DraftCitationImpact', { description: 'A citation that publishing the draft would make stale.' })
export class DraftCitationImpactModel {
  @Field(() => CitationModel)
  citation: CitationModel;

  @Field(() => SectionChangeKind, { description: 'CHANGED or REMOVED: what the draft does to the cited section.' })
  change: SectionChangeKind;
}

@ObjectType('CitationResolution', { description: 'What one reference in an unsaved post would cite, or why it cannot.' })
export class CitationResolutionModel {
  @Field(() => String, { description: 'The reference as asked.' })
  reference: string;

  @Field(() => CitationModel, { nullable: true, description: 'What the reference cites, with its status; null when it does not resolve. Its id is not a stored citation\'s.' })
  citation: CitationModel | null;

  @Field(() => String, { nullable: true, description: 'Why the reference cannot be cited, in words; null when it resolves.' })
  problem: string | null;
}
