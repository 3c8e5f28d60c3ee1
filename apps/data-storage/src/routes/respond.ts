import type { ServerResponse } from 'node:http';

/** JSON with bigint versions as strings (they are int64). */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(text);
}
