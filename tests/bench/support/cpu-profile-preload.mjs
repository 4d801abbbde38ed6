// Loaded into the benchmarked server with --import: the first SIGWINCH (a signal the server's shutdown
// hooks leave alone) starts V8's sampling profiler, the second writes the profile to BENCH_PROFILE_FILE,
// so that only the measured load is profiled.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector';

const session = new Session();
session.connect();
let running = false;

process.on('SIGWINCH', () => {
  if (!running) {
    running = true;
    session.post('Profiler.enable', () => session.post('Profiler.start'));
    return;
  }
  running = false;
  session.post('Profiler.stop', (error, result) => {
    const profile = error ? { error: String(error) } : result.profile;
    writeFileSync(process.env.BENCH_PROFILE_FILE, JSON.stringify(profile));
  });
});
