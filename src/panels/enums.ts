import { graphqlEnum } from '../graphql/enums';
import { AGENDA_ITEM_KINDS, PANEL_RECOMMENDATIONS } from './agenda-item.entity';

/** The panels' enums, from the same lists as the database enums. */
export const AgendaItemKindEnum = graphqlEnum(
  AGENDA_ITEM_KINDS,
  'AgendaItemKind',
  'What a case on a panel’s agenda asks the panel to recommend on, in the order of a household’s journey.',
  {
    ADOPTER_APPROVAL: 'Whether a household, its Prospective Adopter’s Report (PAR) complete, should be approved as adopters.',
    EARLY_PERMANENCE_DUAL_APPROVAL: 'Whether a household should be approved both as adopters and as foster carers, for early permanence.',
    MATCH: 'Whether a child should be placed with a household: the Child Permanence Report (CPR) and the adoption placement report.',
    APPROVAL_REVIEW: 'The review of an approval, when no child has been placed within a year.',
    TERMINATION: 'Whether a household’s approval should be terminated.',
  },
);

export const PanelRecommendationEnum = graphqlEnum(
  PANEL_RECOMMENDATIONS,
  'PanelRecommendation',
  'An adoption panel’s recommendation, with its reasons; the decision is the ADM’s.',
  {
    POSITIVE: 'The panel recommends that the approval or match go ahead.',
    NEGATIVE: 'The panel recommends that it not go ahead.',
    DEFERRED: 'The panel defers its recommendation (more information needed); the case returns to a later meeting.',
  },
);
