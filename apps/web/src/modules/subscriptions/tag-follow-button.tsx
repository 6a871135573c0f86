import { useQuery } from '@apollo/client/react';
import { tagListQuery } from '../questions/graphql/tag-list.query';
import { FollowButton } from './follow-button';

/** Tag pages know only the slug; the follow list holds the tag's id (and its slug as the label). */
export function TagFollowButton({ slug }: { slug: string }) {
  const { data } = useQuery(tagListQuery, { variables: { first: 100 }, fetchPolicy: 'cache-first' });
  const tagId = data?.tags.find((tag) => tag.slug === slug)?.id;
  return <FollowButton kind="TAG" targetId={slug} canonicalId={tagId} label={slug} what={`the tag ${slug}`} />;
}
