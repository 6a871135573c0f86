import { Kind, type GraphQLResolveInfo } from 'graphql';

/**
 * Whether a field's selection asks for nothing but the object's id (and __typename): the
 * question list's `acceptedAnswer { id }` needs no row of the answer, only the id the
 * question already holds. Fragments count as asking for more, so this never guesses.
 */
export function selectsOnlyId(info: GraphQLResolveInfo): boolean {
  return selectsOnly(info, ['id']);
}

/**
 * Whether a field's selection asks for nothing beyond `fields` (and __typename), so a
 * reference the parent row already carries can answer it without loading the object.
 */
export function selectsOnly(info: GraphQLResolveInfo, fields: readonly string[]): boolean {
  return info.fieldNodes.every(
    (node) =>
      node.selectionSet?.selections.every((selection) => selection.kind === Kind.FIELD && (selection.name.value === '__typename' || fields.includes(selection.name.value))) ??
      false,
  );
}
