/**
 * Load node-postgres without the cost of its Cloudflare probe.
 *
 * At import, pg/lib/stream.js asks whether it runs in a Cloudflare Worker: it
 * reads `navigator.userAgent`, and where there is no global `navigator`
 * (Node 20) it builds a `new Response(null, { cf })`, which makes Node load
 * its bundled undici: about a third of `node -e 0` on every postgres command
 * (bench/README.md, "Profile"). A `navigator` that exists only while pg is
 * imported answers the probe the same way ("not Cloudflare") without undici.
 * Node ≥ 21 has a global `navigator`; then this is a plain import.
 *
 * The import is the one @gander/core's adapter makes later (same package,
 * same module instance), so by then pg is already in the module cache.
 */
export async function preloadPg(): Promise<void> {
  const global = globalThis as { navigator?: unknown };
  if (global.navigator !== undefined) {
    await import('pg').catch(() => undefined);
    return;
  }
  global.navigator = { userAgent: 'Node.js' };
  try {
    // A missing driver is core's to report (with its install hint), not ours.
    await import('pg').catch(() => undefined);
  } finally {
    delete global.navigator;
  }
}
