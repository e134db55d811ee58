// Loaded into `next start` (and `next dev`) by serve.ts. When serve.ts dies without stopping
// Next (SIGKILL, the OOM killer), Next is handed to another parent: it then stops as on Ctrl+C,
// instead of holding the port against the next start.
const parent = process.ppid;
setInterval(() => {
  if (process.ppid !== parent) process.kill(process.pid, 'SIGTERM');
}, 500).unref();
