/**
 * A statement's name for the log, never its text: the text may carry escaped literals (the actor's
 * statement, the access log's append). Only what comes before the first literal, parameter or comment is
 * read, so a name is always one the statement was written with, never a value.
 */
const WHERE_VALUES_MAY_BEGIN = /'|\$|--|\/\*/;
const NAME = String.raw`((?:"[^"]+"|[A-Za-z_]\w*)(?:\.(?:"[^"]+"|[A-Za-z_]\w*))?)`;
const shape = (pattern: string) => new RegExp(pattern.replace('NAME', NAME), 'i');

const PREPARED = shape(String.raw`^EXECUTE\s+NAME`);
/** Statements named by their verb and what they act on: `INSERT children`, `SELECT audit_append`. */
const NAMED_BY_TARGET = [
  shape(String.raw`^(INSERT)\s+INTO\s+NAME`),
  shape(String.raw`^(UPDATE)\s+(?:ONLY\s+)?NAME`),
  shape(String.raw`^(DELETE)\s+FROM\s+(?:ONLY\s+)?NAME`),
  shape(String.raw`^(SELECT|WITH)\b[\s\S]*?\bFROM\s+NAME`),
  shape(String.raw`^(SELECT)\s+NAME\s*\(`),
  shape(String.raw`^(PREPARE)\s+NAME`),
];

const unquoted = (name: string) => name.replaceAll('"', '');

export function statementName(sql: string): string {
  const statements = sql
    .split(WHERE_VALUES_MAY_BEGIN)[0]!
    .split(';')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  // DbScope opens a transaction with BEGIN and the request's first statements: these name the message.
  const statement = statements.find((s) => !/^BEGIN$/i.test(s)) ?? statements[0] ?? '';
  const prepared = PREPARED.exec(statement);
  if (prepared) return unquoted(prepared[1]!);
  for (const named of NAMED_BY_TARGET) {
    const match = named.exec(statement);
    if (match) return `${match[1]!.toUpperCase()} ${unquoted(match[2]!)}`;
  }
  return /^[A-Za-z]+/.exec(statement)?.[0].toUpperCase() ?? 'statement';
}
