import { assertCan, assertMayEver } from '../access/refusals';
import { accessibleQuery, findForAction, findReadable } from '../access/scoped-reads';
import { updateVersioned } from '../db/versioned-update';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import { badUserInput, conflict } from '../graphql/errors';
import { assertRecordedDate, optionalText, parseId, requireText } from '../graphql/input-rules';
import { SupportAssessmentRecord } from './support-assessment.entity';
import { SupportRequestRecord } from './support-request.entity';
import type {
  RecordAdviceLineCallInput,
  RecordSupportAssessmentInput,
  RecordSupportRequestInput,
  SupportRequestsArgs,
} from './support.types';

const ALIAS = 'request';

/** Adoption support: calls from families, the advice-line call that follows, and assessments. */
export class SupportService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: SupportRequestsArgs): Promise<Page<SupportRequestRecord>> {
    assertMayEver(this.ctx.ability, 'read', 'SupportRequest');
    const query = this.readable();
    if (args.filter?.authority) query.andWhere(`${ALIAS}.authority = :authority`, { authority: args.filter.authority });
    return paginate(query, args, (record) => record);
  }

  get(id: string): Promise<SupportRequestRecord> {
    return findReadable(this.ctx.db.manager, this.ctx.ability, 'SupportRequest', SupportRequestRecord, parseId('id', id));
  }

  recordRequest(input: RecordSupportRequestInput): Promise<SupportRequestRecord> {
    const request = Object.assign(new SupportRequestRecord(), { authority: input.authority });
    assertCan(this.ctx.ability, 'create', request);
    assertRecordedDate('receivedOn', input.receivedOn, this.ctx.today);
    if (input.adviceLineCallOn) {
      assertRecordedDate('adviceLineCallOn', input.adviceLineCallOn, this.ctx.today, input.receivedOn, 'the advice-line call follows the request');
    }
    if (input.outcome && !input.adviceLineCallOn) throw badUserInput('outcome', 'an outcome follows the advice-line call');
    Object.assign(request, {
      familyName: requireText('familyName', input.familyName),
      summary: requireText('summary', input.summary),
      receivedOn: input.receivedOn,
      adviceLineCallOn: input.adviceLineCallOn ?? null,
      outcome: input.outcome ?? null,
      recordedBy: this.ctx.actor.staffId,
    });
    return this.ctx.db.unit((manager) => manager.save(request));
  }

  /** The advice-line call that follows a request (once), and what came of it. */
  recordAdviceLineCall(input: RecordAdviceLineCallInput): Promise<SupportRequestRecord> {
    return this.ctx.db.unit(async (manager) => {
      const request = await findForAction('update', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'SupportRequest',
        entity: SupportRequestRecord,
        id: parseId('supportRequestId', input.supportRequestId),
        version: input.version,
      });
      if (request.adviceLineCallOn) throw conflict('The advice-line call is already recorded');
      assertRecordedDate('calledOn', input.calledOn, this.ctx.today, request.receivedOn, 'the advice-line call follows the request');
      return updateVersioned(manager, SupportRequestRecord, request, {
        adviceLineCallOn: input.calledOn,
        outcome: input.outcome ?? request.outcome,
      });
    });
  }

  /** An adoption support assessment, one a request; the request's outcome becomes ASSESSMENT. */
  recordAssessment(input: RecordSupportAssessmentInput): Promise<SupportAssessmentRecord> {
    return this.ctx.db.unit(async (manager) => {
      const request = await findForAction('read', {
        manager,
        ability: this.ctx.ability,
        subjectType: 'SupportRequest',
        entity: SupportRequestRecord,
        id: parseId('supportRequestId', input.supportRequestId),
      });
      const assessment = Object.assign(new SupportAssessmentRecord(), { supportRequestId: request.id, authority: request.authority });
      assertCan(this.ctx.ability, 'create', assessment);
      assertRecordedDate('completedOn', input.completedOn, this.ctx.today, request.receivedOn, 'an assessment follows the request');
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

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'SupportRequest', SupportRequestRecord, ALIAS);
  }
}
