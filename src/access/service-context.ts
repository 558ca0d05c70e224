import type { AppAbility } from '../authz/ability';
import type { Actor } from '../authz/actor';
import type { ScopeFacts } from '../authz/facts';
import type { DbScope } from '../db/db-scope';
import type { Logger } from '../common/logger';
import type { ScopedLoaders } from './scoped-loaders';

/** What services get: who is asking, what they may do, this request's database scope and clock. */
export type ServiceContext = {
  log: Logger;
  now: Date;
  /** Today in UK local time (YYYY-MM-DD): the calendar of every recorded date. */
  today: string;
  actor: Actor;
  facts: ScopeFacts;
  ability: AppAbility;
  db: DbScope;
  loaders: ScopedLoaders;
};

/** A service of a request, named by its class: built once per request, on first use (src/app/services.ts). */
export type ServiceKey<T> = abstract new (...args: never[]) => T;

/** The request's services. Features name the service they need; only the composition root knows how each is built. */
export type Services = { get<T>(service: ServiceKey<T>): T };

/** What every resolver gets. */
export type RequestContext = ServiceContext & {
  requestId: string;
  /** Ends the request's place among its member of staff's requests in flight: call once, when it ends. */
  release: () => void;
  services: Services;
};
