import type { Plan, PlanOperation } from '@gander/core';
import { blank, line, type Line } from './lines.js';
import { plural } from './plural.js';
import { statementLines } from './statement-lines.js';

/** What the operation does, in the words of the key that started it. */
export function describeOperation(op: PlanOperation): string {
  switch (op.kind) {
    case 'up':
      return 'up: apply every pending migration';
    case 'up-by-one':
      return 'up-by-one: apply the next pending migration';
    case 'up-to':
      return `up-to ${op.version}: apply pending migrations up to ${op.version}`;
    case 'down':
      return 'down: roll back the current version';
    case 'down-to':
      return `down-to ${op.version}: roll back every version above ${op.version}`;
    case 'redo':
      return 'redo: roll back the current version and apply it again';
    case 'reset':
      return 'reset: roll back every applied version';
  }
}

export function planTitle(plan: Plan): string {
  return `Plan ${describeOperation(plan.operation)} (current version ${plan.currentVersion}, ${plural(plan.steps.length, 'migration')})`;
}

/** Every step of a plan: file, direction, transaction mode, statement count, then the statements. */
export function planLines(plan: Plan): Line[] {
  if (plan.steps.length === 0) return [line('Nothing to do: no migration would run.', 'ok')];
  const out: Line[] = [];
  plan.steps.forEach((step, index) => {
    if (step.group !== undefined && step.group !== plan.steps[index - 1]?.group) {
      const members = plan.steps.filter((s) => s.group === step.group).length;
      out.push(
        line(
          step.useTx
            ? `Group ${step.group}: ${plural(members, 'migration')} in one transaction, all or nothing`
            : `Group ${step.group}: NO TRANSACTION, on its own`,
          'warn',
        ),
      );
    }
    out.push(line(`${index + 1}/${plan.steps.length}  ${step.direction.toUpperCase()}  ${step.file}`, 'title'));
    const mode =
      step.group !== undefined && step.useTx
        ? `in group ${step.group}'s transaction`
        : step.useTx
          ? 'in one transaction'
          : 'NO TRANSACTION: each statement commits on its own';
    out.push(line(`     version ${step.version}, ${mode}, ${plural(step.statements.length, 'statement')}`, 'muted'));
    out.push(...statementLines(step.statements, '     '));
    out.push(blank);
  });
  return out;
}
