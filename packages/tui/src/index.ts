export { runTui, type RunTuiOptions } from './run-tui.js';
export { App, type AppProps } from './app.js';
export { TuiError, isTuiError, type TuiErrorCode } from './errors.js';
