import type { AppAbility } from '../authz/ability';
import { guardFields, assertFilterable } from '../authz/field-guard';
import { assertCan, assertMayEver } from '../authz/refusals';
import { accessibleQuery } from '../authz/scoped-reads';
import { ukDate } from '../clock';
import type { ServiceContext } from '../graphql/context';
import { paginate, type Page } from '../graphql/connection';
import { notFound } from '../graphql/errors';
import {
  assertNhsNumber,
  assertNotFuture,
  assertOnOrAfter,
  optionalText,
  parseId,
  requireText,
} from '../graphql/input-rules';
import { ChildRecord } from './child.entity';
import type { CreateChildInput } from './child.inputs';
import type { Child, ChildrenArgs } from './child.types';
import { toChildView } from './child.view';

const ALIAS = 'child';

/** Use cases of the child record. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  private readonly today: string;
  private readonly ability: AppAbility;

  constructor(private readonly ctx: ServiceContext) {
    this.today = ukDate(ctx.now);
    this.ability = ctx.ability;
  }

  async list(args: ChildrenArgs): Promise<Page<Child>> {
    assertMayEver(this.ability, 'read', 'Child');
    const filter = args.filter ?? {};
    assertFilterable(this.ability, 'Child', Object.keys(filter).filter((f) => f !== 'allocatedToMe'));
    const query = this.readable();
    if (filter.authority) query.andWhere(`${ALIAS}.authority = :authority`, { authority: filter.authority });
    if (filter.stage) query.andWhere(`${ALIAS}.stage = :stage`, { stage: filter.stage });
    if (filter.allocatedToMe) {
      const ids = this.ctx.facts.allocatedChildIds;
      query.andWhere(ids.length ? `${ALIAS}.id IN (:...allocatedIds)` : 'FALSE', { allocatedIds: ids });
    }
    return paginate(query, args, (record) => this.present(record));
  }

  async get(id: string): Promise<Child> {
    assertMayEver(this.ability, 'read', 'Child');
    const record = await this.readable().andWhere(`${ALIAS}.id = :id`, { id: parseId('id', id) }).getOne();
    if (!record) throw notFound('Child');
    return this.present(record);
  }

  async create(input: CreateChildInput): Promise<Child> {
    const proposed = Object.assign(new ChildRecord(), { authority: input.authority });
    assertCan(this.ability, 'create', proposed);
    const record = Object.assign(proposed, this.validNewChild(input), { createdBy: this.ctx.actor.staffId });
    return this.ctx.db.unit(async (manager) => {
      const saved = await manager.save(record);
      assertCan(this.ability, 'create', saved);
      return this.present(saved);
    });
  }

  private validNewChild(input: CreateChildInput): Partial<ChildRecord> {
    assertNotFuture('dateOfBirth', input.dateOfBirth, this.today);
    assertNotFuture('enteredCareOn', input.enteredCareOn, this.today);
    assertOnOrAfter('enteredCareOn', input.enteredCareOn, input.dateOfBirth, 'a child enters care on or after birth');
    if (input.nhsNumber) assertNhsNumber('nhsNumber', input.nhsNumber);
    return {
      firstName: requireText('firstName', input.firstName),
      lastName: requireText('lastName', input.lastName),
      dateOfBirth: input.dateOfBirth,
      enteredCareOn: input.enteredCareOn,
      nhsNumber: input.nhsNumber ? input.nhsNumber.replace(/\s/g, '') : null,
      sex: optionalText(input.sex),
      ethnicity: optionalText(input.ethnicity),
      religion: optionalText(input.religion),
      disability: optionalText(input.disability),
      healthNeeds: optionalText(input.healthNeeds),
      birthFamilyBackground: optionalText(input.birthFamilyBackground),
    };
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ability, 'read', 'Child', ChildRecord, ALIAS);
  }

  private present(record: ChildRecord): Child {
    return guardFields(this.ability, 'Child', record, toChildView(record, this.today));
  }
}
