import { SupportAssessmentRecord } from '../../src/support/support-assessment.entity';
import { demoStaff } from '../../seeds/demo-staff';
import {
  insertAgendaItem,
  insertChildAt,
  insertHousehold,
  insertPanelMeeting,
  insertSupportRequest,
  type FixtureStage,
} from '../helpers/journey-factories';
import { countStatements } from '../helpers/statement-counter';
import { useTestApi } from '../helpers/test-api';

/**
 * `viewerCan` on a page costs a constant number of statements: the record's own load, then one statement per read the
 * steps' rules make, for the whole page (src/access/rule-reads.ts), whatever the page's size and its records' states.
 */
const STAGES: FixtureStage[] = [
  'CONSIDERING_ADOPTION',
  'SHOULD_BE_PLACED',
  'AUTHORITY_TO_PLACE',
  'LINKED',
  'MATCH_RECOMMENDED',
  'MATCHED',
  'PLACED',
];
const HOUSEHOLD_STAGES = ['STAGE_1', 'PANEL', 'APPROVED', 'WITHDRAWN'] as const;

const api = useTestApi(async ({ dataSource }) => {
  const meeting = await insertPanelMeeting(dataSource, { panel: 1, meetingOn: '2026-11-18' });
  for (let i = 0; i < 42; i += 1) {
    const { match } = await insertChildAt(dataSource, 'KENT', STAGES[i % STAGES.length]!, {
      earlyPermanence: i % 5 === 0 ? true : undefined,
    });
    const household = await insertHousehold(dataSource, { stage: HOUSEHOLD_STAGES[i % HOUSEHOLD_STAGES.length] });
    if (household.stage === 'PANEL') await insertAgendaItem(dataSource, { meeting, household, recommendation: 'POSITIVE' });
    else if (match && i % 2 === 0) await insertAgendaItem(dataSource, { meeting, match });
    const request = await insertSupportRequest(dataSource, 'KENT', { adviceLineCallOn: i % 2 ? null : '2026-10-05' });
    if (i % 3 === 0) {
      await dataSource.getRepository(SupportAssessmentRecord).insert({
        supportRequestId: request.id,
        authority: 'KENT',
        completedOn: '2026-10-20',
        outcome: 'SUPPORT_PLAN',
        recordedBy: demoStaff('support.1').id,
      });
    }
  }
});

const CHILD_CONTROLS = `update decideAdoptionPlan allocateFamilyFinder recordPlacementOrder recordEarlyPermanencePlacement proposeMatch
  recordPlacement recordAdoptionOrder recordPlanChange recordDisruption restrict`;

async function statementsFor(username: string, list: string, controls: string, first: number): Promise<number> {
  const query = `query ($first: Int) { ${list}(first: $first) { edges { node { id viewerCan { ${controls} } } } } }`;
  const { total } = await countStatements(api().dataSource, async () => {
    const { data, errors } = await api().as(username)(query, { first });
    expect(errors).toBeUndefined();
    expect(data![list].edges).toHaveLength(first);
  });
  return total;
}

it.each([
  ['children, as the PPM lead (the policy passes most controls, so the rules run)', 'ppm.kent', 'children', CHILD_CONTROLS],
  ['children, as the ADM', 'adm.kent', 'children', CHILD_CONTROLS],
  ['matches, as the ADM', 'adm.kent', 'matches', 'decide'],
  ['households, as a family finder', 'finder.1', 'households', 'advanceStage withdraw decideApproval'],
  ['households, as the partnership ADM', 'adm.raa', 'households', 'advanceStage withdraw decideApproval'],
  ['support requests, as a support worker', 'support.1', 'supportRequests', 'recordAdviceLineCall recordAssessment'],
])('a page of 20 %s costs what a page of 2 does', async (_case, username, list, controls) => {
  expect(await statementsFor(username, list, controls, 20)).toBe(await statementsFor(username, list, controls, 2));
});

it('a page of children costs one statement for the children’s records and one per read of the journey, whatever its size', async () => {
  // set-up; the list; the access-log append with the commit — then the children's records (the read policy's SQL)
  // and the four reads of the journey the rules make: the live plan, authority to place, the live placement, the open match
  const listAlone = 1 + 1 + 1;
  expect(await statementsFor('ppm.kent', 'children', CHILD_CONTROLS, 40)).toBe(listAlone + 1 + 4);
});
