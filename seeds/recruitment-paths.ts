import type { HouseholdStage } from '../src/households/household-stage';
import { addDays, daysBetween, earlierOf, firstDayOf, inRange, lastDayOf, laterOf, monthOf } from './calendar';
import { RECRUITMENT_PERIOD } from './published-figures';
import type { Random } from './random';

/** The dates an application enters each stage: ENQUIRY … PANEL; on the fast track ENQUIRY, STAGE_2, PANEL. */
export type Path = [HouseholdStage, string][];

export const FAST_TRACK_SHARE = 0.08;

/** Previous adopters and foster carers start at Stage 2 on the day of their enquiry, as the API records them. */
const fastTrackPath = (enquiryOn: string, panelOn: string): Path => [
  ['ENQUIRY', enquiryOn],
  ['STAGE_2', enquiryOn],
  ['PANEL', panelOn],
];

/** A regular application's stages from its enquiry, or a fast-track one's. */
export function pathFrom(random: Random, enquiryOn: string, fastTrack: boolean): Path {
  if (fastTrack) return fastTrackPath(enquiryOn, addDays(enquiryOn, random.int(120, 160)));
  const monthEnd = lastDayOf(monthOf(enquiryOn));
  const information = earlierOf(monthEnd, addDays(enquiryOn, random.int(0, 3)));
  // The initial visit falls in the month of the enquiry: the published visits are counted by month.
  const visit = earlierOf(monthEnd, addDays(information, random.int(1, 5)));
  const registration = addDays(visit, random.int(21, 60));
  const stage1 = addDays(registration, random.int(0, 14));
  const stage2 = addDays(stage1, random.int(60, 90));
  return [
    ['ENQUIRY', enquiryOn],
    ['INFORMATION_EVENT', information],
    ['INITIAL_VISIT', visit],
    ['REGISTRATION', registration],
    ['STAGE_1', stage1],
    ['STAGE_2', stage2],
    ['PANEL', addDays(stage2, random.int(120, 160))],
  ];
}

/**
 * The stages before a panel on `panelOn`. Fast track only when its start stays outside the published
 * recruitment months; otherwise a family whose first steps would fall in them took a break between
 * Stage 1 and Stage 2 (up to six months allowed), as the published months' enquiries are all accounted for.
 */
export function pathBackTo(random: Random, panelOn: string): Path {
  const stage2 = addDays(panelOn, -random.int(120, 160));
  if (random.chance(FAST_TRACK_SHARE) && !inRange(stage2, RECRUITMENT_PERIOD)) return fastTrackPath(stage2, panelOn);
  let stage1 = addDays(stage2, -random.int(60, 90));
  let visit = addDays(stage1, -random.int(21, 74));
  if (inRange(visit, RECRUITMENT_PERIOD)) {
    const breakDays = daysBetween(RECRUITMENT_PERIOD.from, visit) + random.int(1, 30);
    [stage1, visit] = [addDays(stage1, -breakDays), addDays(visit, -breakDays)];
  }
  const registration = earlierOf(stage1, addDays(visit, random.int(21, 60)));
  const monthStart = firstDayOf(monthOf(visit));
  const information = laterOf(monthStart, addDays(visit, -random.int(1, 5)));
  const enquiryOn = laterOf(monthStart, addDays(information, -random.int(0, 3)));
  return [
    ['ENQUIRY', enquiryOn],
    ['INFORMATION_EVENT', information],
    ['INITIAL_VISIT', visit],
    ['REGISTRATION', registration],
    ['STAGE_1', stage1],
    ['STAGE_2', stage2],
    ['PANEL', panelOn],
  ];
}
