export { runTui, type RunTuiOptions, type TuiSummary } from './run-tui.js';
export type { LoadProvider, UseOptions, WatchFiles, WithProvider } from './state/use-tui.js';
export type { LintPlan, PlanFinding, PlanLint } from './state/types.js';
export { App, type AppProps, type ProviderSource } from './app.js';
export { TuiError, isTuiError, type TuiErrorCode } from './errors.js';
export { pgliteInWorker, type OpenOptions, type PgliteInWorker, type PgliteInWorkerOptions } from './db/pglite-in-worker.js';
