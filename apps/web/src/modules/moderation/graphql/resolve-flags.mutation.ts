import { graphql } from '../../../generated';

export const resolveFlagsMutation = graphql(`
  mutation ResolveFlags($input: ResolveFlagsInput!) {
    resolveFlags(input: $input)
  }
`);
