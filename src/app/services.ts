import type { ServiceContext, ServiceKey, Services } from '../access/service-context';
import { AuditTrail } from '../audit/audit-trail';
import { AuditService } from '../audit/audit.service';
import { BoardService } from '../board/board.service';
import type { TimelinessThresholds } from '../board/timeliness-thresholds';
import { HouseholdService } from '../households/household.service';
import { ChildService } from '../journey/child.service';
import { EmergencyAccessPeriod } from '../journey/emergency-access-period';
import { MatchService } from '../journey/match.service';
import { PanelService } from '../panels/panel.service';
import { StaffDirectory } from '../staff/staff-directory';
import { StaffService } from '../staff/staff.service';
import { SupportService } from '../support/support.service';
import { WorkService } from '../work/work.service';

/**
 * The services of one request, each built on first use and bound to the caller's context: the one place that
 * knows what each service is made from.
 */
export function servicesFor(ctx: ServiceContext, timeliness: TimelinessThresholds, emergencyAccessHours: number): Services {
  const made = new Map<ServiceKey<unknown>, unknown>();
  const get = <T>(service: ServiceKey<T>): T => {
    if (!made.has(service)) made.set(service, build(service));
    return made.get(service) as T;
  };
  const builders = new Map<ServiceKey<unknown>, () => unknown>([
    [AuditTrail, () => new AuditTrail()],
    [StaffDirectory, () => new StaffDirectory(ctx)],
    [StaffService, () => new StaffService(ctx)],
    [ChildService, () => new ChildService(ctx)],
    [MatchService, () => new MatchService(ctx)],
    [HouseholdService, () => new HouseholdService(ctx)],
    [PanelService, () => new PanelService(ctx)],
    [SupportService, () => new SupportService(ctx)],
    [BoardService, () => new BoardService(ctx, timeliness)],
    [WorkService, () => new WorkService(ctx)],
    [EmergencyAccessPeriod, () => new EmergencyAccessPeriod(emergencyAccessHours)],
    [AuditService, () => new AuditService(ctx, get(AuditTrail))],
  ]);
  const build = (service: ServiceKey<unknown>) => {
    const builder = builders.get(service);
    if (!builder) throw new Error(`no service ${service.name} is registered`);
    return builder();
  };
  return { get };
}
