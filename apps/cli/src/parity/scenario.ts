/**
 * A differential scenario: `testdata/<name>/project/` (the files both tools
 * start from) and `testdata/<name>/steps.txt`, one command line per line:
 *
 *   # a comment
 *   @table ops.versions            the version table whose rows are compared
 *   -dir migrations $DB up         $DB is `postgres <key=value DSN>`; $KV and $URL are the two DSN forms
 *                                  (with sslmode=disable); $KV_NO_SSLMODE is $KV without an sslmode
 *   GOOSE_DRIVER=postgres GOOSE_DBSTRING=$URL -dir migrations status
 *   -dir migrations $DB up-to 0    !differs: up-to-zero     a deliberate difference, by its README key
 *   -v -dir migrations $DB up      !differs: a-key, b-key   two of them in one step
 *   @sql DELETE FROM goose_db_version   set-up on both databases (e.g. a state only old tools leave)
 *
 * Tokens split on spaces; single quotes keep spaces. Leading NAME=value tokens
 * are the step's environment.
 */
export interface Step {
  line: number;
  text: string;
  env: Record<string, string>;
  args: string[];
  /**
   * Set when the outputs must differ: the keys of the README's deliberate
   * differences (`!differs: a, b`). See explained.ts for keys that must also
   * agree once that difference is taken out.
   */
  differs?: string[];
  /** `@sql …`: run on both databases as set-up (no tool runs, nothing is compared). */
  sql?: string;
}

export interface Scenario {
  table: string;
  steps: Step[];
}

export interface Dsns {
  kv: string;
  url: string;
  /** The key=value form without `sslmode`: the driver's default (prefer) applies. */
  kvNoSslmode: string;
}

function tokens(text: string): string[] {
  const out: string[] = [];
  const re = /'([^']*)'|(\S+)/g;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out.push(m[1] ?? m[2]!);
  return out;
}

const expand = (token: string, dsns: Dsns) =>
  token.replaceAll('$KV_NO_SSLMODE', dsns.kvNoSslmode).replaceAll('$KV', dsns.kv).replaceAll('$URL', dsns.url);

export function parseScenario(text: string, dsns: Dsns): Scenario {
  const scenario: Scenario = { table: 'goose_db_version', steps: [] };
  text.split('\n').forEach((raw, i) => {
    const [command = '', mark] = raw.split('!differs:');
    const body = command.trim();
    if (body === '' || body.startsWith('#')) return;
    if (body.startsWith('@table ')) {
      scenario.table = body.slice('@table '.length).trim();
      return;
    }
    if (body.startsWith('@sql ')) {
      scenario.steps.push({ line: i + 1, text: body, env: {}, args: [], sql: body.slice('@sql '.length) });
      return;
    }
    const env: Record<string, string> = {};
    const args: string[] = [];
    for (const token of tokens(body)) {
      const assignment = /^([A-Z_][A-Z0-9_]*)=(.*)$/.exec(token);
      if (args.length === 0 && assignment) env[assignment[1]!] = expand(assignment[2]!, dsns);
      else if (token === '$DB') args.push('postgres', dsns.kv);
      else args.push(expand(token, dsns));
    }
    scenario.steps.push({ line: i + 1, text: body, env, args, ...(mark === undefined ? {} : { differs: mark.split(',').map((k) => k.trim()) }) });
  });
  return scenario;
}
