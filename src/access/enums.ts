import { graphqlEnum } from '../graphql/enums';
import { AUTHORITIES, PANEL_ROLES, ROLES } from '../authz/vocabulary';

/** The policy's vocabulary as GraphQL enums. */
export const AuthorityEnum = graphqlEnum(
  AUTHORITIES,
  'Authority',
  'A partner local authority of the partnership: the tenant of its children’s records and the data controller for them.',
  {
    BEXLEY: 'The London Borough of Bexley.',
    KENT: 'Kent County Council.',
    MEDWAY: 'Medway Council.',
  },
);

export const RoleEnum = graphqlEnum(
  ROLES,
  'Role',
  'A role a member of staff holds, for an authority or partnership-wide, on given dates.',
  {
    ADM: 'Agency Decision Maker: an authority’s ADM decides that a child should be placed for adoption and decides its matches; the partnership’s ADM (no authority) approves, refuses or terminates adopter households.',
    PPM_LEAD:
      'Permanency Planning & Matching lead of one authority: tracks its children who may need permanence and records referrals, placement orders, placements, orders and other milestones; decides nothing.',
    FAMILY_FINDER:
      'Partnership staff allocated to children once adoption is the plan: searches the regional pool of adopters, proposes links and matches, and records households and their stages.',
    PANEL_MEMBER:
      'A seat on an adoption panel (chair, vice chair, member or adviser): reads the papers of its agenda while they are open and recommends, never decides.',
    BOARD_DIRECTOR:
      'Executive Board director: reads aggregate performance and the pooled budget, never a child’s or an adopter’s identity.',
    SUPPORT_WORKER:
      'Adoption support team: records support requests, advice-line calls and assessments; reads support cases, not adoption records.',
    AUDITOR:
      'Reads the access log: the partnership’s auditor every event, a council’s information-governance officer the events about its children and staff.',
    ACCESS_ADMIN: 'Manages staff accounts and role assignments; reads no case record.',
  },
);

export const PanelRoleEnum = graphqlEnum(PANEL_ROLES, 'PanelRole', 'A member’s seat on an adoption panel.', {
  CHAIR: 'The independent chair: records the panel’s recommendation and its six-monthly report-quality feedback.',
  VICE_CHAIR: 'Stands in for the chair, with the same powers.',
  MEMBER: 'A member from the central list (social worker, medical adviser, independent member): reads the agenda’s papers and recommends.',
  ADVISER: 'The panel adviser: puts cases on its meetings’ agendas and advises the panel; records no recommendation.',
});
