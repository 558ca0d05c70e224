import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { AgendaItemKindEnum, PanelRecommendationEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { AgendaItemKind, PanelRecommendation } from './agenda-item.entity';

@ObjectType('Panel', { description: 'One of the partnership’s four adoption panels.' })
export class Panel {
  @Field(() => ID, { description: 'The panel’s id.' })
  id!: string;

  @Field({ description: 'The panel’s name.' })
  name!: string;
}

@ObjectType('PanelMeeting', { implements: Node, description: 'A meeting of an adoption panel, and its agenda.' })
export class PanelMeeting {
  @Field(() => ID, { description: 'The meeting’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The panel that meets.' })
  panelId!: string;

  @Field(() => DateScalar, { description: 'The day of the meeting.' })
  meetingOn!: string;

  @Field(() => DateScalar, { description: 'The day the papers open to the panel’s members.' })
  papersReleasedOn!: string;
}

@ObjectType('AgendaItem', { description: 'A case on a panel meeting’s agenda, and the panel’s recommendation.' })
export class AgendaItem {
  @Field(() => ID, { description: 'The item’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The meeting it is on.' })
  meetingId!: string;

  @Field(() => ID, { description: 'The panel that hears it.' })
  panelId!: string;

  @Field(() => DateScalar, { description: 'The day of the meeting.' })
  meetingOn!: string;

  @Field(() => DateScalar, { description: 'The papers close to the panel after this day (7 days after the meeting).' })
  windowClosesOn!: string;

  @Field(() => AgendaItemKindEnum, { description: 'What the panel is asked to recommend on.' })
  kind!: AgendaItemKind;

  @Field(() => ID, { description: 'The household the case is about (for a MATCH item, the matched household).' })
  householdId!: string;

  @Field(() => ID, { nullable: true, description: 'The match, for a MATCH item.' })
  matchId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The child, for a MATCH item.' })
  childId!: string | null;

  @Field(() => PanelRecommendationEnum, { nullable: true, description: 'The panel’s recommendation, once recorded.' })
  recommendation!: PanelRecommendation | null;

  @Field(() => String, { nullable: true, description: 'The panel’s reasons for its recommendation.' })
  reasons!: string | null;

  @Field(() => Int, { description: 'Pass back when recording the recommendation; a stale version is a CONFLICT.' })
  version!: number;
}

@ObjectType('PanelRecommendationView', {
  description:
    'What a decision maker reads of a panel’s recommendation on a match or a household: the recommendation, its reasons and the meeting’s date.',
})
export class PanelRecommendationView {
  @Field(() => ID, { description: 'The agenda item the panel recommended on.' })
  agendaItemId!: string;

  @Field(() => PanelRecommendationEnum, { description: 'Positive, negative or deferred.' })
  recommendation!: PanelRecommendation;

  @Field(() => String, { nullable: true, description: 'The panel’s reasons, as the chair recorded them.' })
  reasons!: string | null;

  @Field(() => DateScalar, { description: 'The day of the meeting that recommended: a decision falls on or after it.' })
  meetingOn!: string;
}

@ObjectType('ReportQualityFeedback', { description: "A panel's six-monthly feedback on the quality of reports presented to it." })
export class ReportQualityFeedback {
  @Field(() => ID, { description: 'The feedback’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The panel that gave it.' })
  panelId!: string;

  @Field({ description: 'YYYY-H1 or YYYY-H2' })
  period!: string;

  @Field(() => Int, { description: '1 (poor) to 4 (excellent)' })
  rating!: number;

  @Field({ description: 'What the reports did well.' })
  strengths!: string;

  @Field({ description: 'What the reports should do better.' })
  improvements!: string;

  @Field(() => DateTimeScalar, { description: 'When it was recorded.' })
  createdAt!: Date;
}

@ObjectType('InterestDeclaration', {
  description:
    'A panel member’s declaration of an interest in a case on their panel’s agenda: the case’s papers and its recommendation are closed to them.',
})
export class InterestDeclaration {
  @Field(() => ID, { description: 'The declaration’s id.' })
  id!: string;

  @Field(() => ID, { description: 'The case declared on.' })
  agendaItemId!: string;

  @Field(() => ID, { description: 'The panel.' })
  panelId!: string;

  @Field(() => ID, { description: 'The member of staff who declared it.' })
  staffId!: string;

  @Field({ description: 'The interest declared.' })
  reason!: string;

  @Field(() => DateTimeScalar, { description: 'When it was declared.' })
  declaredAt!: Date;
}
