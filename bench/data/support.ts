import { demoStaff } from '../../seeds/demo-staff';
import { fakeFamilyName } from '../../seeds/fake-identities';
import type { Random } from '../../seeds/random';
import type { Authority } from '../../src/authz/vocabulary';
import type { TableWriter } from './bulk-loader';
import { addDays, byAsOf, HISTORY_DAYS, historyDay, instantOn } from './timeline';

const SUMMARIES = [
  'Child’s behaviour at school escalating; parents asking for therapeutic support.',
  'Contact with birth siblings has broken down; family asks for mediation.',
  'Teenager exploring identity and origins; life-story work requested.',
  'Parents struggling with violence from their child; asking for respite.',
];

/** Calls for adoption support spread over the history, some assessed. */
export async function writeSupport(
  random: Random,
  ids: Random,
  count: number,
  requests: TableWriter,
  assessments: TableWriter,
): Promise<void> {
  const worker = demoStaff('support.1').id;
  for (let i = 0; i < count; i += 1) {
    const u = random.next();
    const authority: Authority = u < 0.5 ? 'KENT' : u < 0.8 ? 'MEDWAY' : 'BEXLEY';
    const receivedOn = historyDay(Math.floor((i * HISTORY_DAYS) / count));
    const calledOn = byAsOf(addDays(receivedOn, random.int(0, 7)));
    const outcome = calledOn ? random.pick(['RESOLVED', 'SIGNPOSTED', 'ASSESSMENT'] as const) : null;
    const id = ids.uuid();
    const createdAt = instantOn(random, receivedOn);
    await requests.add(
      id,
      authority,
      fakeFamilyName(random),
      random.pick(SUMMARIES),
      receivedOn,
      calledOn,
      outcome,
      worker,
      createdAt,
      calledOn ? instantOn(random, calledOn) : createdAt,
    );
    const completedOn = outcome === 'ASSESSMENT' && calledOn ? byAsOf(addDays(calledOn, random.int(10, 60))) : null;
    if (completedOn) {
      const result = random.pick(['SUPPORT_PLAN', 'ASGSF_APPLICATION', 'NO_FURTHER_ACTION'] as const);
      await assessments.add(ids.uuid(), id, authority, completedOn, result, null, worker, instantOn(random, completedOn));
    }
  }
}
