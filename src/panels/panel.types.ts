import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Node } from '../graphql/node';
import { AgendaItemKindEnum, PanelRecommendationEnum } from './enums';
import { DateScalar, DateTimeScalar } from '../graphql/scalars';
import type { AgendaItemKind, PanelRecommendation } from './agenda-item.entity';

@ObjectType('Panel')
export class Panel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

@ObjectType('PanelMeeting', { implements: Node })
export class PanelMeeting {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  panelId!: string;

  @Field(() => DateScalar)
  meetingOn!: string;

  @Field(() => DateScalar)
  papersReleasedOn!: string;
}

@ObjectType('AgendaItem', { description: 'A case on a panel meeting’s agenda, and the panel’s recommendation.' })
export class AgendaItem {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  meetingId!: string;

  @Field(() => ID)
  panelId!: string;

  @Field(() => DateScalar)
  meetingOn!: string;

  @Field(() => DateScalar, { description: 'The papers close to the panel after this day (7 days after the meeting).' })
  windowClosesOn!: string;

  @Field(() => AgendaItemKindEnum)
  kind!: AgendaItemKind;

  @Field(() => ID)
  householdId!: string;

  @Field(() => ID, { nullable: true })
  matchId!: string | null;

  @Field(() => ID, { nullable: true })
  childId!: string | null;

  @Field(() => PanelRecommendationEnum, { nullable: true })
  recommendation!: PanelRecommendation | null;

  @Field(() => String, { nullable: true })
  reasons!: string | null;

  @Field(() => Int)
  version!: number;
}

@ObjectType('PanelRecommendationView', {
  description:
    'What a decision maker reads of a panel’s recommendation on a match or a household: the recommendation, its reasons and the meeting’s date.',
})
export class PanelRecommendationView {
  @Field(() => ID, { description: 'The agenda item the panel recommended on.' })
  agendaItemId!: string;

  @Field(() => PanelRecommendationEnum)
  recommendation!: PanelRecommendation;

  @Field(() => String, { nullable: true })
  reasons!: string | null;

  @Field(() => DateScalar)
  meetingOn!: string;
}

@ObjectType('ReportQualityFeedback', { description: "A panel's six-monthly feedback on the quality of reports presented to it." })
export class ReportQualityFeedback {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  panelId!: string;

  @Field({ description: 'YYYY-H1 or YYYY-H2' })
  period!: string;

  @Field(() => Int, { description: '1 (poor) to 4 (excellent)' })
  rating!: number;

  @Field()
  strengths!: string;

  @Field()
  improvements!: string;

  @Field(() => DateTimeScalar)
  createdAt!: Date;
}

@ObjectType('InterestDeclaration', {
  description:
    'A panel member’s declaration of an interest in a case on their panel’s agenda: the case’s papers and its recommendation are closed to them.',
})
export class InterestDeclaration {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => ID)
  panelId!: string;

  @Field(() => ID, { description: 'The member of staff who declared it.' })
  staffId!: string;

  @Field()
  reason!: string;

  @Field(() => DateTimeScalar)
  declaredAt!: Date;
}
