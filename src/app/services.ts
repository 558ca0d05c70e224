import type { AuditTrail } from '../audit/audit-trail';
import { AuditService } from '../audit/audit.service';
import { BoardService } from '../board/board.service';
import { ChildService } from '../journey/child.service';
import { MilestoneService } from '../journey/milestone.service';
import { PlacementService } from '../journey/placement.service';
import type { TimelinessThresholds } from './config';
import { DecisionService } from '../journey/decision.service';
import { HouseholdService } from '../households/household.service';
import { MatchService } from '../journey/match.service';
import { PanelService } from '../panels/panel.service';
import { SupportService } from '../support/support.service';
import type { ServiceContext } from './request-context';

/** The use cases of one request, each bound to the caller's context (cheap objects, built per request). */
export function createServices(ctx: ServiceContext, timeliness: TimelinessThresholds, audit: AuditTrail) {
  return {
    children: new ChildService(ctx),
    milestones: new MilestoneService(ctx),
    placements: new PlacementService(ctx),
    decisions: new DecisionService(ctx),
    matches: new MatchService(ctx),
    households: new HouseholdService(ctx),
    panels: new PanelService(ctx),
    support: new SupportService(ctx),
    board: new BoardService(ctx, timeliness),
    audit: new AuditService(ctx, audit),
  };
}

export type Services = ReturnType<typeof createServices>;
