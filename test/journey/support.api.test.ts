import type { SupportRequestRecord } from '../../src/support/support-request.entity';
import { insertSupportRequest } from '../helpers/journey-factories';
import { useTestApi } from '../helpers/test-api';
import {
  expectConflictWithoutWrites,
  expectInvalidWithoutWrites,
  forbidden,
  itRefusesWithoutWrites,
  M,
  Q,
  type Refusal,
} from './journey-api';

/**
 * Adoption support (docs/domain.md, "Adoption support"): the partnership's support workers record calls for
 * support from families of any authority, and assessments. Nobody else records or reads support cases.
 */
const TODAY = '2026-11-20';
let kentRequest: SupportRequestRecord;

const api = useTestApi(async ({ dataSource }) => {
  kentRequest = await insertSupportRequest(dataSource, 'KENT');
}, `${TODAY}T12:00:00Z`);

describe('recordSupportRequest', () => {
  const input = (overrides: Record<string, unknown> = {}) => ({
    input: {
      authority: 'MEDWAY',
      familyName: 'Okoro',
      summary: 'contact with birth siblings',
      receivedOn: '2026-11-16',
      ...overrides,
    },
  });

  it('a support worker records a call for support from a Medway family, then finds it among the Medway requests', async () => {
    const { data, errors } = await api().as('support.1')(M.recordSupportRequest, input({ adviceLineCallOn: TODAY, outcome: 'SIGNPOSTED' }));
    expect(errors).toBeUndefined();
    expect(data!.recordSupportRequest).toMatchObject({
      authority: 'MEDWAY',
      familyName: 'Okoro',
      receivedOn: '2026-11-16',
      adviceLineCallOn: TODAY,
      outcome: 'SIGNPOSTED',
      assessment: null,
    });
    const list = await api().as('support.1')(`query { supportRequests(filter: { authority: MEDWAY }) { edges { node { id } } } }`);
    expect(list.data!.supportRequests.edges.map((e: { node: { id: string } }) => e.node.id)).toContain(data!.recordSupportRequest.id);
  });

  it('a request received after today is BAD_USER_INPUT naming receivedOn, nothing written', () =>
    expectInvalidWithoutWrites(api(), 'support.1', M.recordSupportRequest, input({ receivedOn: '2026-11-21' }), 'receivedOn'));

  const refusals: Refusal[] = [
    forbidden('a Medway PPM lead cannot record a support request, even from a Medway family', 'ppm.medway', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a Medway ADM cannot record a support request', 'adm.medway', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the partnership ADM cannot record a support request', 'adm.raa', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a family finder cannot record a support request', 'finder.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('a panel chair cannot record a support request', 'panel.1', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the Medway board director cannot record a support request', 'board.medway', 'ROLE_MAY_NOT_CREATE'),
    forbidden('the auditor cannot record a support request', 'auditor.1', 'ROLE_MAY_NOT_CREATE'),
  ];
  itRefusesWithoutWrites(api, refusals, M.recordSupportRequest, () => input());
});

describe('recordSupportAssessment', () => {
  const assess = (request: SupportRequestRecord, overrides: Record<string, unknown> = {}) => ({
    input: {
      supportRequestId: request.id,
      completedOn: '2026-11-18',
      outcome: 'ASGSF_APPLICATION',
      notes: 'therapy',
      ...overrides,
    },
  });

  it('a support worker records an assessment: the request’s outcome becomes ASSESSMENT and the assessment is on it', async () => {
    const request = await insertSupportRequest(api().dataSource, 'BEXLEY');
    const { data, errors } = await api().as('support.1')(M.recordSupportAssessment, assess(request));
    expect(errors).toBeUndefined();
    expect(data!.recordSupportAssessment).toMatchObject({
      supportRequestId: request.id,
      completedOn: '2026-11-18',
      outcome: 'ASGSF_APPLICATION',
    });
    const read = await api().as('support.1')(Q.supportRequest, { id: request.id });
    expect(read.data!.supportRequest).toMatchObject({
      outcome: 'ASSESSMENT',
      assessment: { completedOn: '2026-11-18', outcome: 'ASGSF_APPLICATION', notes: 'therapy' },
    });
  });

  it('an assessment completed after today is BAD_USER_INPUT naming completedOn, nothing written', () =>
    expectInvalidWithoutWrites(
      api(),
      'support.1',
      M.recordSupportAssessment,
      assess(kentRequest, { completedOn: '2026-11-21' }),
      'completedOn',
    ));

  it('a request has one assessment: a second is CONFLICT, nothing written', async () => {
    const request = await insertSupportRequest(api().dataSource, 'MEDWAY');
    expect((await api().as('support.1')(M.recordSupportAssessment, assess(request))).errors).toBeUndefined();
    await expectConflictWithoutWrites(
      api(),
      'support.1',
      M.recordSupportAssessment,
      assess(request, { outcome: 'SUPPORT_PLAN' }),
      'ALREADY_RECORDED',
    );
  });

  const refusals: Refusal[] = [
    forbidden(
      'a Kent PPM lead cannot assess a Kent family’s request: support cases are the support team’s',
      'ppm.kent',
      'ROLE_MAY_NOT_READ',
    ),
    forbidden('a Kent ADM cannot assess a support request', 'adm.kent', 'ROLE_MAY_NOT_READ'),
    forbidden('the partnership ADM cannot assess a support request', 'adm.raa', 'ROLE_MAY_NOT_READ'),
    forbidden('a family finder cannot assess a support request', 'finder.1', 'ROLE_MAY_NOT_READ'),
    forbidden('a panel chair cannot assess a support request', 'panel.1', 'ROLE_MAY_NOT_READ'),
    forbidden('the Kent board director cannot assess a support request', 'board.kent', 'ROLE_MAY_NOT_READ'),
    forbidden('the auditor cannot assess a support request', 'auditor.1', 'ROLE_MAY_NOT_READ'),
  ];
  itRefusesWithoutWrites(api, refusals, M.recordSupportAssessment, () => assess(kentRequest));
});
