import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { NOTE_LENGTH, RequiredText } from '../graphql/input-fields';
import { Field, ID, InputType, Int } from 'type-graphql';
import { AgendaItemKindEnum, PanelRecommendationEnum } from './enums';
import type { AgendaItemKind, PanelRecommendation } from './agenda-item.entity';

@InputType({ description: 'A case put on a meeting’s agenda by the panel adviser.' })
export class ScheduleAgendaItemInput {
  @Field(() => ID, { description: 'The meeting of the adviser’s panel.' })
  meetingId!: string;

  @Field(() => AgendaItemKindEnum, { description: 'What the panel is asked to recommend on.' })
  kind!: AgendaItemKind;

  @Field(() => ID, { nullable: true, description: 'The household, for every kind but MATCH.' })
  @IsOptional()
  householdId?: string | null;

  @Field(() => ID, { nullable: true, description: 'The match, for a MATCH item.' })
  @IsOptional()
  matchId?: string | null;
}

@InputType({ description: 'A panel member’s declaration of an interest in a case on the agenda.' })
export class DeclareInterestInput {
  @Field(() => ID, { description: 'The agenda item.' })
  agendaItemId!: string;

  @RequiredText(NOTE_LENGTH, 'The interest.')
  reason!: string;
}

@InputType({ description: 'The panel’s recommendation on an agenda item, recorded by the chair or vice chair.' })
export class RecordPanelRecommendationInput {
  @Field(() => ID, { description: 'The agenda item.' })
  agendaItemId!: string;

  @Field(() => Int, {
    nullable: true,
    description:
      'The version you last read; a stale one is a CONFLICT (STALE_VERSION). None: the change applies to the record as it stands.',
  })
  @IsOptional()
  version?: number | null;

  @Field(() => PanelRecommendationEnum, { description: 'Positive, negative or deferred.' })
  recommendation!: PanelRecommendation;

  @RequiredText(NOTE_LENGTH, 'The panel’s reasons.')
  reasons!: string;
}

@InputType({ description: 'A panel’s six-monthly feedback on the quality of the reports presented to it.' })
export class RecordReportQualityFeedbackInput {
  @Field(() => ID, { description: 'The chair’s or vice chair’s panel.' })
  panelId!: string;

  @Field({ description: 'YYYY-H1 or YYYY-H2' })
  @Matches(/^\d{4}-H[12]$/, { message: 'must be YYYY-H1 or YYYY-H2' })
  period!: string;

  @Field(() => Int, { description: '1 (poor) to 4 (excellent).' })
  @IsInt()
  @Min(1)
  @Max(4)
  rating!: number;

  @RequiredText(NOTE_LENGTH, 'What the reports did well.')
  strengths!: string;

  @RequiredText(NOTE_LENGTH, 'What the reports should do better.')
  improvements!: string;
}
