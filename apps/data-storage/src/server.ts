import { createServer, type Server } from 'node:http';
import type { Database } from '@gander/core';
import { healthz } from './routes/healthz.js';
import { recentTraces } from './routes/recent-traces.js';
import { sendJson } from './routes/respond.js';
import { successRateByIncidentType, successRateByPlaybook } from './routes/success-rate.js';

export function createHttpServer(db: Database, migrationsDir: string, log: (line: string) => void): Server {
  return createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = `${req.method} ${url.pathname}`;
    const handle = async () => {
      switch (route) {
        case 'GET /healthz':
          return healthz(res, db, migrationsDir);
        case 'GET /api/v1/success-rate/incident-type':
          return successRateByIncidentType(res, db, url.searchParams);
        case 'GET /api/v1/success-rate/playbook':
          return successRateByPlaybook(res, db);
        case 'GET /api/v1/traces':
          return recentTraces(res, db, url.searchParams);
        default:
          return sendJson(res, 404, { error: `no route ${route}` });
      }
    };
    handle().catch((error: unknown) => {
      log(`error serving ${route}: ${error instanceof Error ? error.message : String(error)}`);
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
    });
  });
}
