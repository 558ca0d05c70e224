import { actOnOne, createOne, readList, readOne, type GuardedSubject } from '../access/guarded';
import { ListFilters } from '../access/list-filters';
import { assertCan } from '../access/refusals';
import { findForAction } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { unitReader, type RuleRead, type RuleReader } from '../access/rule-reads';
import { MUTATION_ACCESS } from '../authz/mutation-access';
import type { Authority } from '../authz/vocabulary';
import { In } from 'typeorm';
import { updateVersioned } from '../db/versioned-update';
import type { Page } from '../graphql/connection';
import { badUserInput, conflict } from '../graphql/errors';
import { assertNotFuture, assertOnOrAfter, checkInput, optionalText, parseId, requireText } from '../graphql/input-rules';
import { SupportAssessmentRecord } from './support-assessment.entity';
import { SupportRequestRecord } from './support-request.entity';
import {
  SUPPORT_REQUEST_ORDER_FIELDS,
  type RecordAdviceLineCallInput,
  type RecordSupportAssessmentInput,
  type RecordSupportRequestInput,
  type SupportRequestsArgs,
} from './support.types';

const ALIAS = 'request';

/** A support request leaves as it is: its personal fields are logged when read (sensitive-reads.ts), not classified. */
export const SUPPORT_REQUEST: GuardedSubject<SupportRequestRecord, SupportRequestRecord> = {
  subjectType: 'SupportRequest',
  entity: SupportRequestRecord,
  alias: ALIAS,
  present: (_ctx, record) => record,
};

/**
 * The rule for recording the advice-line call: it is not recorded yet. The step runs it, and so does
 * `viewerCan.recordAdviceLineCall`.
 */
export function adviceLineCallDue(request: SupportRequestRecord): void {
  if (request.adviceLineCallOn) throw conflict('ALREADY_RECORDED', 'The advice-line call is already recorded');
}

/** Per request: whether its assessment is recorded. */
const ASSESSED: RuleRead<true> = {
  name: 'support:assessed',
  read: async (manager, ids) => {
    const assessments = await manager.findBy(SupportAssessmentRecord, { supportRequestId: In([...ids]) });
    return new Map(assessments.map((assessment) => [assessment.supportRequestId, true]));
  },
};

/** The rule for an assessment: one a request. The step runs it, and so does `viewerCan.recordAssessment`. */
export async function assessmentDue(reader: RuleReader, request: SupportRequestRecord): Promise<void> {
  if (await reader.get(ASSESSED, request.id)) throw conflict('ALREADY_RECORDED', 'The assessment of this request is already recorded');
}

/** The assessment a request would have, as the policy's `create` rule tests it. */
export const proposedAssessment = (request: SupportRequestRecord): SupportAssessmentRecord =>
  Object.assign(new SupportAssessmentRecord(), { supportRequestId: request.id, authority: request.authority });

/** A call for support as the step proposes it to the policy: from a family of `authority` (and `viewerCanCreate`). */
export const proposedSupportRequest = (authority: Authority): SupportRequestRecord =>
  Object.assign(new SupportRequestRecord(), { authority });

/** Adoption support: calls from families, the advice-line call that follows, and assessments. */
export class SupportService {
  constructor(private readonly ctx: ServiceContext) {}

  list(args: SupportRequestsArgs): Promise<Page<SupportRequestRecord>> {
    const filter = args.filter ?? {};
    return readList(
      this.ctx,
      SUPPORT_REQUEST,
      args,
      (query) => {
        const filters = new ListFilters(this.ctx.ability, 'SupportRequest', query)
          .equals('authority', filter.authority)
          .oneOf('outcome', filter.outcomes)
          .between('receivedOn', 'filter.received', filter.receivedFrom, filter.receivedTo);
        if (filter.awaitingCall != null) {
          filters.where('adviceLineCallOn', (calledOn) => `${calledOn} IS ${filter.awaitingCall ? '' : 'NOT '}NULL`);
        }
      },
      { fields: SUPPORT_REQUEST_ORDER_FIELDS, keys: args.orderBy },
    );
  }

  get(id: string): Promise<SupportRequestRecord> {
    return readOne(this.ctx, SUPPORT_REQUEST, id);
  }

  recordRequest(input: RecordSupportRequestInput): Promise<SupportRequestRecord> {
    const request = proposedSupportRequest(input.authority);
    return createOne(this.ctx, SUPPORT_REQUEST, request, (manager) => {
      const { receivedOn, adviceLineCallOn } = input;
      const [familyName, summary] = checkInput(
        input,
        () => requireText('familyName', input.familyName),
        () => requireText('summary', input.summary),
        () => assertNotFuture('receivedOn', receivedOn, this.ctx.today),
        () => {
          if (!adviceLineCallOn) return;
          assertNotFuture('adviceLineCallOn', adviceLineCallOn, this.ctx.today);
          assertOnOrAfter('adviceLineCallOn', adviceLineCallOn, receivedOn, 'the advice-line call follows the request');
        },
        () => {
          if (input.outcome && !adviceLineCallOn) throw badUserInput('outcome', 'an outcome follows the advice-line call');
        },
      );
      Object.assign(request, {
        familyName,
        summary,
        receivedOn: input.receivedOn,
        adviceLineCallOn: input.adviceLineCallOn ?? null,
        outcome: input.outcome ?? null,
        recordedBy: this.ctx.actor.staffId,
      });
      return manager.save(request);
    });
  }

  /** The advice-line call that follows a request (once), and what came of it. */
  recordAdviceLineCall(input: RecordAdviceLineCallInput): Promise<SupportRequestRecord> {
    const target = { id: input.supportRequestId, idField: 'supportRequestId', version: input.version };
    return actOnOne(this.ctx, MUTATION_ACCESS.recordAdviceLineCall.action, SUPPORT_REQUEST, target, (request, manager) => {
      checkInput(input, () => assertNotFuture('calledOn', input.calledOn, this.ctx.today));
      adviceLineCallDue(request);
      assertOnOrAfter('calledOn', input.calledOn, request.receivedOn, 'the advice-line call follows the request');
      return updateVersioned(manager, SupportRequestRecord, request, {
        adviceLineCallOn: input.calledOn,
        outcome: input.outcome ?? request.outcome,
      });
    });
  }

  /** An adoption support assessment, one a request; the request's outcome becomes ASSESSMENT. */
  recordAssessment(input: RecordSupportAssessmentInput): Promise<SupportAssessmentRecord> {
    return this.ctx.db.unit(async (manager) => {
      // The assessment reads its request (and sets its outcome); the assessment's own create rule decides the step.
      const request = await findForAction('read', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'SupportRequest',
        entity: SupportRequestRecord,
        id: parseId('supportRequestId', input.supportRequestId),
      });
      const assessment = proposedAssessment(request);
      assertCan(this.ctx.ability, MUTATION_ACCESS.recordSupportAssessment.action, assessment);
      checkInput(input, () => assertNotFuture('completedOn', input.completedOn, this.ctx.today));
      await assessmentDue(unitReader(manager), request);
      assertOnOrAfter('completedOn', input.completedOn, request.receivedOn, 'an assessment follows the request');
      Object.assign(assessment, {
        completedOn: input.completedOn,
        outcome: input.outcome,
        notes: optionalText(input.notes),
        recordedBy: this.ctx.actor.staffId,
      });
      const saved = await manager.save(assessment);
      if (request.outcome !== 'ASSESSMENT') await updateVersioned(manager, SupportRequestRecord, request, { outcome: 'ASSESSMENT' });
      return saved;
    });
  }
}
