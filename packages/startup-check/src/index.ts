export { assertSchema } from './assert-schema.js';
export { checkSchema, type CheckSchemaOptions } from './check-schema.js';
export { SchemaOutOfDateError, fixCommand, type FixCommandOptions } from './schema-out-of-date-error.js';
export { schemaReportToJson, type CheckMode, type SchemaReport, type SchemaReportJson } from './schema-report.js';
