export { run, type RunIO, type TextSink } from './main.js';
export { parseArgs, FLAG_SPECS, type FlagSpec, type ParsedArgs } from './args/flags.js';
export { parseDsn, type PgSettings } from './dsn/parse-dsn.js';
export { parseKeyValueDsn } from './dsn/key-value.js';
export { formatGoDuration, truncateDuration } from './output/duration.js';
export { CLI_VERSION } from './version.js';
