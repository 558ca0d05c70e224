import { graphqlEnum } from '../graphql/enums';
import { AGENDA_ITEM_KINDS, PANEL_RECOMMENDATIONS } from './agenda-item.entity';

/** The panels' enums, from the same lists as the database enums. */
export const AgendaItemKindEnum = graphqlEnum(AGENDA_ITEM_KINDS, 'AgendaItemKind');
export const PanelRecommendationEnum = graphqlEnum(PANEL_RECOMMENDATIONS, 'PanelRecommendation');
