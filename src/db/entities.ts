import { AuditEventRecord } from '../audit/audit-event.entity';
import { BudgetContributionRecord, BudgetYearRecord } from '../board/budget.entity';
import { AllocationRecord } from '../children/allocation.entity';
import { ChildRecord } from '../children/child.entity';
import { DisruptionRecord } from '../children/disruption.entity';
import { PlacementOrderRecord } from '../children/placement-order.entity';
import { PlacementRecord } from '../children/placement.entity';
import { ChildDecisionRecord } from '../decisions/child-decision.entity';
import { HouseholdDecisionRecord } from '../decisions/household-decision.entity';
import { HouseholdStageEventRecord } from '../households/household-stage-event.entity';
import { HouseholdRecord } from '../households/household.entity';
import { MatchRecord } from '../matching/match.entity';
import { AgendaItemRecord } from '../panels/agenda-item.entity';
import { PanelMeetingRecord } from '../panels/panel-meeting.entity';
import { PanelRecord } from '../panels/panel.entity';
import { ReportQualityFeedbackRecord } from '../panels/report-quality-feedback.entity';
import { RoleAssignmentRecord } from '../staff/role-assignment.entity';
import { StaffRecord } from '../staff/staff.entity';
import { SupportAssessmentRecord } from '../support/support-assessment.entity';
import { SupportRequestRecord } from '../support/support-request.entity';

export const ENTITIES = [
  StaffRecord,
  RoleAssignmentRecord,
  PanelRecord,
  PanelMeetingRecord,
  ChildRecord,
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
  SupportRequestRecord,
  SupportAssessmentRecord,
  BudgetYearRecord,
  BudgetContributionRecord,
  AuditEventRecord,
];
