/** Why the database refused a change as a whole. */
export type ChangeRefusedReason = 'ALREADY_RECORDED' | 'CONCURRENT_CHANGE';

/**
 * A change the database refused as a whole: a one-off step already recorded, or a change crossed by another
 * twice. The API answers it as CONFLICT with the reason (format-error.ts); the kit knows nothing of GraphQL.
 */
export class ChangeRefused extends Error {
  constructor(
    readonly reason: ChangeRefusedReason,
    message: string,
  ) {
    super(message);
  }
}
