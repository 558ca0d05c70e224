import autocannon from 'autocannon';
import type { BenchOperation } from './operations';
import type { RunningServer, Variant } from './servers';

function requestOf(
  variant: Variant,
  operation: BenchOperation,
  token: string,
): { path: string; headers: Record<string, string>; body: string } {
  if (variant === 'ideal')
    return { path: operation.ideal.path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(operation.ideal.body) };
  const { query, variables } = variant === 'peer' ? operation.peer! : operation;
  return {
    path: '/graphql',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  };
}

/**
 * One answer first: a benchmark of error responses would measure nothing. A server still working off the
 * previous load (requests the load generator gave up on) is given two minutes to drain. Returns the answer's data.
 */
export async function checkAnswers(server: RunningServer, operation: BenchOperation, token: string): Promise<Record<string, unknown>> {
  const { path, headers, body } = requestOf(server.variant, operation, token);
  let last = '';
  for (const started = Date.now(); Date.now() - started < 120_000; await new Promise((resolve) => setTimeout(resolve, 2000))) {
    const res = await fetch(server.url(path), { method: 'POST', headers, body });
    const reply = (await res.json()) as { errors?: unknown; data?: Record<string, unknown> };
    if (res.status === 200 && !reply.errors && reply.data) return reply.data;
    // The errors only: the data may hold a record's values.
    last = `${res.status} ${JSON.stringify(reply.errors ?? 'no data').slice(0, 500)}`;
  }
  throw new Error(`${server.variant} ${operation.name}: ${last}`);
}

export async function load(server: RunningServer, operation: BenchOperation, token: string, connections: number, seconds: number) {
  const { path, headers, body } = requestOf(server.variant, operation, token);
  // A request slower than the timeout counts as failed, and the cell shows it.
  return autocannon({ url: server.url(path), method: 'POST', headers, body, connections, duration: seconds, timeout: 30 });
}
