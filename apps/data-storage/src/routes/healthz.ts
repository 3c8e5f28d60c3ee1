import type { ServerResponse } from 'node:http';
import type { Database } from '@gander/core';
import { checkSchema, schemaReportToJson } from '@gander/startup-check';
import { REQUIRED_SCHEMA_VERSION } from '../config.js';
import { sendJson } from './respond.js';

/** 200 with the schema report while the schema is fine, 503 when it is not (a rollback under a running service). */
export async function healthz(res: ServerResponse, db: Database, migrationsDir: string): Promise<void> {
  const report = await checkSchema({ db, required: REQUIRED_SCHEMA_VERSION, dir: migrationsDir });
  sendJson(res, report.ok ? 200 : 503, { status: report.ok ? 'ok' : 'schema-out-of-date', schema: schemaReportToJson(report) });
}
