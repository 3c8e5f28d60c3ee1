import type { ServerResponse } from 'node:http';
import type { Database } from '@gander/core';
import { sendJson } from './respond.js';

/** The newest action traces, optionally of one incident type, with their ADR-033 dimensions. */
export async function recentTraces(res: ServerResponse, db: Database, query: URLSearchParams): Promise<void> {
  const limit = Number(query.get('limit') ?? 20);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    sendJson(res, 400, { error: 'limit must be a whole number from 1 to 500' });
    return;
  }
  const { rows } = await db.query<Record<string, unknown>>(
    `SELECT action_id, action_type, action_timestamp::text AS action_timestamp, status, signal_name, incident_type,
            incident_severity, playbook_id, playbook_version, ai_selected_playbook, ai_manual_escalation
       FROM resource_action_traces
      WHERE ($1::text IS NULL OR incident_type = $1::text)
      ORDER BY action_timestamp DESC
      LIMIT $2`,
    [query.get('incident_type'), limit],
  );
  sendJson(res, 200, { results: rows });
}
