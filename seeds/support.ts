import { AUTHORITIES, type Authority } from '../src/authz/vocabulary';
import type { AssessmentOutcome, SupportAssessmentRecord } from '../src/support/support-assessment.entity';
import type { SupportRequestRecord } from '../src/support/support-request.entity';
import { addDays, addWorkingDays, earlierOf, inRange, overlap, randomDay, type DateRange } from './calendar';
import { demoStaff } from './demo-staff';
import { fakeFamilyName } from './fake-identities';
import { ADVICE_LINE_CALLS, ADVICE_LINE_WORKING_DAYS, PERIOD, SUPPORT_ASSESSMENTS, SUPPORT_REQUESTS } from './published-figures';
import type { Random } from './random';
import { streamDates } from './streams';

/** Support cases from the authorities' teams are on record from six months before launch. */
const FIRST_REQUESTS = '2020-05';
const RATES: Record<Authority, number> = { BEXLEY: 2.2, KENT: 19, MEDWAY: 4 };
const CALL_SHARE = 0.8;
/** Outside the period, the share of calls leading to an assessment, completed 2 weeks to 3 months after the call. */
const ASSESSMENT_SHARE: Record<Authority, number> = { BEXLEY: 0.3, KENT: 0.4, MEDWAY: 0.2 };
const ASSESSMENT_DAYS = [14, 90] as const;

const SUMMARIES = [
  'Child’s behaviour at school escalating; parents asking for therapeutic support',
  'Request for help with letterbox contact with birth family',
  'Teenager asking about their life story and birth family',
  'Parents struggling with sleep and aggression; asking for respite',
  'Query about the Adoption and Special Guardianship Support Fund',
];
const OUTCOMES: readonly AssessmentOutcome[] = ['SUPPORT_PLAN', 'ASGSF_APPLICATION', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION'];

type Request = Partial<SupportRequestRecord> & {
  id: string;
  authority: Authority;
  receivedOn: string;
  adviceLineCallOn: string | null;
};

/**
 * Calls for adoption support: the published monthly counts, calls and completed assessments in the
 * period, plausible numbers around them; an advice-line call always within 5 working days.
 */
export function supportTables(random: Random, ids: Random, today: string) {
  const recordedBy = demoStaff('support.1').id;
  const requests: Request[] = AUTHORITIES.flatMap((authority) =>
    streamDates(random, { fromMonth: FIRST_REQUESTS, rate: RATES[authority], published: SUPPORT_REQUESTS[authority] }, today).map(
      (receivedOn) => ({
        id: ids.uuid(),
        authority,
        familyName: fakeFamilyName(random),
        summary: random.pick(SUMMARIES),
        receivedOn,
        adviceLineCallOn: null,
        recordedBy,
      }),
    ),
  );
  const call = (request: Request) => {
    const on = addWorkingDays(request.receivedOn, random.int(0, ADVICE_LINE_WORKING_DAYS));
    request.adviceLineCallOn = on <= today ? on : null;
  };
  const [inPeriod, outside] = partition(requests, (r) => inRange(r.receivedOn, PERIOD));
  random.shuffle(inPeriod).slice(0, ADVICE_LINE_CALLS).forEach(call);
  outside.filter(() => random.chance(CALL_SHARE)).forEach(call);

  const assessments: Partial<SupportAssessmentRecord>[] = [];
  const assess = (request: Request, range: DateRange) =>
    assessments.push({
      supportRequestId: request.id,
      authority: request.authority,
      completedOn: randomDay(random, range),
      outcome: random.pick(OUTCOMES),
      recordedBy,
    });
  for (const authority of AUTHORITIES) {
    const called = random.shuffle(requests.filter((r) => r.authority === authority && r.adviceLineCallOn));
    const [candidates, others] = partition(called, (r) => overlap(window(r, today), PERIOD) !== undefined);
    if (candidates.length < SUPPORT_ASSESSMENTS[authority]) {
      throw new Error(`too few ${authority} support calls to assess in the period`);
    }
    candidates.slice(0, SUPPORT_ASSESSMENTS[authority]).forEach((r) => assess(r, overlap(window(r, today), PERIOD)!));
    for (const request of [...candidates.slice(SUPPORT_ASSESSMENTS[authority]), ...others]) {
      const range = outsidePeriod(window(request, today));
      if (range && random.chance(ASSESSMENT_SHARE[authority])) assess(request, range);
    }
  }
  const assessed = new Set(assessments.map((a) => a.supportRequestId));
  // The API records an outcome only after the advice-line call.
  for (const request of requests) {
    if (assessed.has(request.id)) request.outcome = 'ASSESSMENT';
    else request.outcome = request.adviceLineCallOn ? random.pick(['RESOLVED', 'SIGNPOSTED'] as const) : null;
  }
  return {
    requests: requests as Partial<SupportRequestRecord>[],
    assessments: assessments.map((a) => ({ id: ids.uuid(), ...a })),
  };
}

function window(request: Request, today: string): DateRange {
  return {
    from: addDays(request.adviceLineCallOn!, ASSESSMENT_DAYS[0]),
    to: earlierOf(today, addDays(request.adviceLineCallOn!, ASSESSMENT_DAYS[1])),
  };
}

/** The part of `range` before the period, else the part after it. */
function outsidePeriod(range: DateRange): DateRange | undefined {
  return (
    overlap(range, { from: range.from, to: addDays(PERIOD.from, -1) }) ?? overlap(range, { from: addDays(PERIOD.to, 1), to: range.to })
  );
}

function partition<T>(items: T[], test: (item: T) => boolean): [T[], T[]] {
  return [items.filter(test), items.filter((item) => !test(item))];
}
