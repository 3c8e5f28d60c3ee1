import type { ServerResponse } from 'node:http';
import type { Database } from '@gander/core';
import { sendJson } from './respond.js';

/**
 * ADR-033's primary dimension: how often remediations succeed per incident
 * type. Served by idx_incident_type_success (012).
 */
export async function successRateByIncidentType(res: ServerResponse, db: Database, query: URLSearchParams): Promise<void> {
  const since = query.get('since');
  if (since !== null && Number.isNaN(Date.parse(since))) {
    sendJson(res, 400, { error: 'since must be a date, e.g. 2025-06-01' });
    return;
  }
  const { rows } = await db.query<{ incident_type: string; total: string; succeeded: string; success_rate: string | null }>(
    `SELECT incident_type,
            count(*)::text AS total,
            count(*) FILTER (WHERE status = 'completed')::text AS succeeded,
            round(count(*) FILTER (WHERE status = 'completed')::numeric / NULLIF(count(*), 0), 4)::text AS success_rate
       FROM resource_action_traces
      WHERE incident_type IS NOT NULL AND ($1::timestamptz IS NULL OR action_timestamp >= $1::timestamptz)
      GROUP BY incident_type
      ORDER BY count(*) DESC, incident_type`,
    [since],
  );
  sendJson(res, 200, {
    dimension: 'incident_type',
    since,
    results: rows.map((r) => ({
      incidentType: r.incident_type,
      total: Number(r.total),
      succeeded: Number(r.succeeded),
      successRate: r.success_rate === null ? null : Number(r.success_rate),
    })),
  });
}

/** Success per playbook version (idx_playbook_success). */
export async function successRateByPlaybook(res: ServerResponse, db: Database): Promise<void> {
  const { rows } = await db.query<{ playbook_id: string; playbook_version: string | null; total: string; succeeded: string }>(
    `SELECT playbook_id, playbook_version, count(*)::text AS total,
            count(*) FILTER (WHERE status = 'completed')::text AS succeeded
       FROM resource_action_traces
      WHERE playbook_id IS NOT NULL
      GROUP BY playbook_id, playbook_version
      ORDER BY playbook_id, playbook_version`,
  );
  sendJson(res, 200, {
    dimension: 'playbook',
    results: rows.map((r) => ({
      playbookId: r.playbook_id,
      playbookVersion: r.playbook_version,
      total: Number(r.total),
      succeeded: Number(r.succeeded),
      successRate: Number(r.total) === 0 ? null : Number(r.succeeded) / Number(r.total),
    })),
  });
}
