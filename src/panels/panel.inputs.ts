import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AgendaItemKindEnum, PanelRecommendationEnum } from './enums';
import type { AgendaItemKind, PanelRecommendation } from './agenda-item.entity';

@InputType()
export class ScheduleAgendaItemInput {
  @Field(() => ID)
  meetingId!: string;

  @Field(() => AgendaItemKindEnum)
  kind!: AgendaItemKind;

  @Field(() => ID, { nullable: true, description: 'The household, for every kind but MATCH.' })
  @IsOptional()
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The match, for a MATCH item.' })
  @IsOptional()
  matchId?: string | null;
}

@InputType()
export class DeclareInterestInput {
  @Field(() => ID)
  agendaItemId!: string;

  @RequiredText(NOTE_LENGTH)
  reason!: string;
}

@InputType()
export class RecordPanelRecommendationInput {
  @Field(() => ID)
  agendaItemId!: string;

  @Field(() => Int, { nullable: true })
  @IsOptional()
  version?: number | null;

  @Field(() => PanelRecommendationEnum)
  recommendation!: PanelRecommendation;

  @RequiredText(NOTE_LENGTH)
  reasons!: string;
}

@InputType()
export class RecordReportQualityFeedbackInput {
  @Field(() => ID)
  panelId!: string;

  @Field({ description: 'YYYY-H1 or YYYY-H2' })
  @Matches(/^\d{4}-H[12]$/, { message: 'must be YYYY-H1 or YYYY-H2' })
  period!: string;

  @Field(() => Int)
  @IsInt()
  @Min(1)
  @Max(4)
  rating!: number;

  @RequiredText(NOTE_LENGTH)
  strengths!: string;

  @RequiredText(NOTE_LENGTH)
  improvements!: string;
}
