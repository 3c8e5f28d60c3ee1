import type { PlanOperation, Provider, RunResult } from '@gander/core';

/**
 * The provider call that carries out a plan's operation. Only a mapping: the
 * provider decides again, under its lock, what runs and in which order.
 */
export function runOperation(provider: Provider, op: PlanOperation): Promise<RunResult> {
  switch (op.kind) {
    case 'up':
      return provider.up();
    case 'up-by-one':
      return provider.upByOne();
    case 'up-to':
      return provider.upTo(op.version);
    case 'down':
      return provider.down();
    case 'down-to':
      return provider.downTo(op.version);
    case 'redo':
      return provider.redo();
    case 'reset':
      return provider.reset();
  }
}
