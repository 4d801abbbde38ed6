import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from '../support/server';
import { WeappSandbox } from '../support/weapp-sandbox';

const BUILD = path.join(REPO_ROOT, 'apps/miniprogram/dist/weapp');

interface AppJson {
  pages: string[];
  subPackages: { root: string; pages: string[] }[];
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)],
  );
}

/** The files a built file refers to: scripts it requires, templates and styles it imports, components it uses. */
function referencesOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const patterns: Record<string, RegExp> = {
    '.js': /require\("([^"]+)"\)/g,
    '.wxml': /<(?:import|include|wxs)[^>]*\bsrc="([^"]+)"/g,
    '.wxss': /@import\s+"([^"]+)"/g,
  };
  const pattern = patterns[path.extname(file)];
  if (pattern) return [...text.matchAll(pattern)].map((match) => match[1]);
  if (file.endsWith('.json')) {
    const using = (JSON.parse(text) as { usingComponents?: Record<string, string> }).usingComponents ?? {};
    return Object.values(using);
  }
  return [];
}

describe('the weapp build', () => {
  if (!existsSync(path.join(BUILD, 'app.json')))
    throw new Error('no weapp build: run `npm run build:weapp` first');
  const app = JSON.parse(readFileSync(path.join(BUILD, 'app.json'), 'utf8')) as AppJson;
  const roots = app.subPackages.map(({ root }) => root);
  const packageOf = (relative: string) => roots.find((root) => relative.startsWith(`${root}/`)) ?? 'main';
  const pages = [
    ...app.pages,
    ...app.subPackages.flatMap(({ root, pages }) => pages.map((page) => `${root}/${page}`)),
  ];

  it('refers from each package only to its own files and the main package’s, as WeChat requires', () => {
    const crossing: string[] = [];
    for (const file of filesUnder(BUILD)) {
      const from = path.relative(BUILD, file);
      for (const reference of referencesOf(file)) {
        const target = reference.startsWith('/')
          ? reference.slice(1)
          : path.relative(BUILD, path.resolve(path.dirname(file), reference));
        const owner = packageOf(target);
        if (owner !== 'main' && owner !== packageOf(from)) crossing.push(`${from} → ${target}`);
      }
    }
    expect(crossing).toEqual([]);
  });

  describe('run as WeChat runs it, logged in', () => {
    const sandbox = new WeappSandbox(BUILD, { token: 'a-token', communityId: 'c1' });
    beforeAll(() => sandbox.launch());
    afterAll(() => sandbox.close());

    it.each(pages)('opens %s and renders its first state without an error', async (page) => {
      const data = await sandbox.open(page, { id: 'x1', cid: 'c1', activityId: 'a1', groupId: 'g1' });
      expect(sandbox.errors).toEqual([]);
      const root = data.root as { cn?: unknown[] } | undefined;
      expect(root?.cn?.length).toBeGreaterThan(0);
    });
  });
});
