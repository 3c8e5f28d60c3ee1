export { runTui, type RunTuiOptions, type TuiSummary } from './run-tui.js';
export type { LoadProvider, WatchFiles } from './state/use-tui.js';
export { App, type AppProps } from './app.js';
export { TuiError, isTuiError, type TuiErrorCode } from './errors.js';
