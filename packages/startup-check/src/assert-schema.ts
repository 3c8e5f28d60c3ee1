import { checkSchema, type CheckSchemaOptions } from './check-schema.js';
import { SchemaOutOfDateError, type FixCommandOptions } from './schema-out-of-date-error.js';
import type { SchemaReport } from './schema-report.js';

/** checkSchema, throwing SchemaOutOfDateError (code E_SCHEMA_STALE) when the service must not start. */
export async function assertSchema(options: CheckSchemaOptions & { fix?: FixCommandOptions }): Promise<SchemaReport> {
  const report = await checkSchema(options);
  if (!report.ok) throw new SchemaOutOfDateError(report, { ...options.fix, dir: options.fix?.dir ?? options.dir });
  return report;
}
