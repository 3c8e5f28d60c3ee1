import type { Plan, PlanOperation } from '@gander/core';
import type { DriftNote, PlanLintView } from '../state/types.js';
import { fileCounts, fileFindingLines, lintSummaryLines } from './lint-lines.js';
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

/** Short, so the scroll position fits beside it on a narrow terminal; the body says the rest. */
export function planTitle(plan: Plan): string {
  const op = plan.operation;
  const target = 'version' in op ? ` ${op.version}` : '';
  return `Plan ${op.kind}${target}: ${plural(plan.steps.length, 'migration')}, from version ${plan.currentVersion}`;
}

/** Applied files that changed since: core refuses `up` over them unless drift is allowed. */
export function driftLines(drift: readonly DriftNote[]): Line[] {
  if (drift.length === 0) return [];
  return [
    line(`DRIFT: ${plural(drift.length, 'applied migration')} changed since applied (checksum differs from the audit log):`, 'bad'),
    ...drift.map((d) => line(`  ${d.version}  ${d.file ?? '(no file)'}`, 'bad')),
    line('  Restore the file and put the change in a new migration, or allow drift for this run.', 'warn'),
    blank,
  ];
}

/** One line per step: a long plan is seen whole before its statements. */
function summaryLines(plan: Plan, lint: PlanLintView | undefined): Line[] {
  const fileWidth = Math.max(...plan.steps.map((s) => s.file.length));
  return [
    line('Summary', 'title'),
    ...plan.steps.map((step, index) =>
      line(
        `  ${String(index + 1).padStart(String(plan.steps.length).length)}. ${step.direction.toUpperCase().padEnd(4)} ${step.file.padEnd(fileWidth)}  ${step.useTx ? 'tx   ' : 'NO TX'}  ${plural(step.statements.length, 'statement')}${fileCounts(lint, step.file)}`,
      ),
    ),
    blank,
  ];
}

/**
 * Drift, the lint counts, a summary, then every step: file, direction,
 * transaction mode, statement count, its lint findings, the statements.
 */
export function planLines(plan: Plan, drift: readonly DriftNote[] = [], lint?: PlanLintView): Line[] {
  if (plan.steps.length === 0) return [line('Nothing to do: no migration would run.', 'ok')];
  const out: Line[] = [
    line(`${describeOperation(plan.operation)}.`, 'muted'),
    blank,
    ...driftLines(drift),
    ...lintSummaryLines(lint),
    ...(plan.steps.length > 1 ? summaryLines(plan, lint) : []),
  ];
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
    out.push(...fileFindingLines(lint, step.file, '     '));
    out.push(...statementLines(step.statements, '     '));
    out.push(blank);
  });
  return out;
}
