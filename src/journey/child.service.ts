import { assertFilterable } from '../access/field-guard';
import { assertCan, assertMayEver } from '../access/refusals';
import { accessibleQuery, findReadable } from '../access/scoped-reads';
import type { ServiceContext } from '../access/service-context';
import { paginate, type Page } from '../graphql/connection';
import {
  assertNhsNumber,
  assertNotFuture,
  assertOnOrAfter,
  optionalText,
  parseId,
  requireText,
} from '../graphql/input-rules';
import { changeChild } from './child-change';
import { ChildRecord } from './child.entity';
import type { CreateChildInput, UpdateChildInput } from './child.inputs';
import type { Child, ChildrenArgs } from './child.types';
import { presentChild } from './child.view';
import { RULES } from './legal-order';

const ALIAS = 'child';
const DETAIL_FIELDS = ['sex', 'ethnicity', 'religion', 'disability', 'healthNeeds', 'birthFamilyBackground'] as const;

/** Use cases of the child record itself. Who may do what is asked of src/authz, never decided here. */
export class ChildService {
  constructor(private readonly ctx: ServiceContext) {}

  async list(args: ChildrenArgs): Promise<Page<Child>> {
    assertMayEver(this.ctx.ability, 'read', 'Child');
    const filter = args.filter ?? {};
    assertFilterable(this.ctx.ability, 'Child', Object.keys(filter).filter((f) => f !== 'allocatedToMe'));
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
    return this.present(await findReadable(this.ctx.db.manager, this.ctx.ability, 'Child', ChildRecord, parseId('id', id)));
  }

  async create(input: CreateChildInput): Promise<Child> {
    const proposed = Object.assign(new ChildRecord(), { authority: input.authority });
    assertCan(this.ctx.ability, 'create', proposed);
    this.assertDates(input.dateOfBirth, input.enteredCareOn);
    const record = Object.assign(proposed, {
      firstName: requireText('firstName', input.firstName),
      lastName: requireText('lastName', input.lastName),
      dateOfBirth: input.dateOfBirth,
      enteredCareOn: input.enteredCareOn,
      nhsNumber: this.nhsNumber(input.nhsNumber),
      ...this.details(input),
      createdBy: this.ctx.actor.staffId,
    });
    return this.ctx.db.unit(async (manager) => {
      const saved = await manager.save(record);
      assertCan(this.ctx.ability, 'create', saved);
      return this.present(saved);
    });
  }

  /** Corrects the child's details; only the fields given change. */
  update(input: UpdateChildInput): Promise<Child> {
    return changeChild(this.ctx, 'update', input, async (child) => {
      const dateOfBirth = input.dateOfBirth ?? child.dateOfBirth;
      this.assertDates(dateOfBirth, child.enteredCareOn);
      const changes: Partial<ChildRecord> = { dateOfBirth };
      if (input.firstName != null) changes.firstName = requireText('firstName', input.firstName);
      if (input.lastName != null) changes.lastName = requireText('lastName', input.lastName);
      if (input.nhsNumber !== undefined) changes.nhsNumber = this.nhsNumber(input.nhsNumber);
      for (const field of DETAIL_FIELDS) {
        if (input[field] !== undefined) changes[field] = optionalText(input[field]);
      }
      return changes;
    });
  }

  private assertDates(dateOfBirth: string, enteredCareOn: string): void {
    assertNotFuture('dateOfBirth', dateOfBirth, this.ctx.today);
    assertNotFuture('enteredCareOn', enteredCareOn, this.ctx.today);
    assertOnOrAfter('enteredCareOn', enteredCareOn, dateOfBirth, RULES.enteredCareAfterBirth);
  }

  private nhsNumber(value: string | null | undefined): string | null {
    if (!value) return null;
    assertNhsNumber('nhsNumber', value);
    return value.replace(/\s/g, '');
  }

  private details(input: Pick<CreateChildInput, (typeof DETAIL_FIELDS)[number]>): Partial<ChildRecord> {
    return Object.fromEntries(DETAIL_FIELDS.map((f) => [f, optionalText(input[f])]));
  }

  private readable() {
    return accessibleQuery(this.ctx.db.manager, this.ctx.ability, 'read', 'Child', ChildRecord, ALIAS);
  }

  private present(record: ChildRecord): Child {
    return presentChild(this.ctx.ability, this.ctx.today, record);
  }
}
