import type { Plan, PlanOperation } from '@gander/core';
import { CliError } from '../errors.js';
import type { CommandOutcome, DbCommandContext } from './context.js';
import { lintPlannedUp } from './plan-lint.js';
import { versionArgument } from './version-arg.js';

const OPERATIONS = ['up', 'up-by-one', 'up-to', 'down', 'down-to', 'redo', 'reset'] as const;

/** `plan [OPERATION [VERSION]]`, up by default. */
export function planOperation(args: readonly string[]): PlanOperation {
  const [kind = 'up', ...rest] = args;
  switch (kind) {
    case 'up':
    case 'up-by-one':
    case 'down':
    case 'redo':
    case 'reset':
      return { kind };
    case 'up-to':
    case 'down-to':
      return { kind, version: versionArgument(`plan ${kind}`, rest) };
    default:
      throw new CliError('E_USAGE', `plan: ${JSON.stringify(kind)} is not an operation`, {
        hint: `plan one of: ${OPERATIONS.join(', ')} (up-to and down-to take a VERSION)`,
      });
  }
}

function describe(op: PlanOperation): string {
  return 'version' in op ? `${op.kind} ${op.version}` : op.kind;
}

/** The plan as SQL a reader (or psql) can follow: one header comment per migration, then its statements. */
export function renderPlan(plan: Plan): string {
  const out: string[] = [`-- gander plan: ${describe(plan.operation)} (current version ${plan.currentVersion})`];
  if (plan.steps.length === 0) {
    out.push('-- nothing to run', '');
    return out.join('\n');
  }
  for (const [index, step] of plan.steps.entries()) {
    if (step.group !== undefined && step.group !== plan.steps[index - 1]?.group) {
      const size = plan.steps.filter((s) => s.group === step.group).length;
      out.push('', step.useTx ? `-- group ${step.group}: ${size} migration${size === 1 ? '' : 's'} in one transaction (BEGIN … COMMIT), all or nothing` : `-- group ${step.group}: NO TRANSACTION, on its own`);
    }
    out.push('', `-- ${step.file} (${step.direction}${step.useTx ? '' : ', NO TRANSACTION'})`);
    if (step.statements.length === 0) out.push('-- (no statements)');
    for (const statement of step.statements) out.push(statement.sql);
  }
  out.push('');
  return out.join('\n');
}

/** Print what an operation would run; nothing is locked, created or changed. */
export async function planCommand(ctx: DbCommandContext): Promise<CommandOutcome> {
  const operation = planOperation(ctx.args);
  const plan = await ctx.provider.plan(operation);
  ctx.print(renderPlan(plan));
  // Only the JSON document carries lint findings: the text plan stays SQL a reader (or psql) can follow.
  const lint = ctx.options.json ? await lintPlannedUp(plan, ctx.usablePath(ctx.options.dir)) : undefined;
  return {
    currentVersion: plan.currentVersion,
    extra: {
      operation: describe(operation),
      singleTransaction: plan.singleTransaction === true,
      steps: plan.steps.map((s) => ({
        ...(s.group === undefined ? {} : { group: s.group }),
        version: s.version,
        file: s.file,
        direction: s.direction,
        useTx: s.useTx,
        checksum: s.checksum,
        statements: s.statements.map((st) => ({ line: st.line, sql: st.sql })),
      })),
      ...(lint === undefined ? {} : { lint }),
    },
  };
}
