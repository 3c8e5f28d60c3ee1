import { useEffect, useState } from 'react';

/**
 * The wall clock, ticking while `active`: only so elapsed times move while a
 * statement runs. Presentation, not app state, so it lives with the view.
 */
export function useNow(active: boolean, intervalMs = 200): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return now;
}
