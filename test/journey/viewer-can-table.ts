import type { TestApi } from '../helpers/test-api';

/**
 * The harness of the viewerCan tables: `viewerCan.X` is true exactly when the mutation X succeeds. For every role and
 * every state of the record, a fresh record is asked about, then the mutation is sent with an input that suits the
 * state; the two answers agree. A step's table holds both answers: each control is shown to someone and hidden from
 * someone.
 */

/** A record to act on: how to ask its viewerCan, and how to send the mutation (its errors, if any). */
export type Subject = { viewerCan: (username: string) => Promise<boolean>; mutate: (username: string) => Promise<unknown[] | undefined> };

/** Per step ("mutation (viewerCan field)"): the record's states, each building a fresh record, and the roles asking. */
export type Steps = Record<string, { states: Record<string, () => Promise<Subject>>; roles: string[] }>;

export function viewerCanAsking(api: () => TestApi) {
  /** The answer `pick` finds in the query's data; a record out of reach (NOT_FOUND) shows no control at all. */
  const askedOn =
    (query: string, variables: Record<string, unknown>, pick: (data: any) => boolean | undefined) => async (username: string) => {
      const { data, errors } = await api().as(username)(query, variables);
      if (errors) return false;
      return pick(data) ?? false;
    };
  /** The mutation's errors, undefined when it succeeded. */
  const run = (mutation: string, input: Record<string, unknown>) => (username: string) =>
    api()
      .as(username)(mutation, { input })
      .then(({ errors }) => errors);
  /** `viewerCan { field }` of the record `lookup(id: $id)` returns. */
  const askedOf = (lookup: string, id: string, field: string) =>
    askedOn(`query($id: ID!) { ${lookup}(id: $id) { viewerCan { ${field} } } }`, { id }, (d) => d[lookup].viewerCan[field]);
  return { askedOn, askedOf, run };
}

export function compareWithMutations(steps: Steps): void {
  const cases = Object.entries(steps).flatMap(([step, { states, roles }]) =>
    Object.entries(states).flatMap(([state, build]) =>
      roles.map((role): [string, string, string, () => Promise<Subject>] => [step, state, role, build]),
    ),
  );

  it.each(cases)('%s on %s, as %s: viewerCan says what the mutation does', async (_step, _state, role, build) => {
    const subject = await build();
    const shown = await subject.viewerCan(role);
    const errors = await subject.mutate(role);
    expect({ viewerCan: shown, errors: shown ? errors : undefined }).toEqual({ viewerCan: errors === undefined, errors: undefined });
  });

  it.each(Object.keys(steps))(
    'the table of %s holds both answers: the control is shown to someone and hidden from someone',
    async (step) => {
      const { states, roles } = steps[step]!;
      const answers = new Set<boolean>();
      for (const build of Object.values(states)) for (const role of roles) answers.add(await (await build()).viewerCan(role));
      expect([...answers].sort()).toEqual([false, true]);
    },
  );
}
