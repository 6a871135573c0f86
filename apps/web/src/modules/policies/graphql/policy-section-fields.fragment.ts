import { graphql } from '../../../generated';

export const policySectionFieldsFragment = graphql(`
  fragment PolicySectionFields on PolicySection {
    anchor
    title
    body
    level
    parentAnchor
  }
`);
