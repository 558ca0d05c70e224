import { Field, Int, ObjectType } from 'type-graphql';
import { ConnectionType, type Page } from '../graphql/connection';
import type { ChildStage } from './child-stage';
import { Child } from './child.types';
import { ChildStageEnum } from './enums';

@ObjectType({ description: 'How many children of a list are at one stage.' })
export class StageCount {
  @Field(() => ChildStageEnum, { description: 'The stage.' })
  stage!: ChildStage;

  @Field(() => Int, { description: 'How many children of the list are at it.' })
  count!: number;
}

@ObjectType('ChildConnection', { description: "A page of the children you may see, with counts per stage for a screen's tabs." })
export class ChildConnection extends ConnectionType(Child, 'Child', { extendable: true }) {
  countStages!: () => Promise<StageCount[]>;

  @Field(() => [StageCount], {
    description:
      'Every stage, with how many children of the list are at it: the list as filtered, but for its stage filters ' +
      '(one tab a stage). Counted only when selected, and costing as much as totalCount.',
  })
  countsByStage(): Promise<StageCount[]> {
    return this.countStages();
  }
}

export type ChildPage = Page<Child> & { countStages: () => Promise<StageCount[]> };
