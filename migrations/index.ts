import { Baseline1795400002800 } from './1795400002800-baseline';
import { DatedRoleAssignments1795400002900 } from './1795400002900-dated-role-assignments';
import { AccessAdminRole1795400003000 } from './1795400003000-access-admin-role';
import { AccessAdministration1795400003100 } from './1795400003100-access-administration';
import { ActingCover1795400003200 } from './1795400003200-acting-cover';
import { InterestDeclarations1795400003300 } from './1795400003300-interest-declarations';
import { StaffDirectory1795400003400 } from './1795400003400-staff-directory';
import { RestrictedRecords1795400003500 } from './1795400003500-restricted-records';
import { EmergencyAccess1795400003600 } from './1795400003600-emergency-access';
import { RestrictionLookups1795400003700 } from './1795400003700-restriction-lookups';
import { BoardPack1795400003800 } from './1795400003800-board-pack';
import { BulkImportAudit1795400003900 } from './1795400003900-bulk-import-audit';
import { IdempotentResponses1795400004000 } from './1795400004000-idempotent-responses';
import { ChildrenJourneyOrder1795400004100 } from './1795400004100-children-journey-order';
import { LeakproofEnumEquality1795400004400 } from './1795400004400-leakproof-enum-equality';
import { UnloggedRateCounts1795400004500 } from './1795400004500-unlogged-rate-counts';

/** In order. A landed migration is never edited (migrations/landed.json holds each one's hash): add a new one. */
export const MIGRATIONS = [
  Baseline1795400002800,
  DatedRoleAssignments1795400002900,
  AccessAdminRole1795400003000,
  AccessAdministration1795400003100,
  ActingCover1795400003200,
  InterestDeclarations1795400003300,
  StaffDirectory1795400003400,
  RestrictedRecords1795400003500,
  EmergencyAccess1795400003600,
  RestrictionLookups1795400003700,
  BoardPack1795400003800,
  BulkImportAudit1795400003900,
  IdempotentResponses1795400004000,
  ChildrenJourneyOrder1795400004100,
  LeakproofEnumEquality1795400004400,
  UnloggedRateCounts1795400004500,
];
