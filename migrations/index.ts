import { StaffAndRoles1795400000000 } from './1795400000000-staff-and-roles';
import { Children1795400000100 } from './1795400000100-children';
import { Panels1795400000200 } from './1795400000200-panels';
import { Households1795400000300 } from './1795400000300-households';
import { ChildJourney1795400000400 } from './1795400000400-child-journey';
import { Agenda1795400000500 } from './1795400000500-agenda';
import { Support1795400000600 } from './1795400000600-support';
import { PooledBudget1795400000700 } from './1795400000700-pooled-budget';
import { AuditEvents1795400000800 } from './1795400000800-audit-events';
import { RateLimits1795400000900 } from './1795400000900-rate-limits';
import { RowLevelSecurity1795400001000 } from './1795400001000-row-level-security';
import { RateLimitPerBackend1795400001100 } from './1795400001100-rate-limit-per-backend';
import { HouseholdProposedFor1795400001200 } from './1795400001200-household-proposed-for';
import { AuditAppendInOnePass1795400001300 } from './1795400001300-audit-append-in-one-pass';
import { AgendaItemsChildIndex1795400001400 } from './1795400001400-agenda-items-child-index';
import { BoardWaitingInOnePass1795400001500 } from './1795400001500-board-waiting-in-one-pass';
import { AllocationsChildIndex1795400001600 } from './1795400001600-allocations-child-index';
import { BoardWaitingGrouped1795400001700 } from './1795400001700-board-waiting-grouped';
import { ChildrenAdoptionOrderIndex1795400001800 } from './1795400001800-children-adoption-order-index';
import { AccessLogReadsGrouped1795400001900 } from './1795400001900-access-log-reads-grouped';
import { AccessLogMinimised1795400002000 } from './1795400002000-access-log-minimised';
import { AccessLogContext1795400002100 } from './1795400002100-access-log-context';
import { AccessLogCheckpoints1795400002200 } from './1795400002200-access-log-checkpoints';
import { AgendaOneOpenItemPerMatch1795400002300 } from './1795400002300-agenda-one-open-item-per-match';
import { PlacementTemporaryFosterCarerApproval1795400002400 } from './1795400002400-placement-temporary-foster-carer-approval';
import { HouseholdProposedForLive1795400002500 } from './1795400002500-household-proposed-for-live';
import { RateLimitAddresses1795400002600 } from './1795400002600-rate-limit-addresses';
import { BoardDisclosureControl1795400002700 } from './1795400002700-board-disclosure-control';

/** In order. A landed migration is never edited: add a new one. */
export const MIGRATIONS = [
  StaffAndRoles1795400000000,
  Children1795400000100,
  Panels1795400000200,
  Households1795400000300,
  ChildJourney1795400000400,
  Agenda1795400000500,
  Support1795400000600,
  PooledBudget1795400000700,
  AuditEvents1795400000800,
  RateLimits1795400000900,
  RowLevelSecurity1795400001000,
  RateLimitPerBackend1795400001100,
  HouseholdProposedFor1795400001200,
  AuditAppendInOnePass1795400001300,
  AgendaItemsChildIndex1795400001400,
  BoardWaitingInOnePass1795400001500,
  AllocationsChildIndex1795400001600,
  BoardWaitingGrouped1795400001700,
  ChildrenAdoptionOrderIndex1795400001800,
  AccessLogReadsGrouped1795400001900,
  AccessLogMinimised1795400002000,
  AccessLogContext1795400002100,
  AccessLogCheckpoints1795400002200,
  AgendaOneOpenItemPerMatch1795400002300,
  PlacementTemporaryFosterCarerApproval1795400002400,
  HouseholdProposedForLive1795400002500,
  RateLimitAddresses1795400002600,
  BoardDisclosureControl1795400002700,
];
