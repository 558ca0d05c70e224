/** The operations front ends send, as the API tests send them. */
export const CHILD_FIELDS = `id authority stage firstName lastName dateOfBirth ageInYears ethnicity birthFamilyBackground version redactedFields`;

export const LIST_CHILDREN = `query ($first: Int, $after: String, $filter: ChildFilter) {
  children(first: $first, after: $after, filter: $filter) {
    totalCount
    edges { cursor node { ${CHILD_FIELDS} } }
    pageInfo { hasNextPage endCursor }
  }
}`;

export const LIST_CHILDREN_WITHOUT_TOTAL = `query ($first: Int, $after: String, $orderBy: [ChildOrder!]) {
  children(first: $first, after: $after, orderBy: $orderBy) { edges { node { id } } pageInfo { hasNextPage endCursor } }
}`;

export const GET_CHILD = `query ($id: ID!) { child(id: $id) { ${CHILD_FIELDS} } }`;

export const CREATE_CHILD = `mutation ($input: CreateChildInput!) { createChild(input: $input) { ${CHILD_FIELDS} } }`;
