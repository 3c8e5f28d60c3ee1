import { LintConfigError } from '../errors.js';
import type { RuleSetting } from '../types.js';

/** What a lint config file may say. */
export interface LintConfig {
  /** Rule id → `error`, `warning` or `off`. */
  rules: Record<string, RuleSetting>;
  /** Database mode: a lock finding on a table at least this big (bytes) is an error. */
  sizeThresholdBytes: number;
  /** Files allowed in the migrations folder root besides migrations. */
  allowFiles: string[];
}

export const DEFAULT_CONFIG_FILE = 'gander-lint.json';

export const DEFAULT_CONFIG: LintConfig = {
  rules: {},
  sizeThresholdBytes: 100 * 1024 * 1024,
  allowFiles: ['README.md'],
};

const SIZE = /^(\d+(?:\.\d+)?)\s*(B|KB|MB|GB|TB)?$/i;
const UNITS: Record<string, number> = { B: 1, KB: 1024, MB: 1024 ** 2, GB: 1024 ** 3, TB: 1024 ** 4 };

function parseSize(value: unknown, file: string): number {
  if (typeof value === 'number' && value >= 0) return value;
  const match = typeof value === 'string' ? SIZE.exec(value.trim()) : null;
  if (!match) {
    throw new LintConfigError(`${file}: sizeThreshold ${JSON.stringify(value)} is not a size`, 'write a size like "100MB" or "2GB", or a number of bytes');
  }
  return Number(match[1]) * UNITS[(match[2] ?? 'B').toUpperCase()]!;
}

/** Validates a parsed config file against the known rule ids; `file` names it in errors. */
export function parseLintConfig(text: string, file: string, knownRules: readonly string[]): LintConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new LintConfigError(`${file}: not valid JSON: ${(error as Error).message}`, 'fix the JSON syntax (the file is plain JSON, no comments)');
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new LintConfigError(`${file}: expected a JSON object`, 'write e.g. {"rules": {"renaming": "off"}}');
  }
  const object = raw as Record<string, unknown>;
  for (const key of Object.keys(object)) {
    if (!['rules', 'sizeThreshold', 'allowFiles', '$schema'].includes(key)) {
      throw new LintConfigError(`${file}: unknown setting ${JSON.stringify(key)}`, 'the settings are rules, sizeThreshold and allowFiles');
    }
  }
  const rules: Record<string, RuleSetting> = {};
  const rawRules = object.rules ?? {};
  if (typeof rawRules !== 'object' || rawRules === null || Array.isArray(rawRules)) {
    throw new LintConfigError(`${file}: "rules" must be an object of rule ids to levels`, 'write e.g. {"rules": {"renaming": "off"}}');
  }
  for (const [id, level] of Object.entries(rawRules as Record<string, unknown>)) {
    if (!knownRules.includes(id)) {
      throw new LintConfigError(`${file}: unknown rule ${JSON.stringify(id)}`, `known rules: ${knownRules.join(', ')}`);
    }
    if (level !== 'error' && level !== 'warning' && level !== 'off') {
      throw new LintConfigError(`${file}: rule ${id} has level ${JSON.stringify(level)}`, 'a level is "error", "warning" or "off"');
    }
    rules[id] = level;
  }
  const allowFiles = object.allowFiles ?? DEFAULT_CONFIG.allowFiles;
  if (!Array.isArray(allowFiles) || !allowFiles.every((f) => typeof f === 'string')) {
    throw new LintConfigError(`${file}: "allowFiles" must be a list of file names`, 'write e.g. {"allowFiles": ["README.md"]}');
  }
  return {
    rules,
    sizeThresholdBytes: object.sizeThreshold === undefined ? DEFAULT_CONFIG.sizeThresholdBytes : parseSize(object.sizeThreshold, file),
    allowFiles: allowFiles as string[],
  };
}

export function humanSize(bytes: number): string {
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
