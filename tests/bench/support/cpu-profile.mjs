// Reading a V8 CPU profile: the functions that spent the most time themselves (self time), grouped by
// function and file, as a share of all samples.
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { ROOT } from './paths.mjs';

const IDLE = new Set(['(idle)', '(program)', '(garbage collector)']);

export function topSelfTime(profile, count = 8) {
  const byNode = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfMicros = new Map();
  profile.samples.forEach((id, i) => {
    selfMicros.set(id, (selfMicros.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...selfMicros.values()].reduce((a, b) => a + b, 0) || 1;
  const byFunction = new Map();
  for (const [id, micros] of selfMicros) {
    const { functionName, url, lineNumber } = byNode.get(id).callFrame;
    const name = functionName || '(anonymous)';
    const where = url ? `${shortPath(url)}:${lineNumber + 1}` : '';
    const key = IDLE.has(name) ? name : `${name} ${where}`.trim();
    byFunction.set(key, (byFunction.get(key) ?? 0) + micros);
  }
  return [...byFunction]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, micros]) => ({ fn, percent: Math.round((micros / total) * 1000) / 10 }));
}

function shortPath(url) {
  const path = url.replace(/^file:\/\//, '');
  const inModules = path.lastIndexOf('node_modules/');
  if (inModules >= 0) return path.slice(inModules + 'node_modules/'.length);
  return path.startsWith(ROOT) ? relative(ROOT, path) : path;
}

/** Waits for the profile file a server writes after its second SIGWINCH. */
export async function awaitProfile(file, timeoutMs = 30_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (existsSync(file)) {
      try {
        return JSON.parse(readFileSync(file, 'utf8'));
      } catch {
        // still being written
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`no CPU profile in ${file}`);
}
