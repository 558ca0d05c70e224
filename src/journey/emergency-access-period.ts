/** How long an emergency access lasts (EMERGENCY_ACCESS_HOURS): a request's service, from the configuration. */
export class EmergencyAccessPeriod {
  constructor(readonly hours: number) {}

  expiresAt(grantedAt: Date): Date {
    return new Date(grantedAt.getTime() + this.hours * 3_600_000);
  }
}
