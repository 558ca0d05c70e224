/**
 * A statement the request runs on every request, prepared once per database session and executed by name
 * with literal arguments, so that it can travel in a simple-protocol message (several statements, one round
 * trip) and still be planned once, not on every request. Its parameters are `$1…` of the given types.
 */
export class SessionStatement {
  constructor(
    readonly name: string,
    private readonly types: readonly string[],
    private readonly sql: string,
  ) {}

  get prepare(): string {
    return `PREPARE ${this.name}${this.types.length ? ` (${this.types.join(', ')})` : ''} AS ${this.sql}`;
  }

  /** `EXECUTE` with `literals`, already escaped by the caller (`escapeLiteral`), one per parameter. */
  execute(...literals: string[]): string {
    if (literals.length !== this.types.length) throw new Error(`${this.name} takes ${this.types.length} arguments`);
    return `EXECUTE ${this.name}${literals.length ? `(${literals.join(', ')})` : ''}`;
  }
}

/** What `DbScope.open` runs after its BEGIN: plain SQL, or a session statement with its arguments. */
export type OpeningStatement = string | { statement: SessionStatement; literals: string[] };
