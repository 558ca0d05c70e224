import { EmergencyAccessBarRecord } from '../journey/emergency-access-bar.entity';
import { EmergencyAccessRecord } from '../journey/emergency-access.entity';
import { AuditEventRecord } from '../audit/audit-event.entity';
import { BudgetContributionRecord, BudgetYearRecord } from '../board/budget.entity';
import { IllustrativeCountRecord } from '../board/illustrative-count.entity';
import { AllocationRecord } from '../journey/allocation.entity';
import { ChildRecord } from '../journey/child.entity';
import { ChildRestrictionRecord } from '../journey/child-restriction.entity';
import { DisruptionRecord } from '../journey/disruption.entity';
import { PlacementOrderRecord } from '../journey/placement-order.entity';
import { PlacementRecord } from '../journey/placement.entity';
import { ChildDecisionRecord } from '../journey/child-decision.entity';
import { HouseholdDecisionRecord } from '../households/household-decision.entity';
import { HouseholdStageEventRecord } from '../households/household-stage-event.entity';
import { HouseholdRecord } from '../households/household.entity';
import { MatchRecord } from '../journey/match.entity';
import { AgendaItemRecord } from '../panels/agenda-item.entity';
import { PanelMeetingRecord } from '../panels/panel-meeting.entity';
import { PanelRecord } from '../panels/panel.entity';
import { ReportQualityFeedbackRecord } from '../panels/report-quality-feedback.entity';
import { InterestDeclarationRecord } from '../panels/interest-declaration.entity';
import { RoleAssignmentRecord } from '../staff/role-assignment.entity';
import { StaffDirectoryEntryRecord } from '../staff/staff-directory-entry.entity';
import { StaffRecord } from '../staff/staff.entity';
import { SupportAssessmentRecord } from '../support/support-assessment.entity';
import { SupportRequestRecord } from '../support/support-request.entity';

export const ENTITIES = [
  StaffRecord,
  StaffDirectoryEntryRecord,
  RoleAssignmentRecord,
  PanelRecord,
  PanelMeetingRecord,
  ChildRecord,
  ChildRestrictionRecord,
  EmergencyAccessRecord,
  EmergencyAccessBarRecord,
  AllocationRecord,
  ChildDecisionRecord,
  PlacementOrderRecord,
  PlacementRecord,
  DisruptionRecord,
  HouseholdRecord,
  HouseholdStageEventRecord,
  HouseholdDecisionRecord,
  MatchRecord,
  AgendaItemRecord,
  ReportQualityFeedbackRecord,
  InterestDeclarationRecord,
  SupportRequestRecord,
  SupportAssessmentRecord,
  BudgetYearRecord,
  BudgetContributionRecord,
  IllustrativeCountRecord,
  AuditEventRecord,
];
