import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Compiler } from 'webpack';

/**
 * Writes, beside the H5 build (dist/h5-pages.json), the files each page needs: `entry`, what index.html loads,
 * and for each page the chunks the router loads before showing it. config/scripts/h5-size.mjs reads it to
 * measure the JavaScript of a first visit.
 */
export class PageChunksPlugin {
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tap('PageChunksPlugin', (compilation) => {
      const filesOf = (chunks: Iterable<{ files: Iterable<string> }>) =>
        [...new Set([...chunks].flatMap((chunk) => [...chunk.files]))].sort();
      const entry = compilation.entrypoints.get('app');
      const pages: Record<string, string[]> = {};
      for (const group of compilation.chunkGroups) {
        for (const origin of group.origins) {
          const page = origin.request?.match(/^\.\/(pages[^?]*)$/)?.[1];
          if (page) pages[page] = filesOf(group.chunks);
        }
      }
      const out = path.join(compiler.outputPath, '..', 'h5-pages.json');
      mkdirSync(path.dirname(out), { recursive: true });
      writeFileSync(
        out,
        `${JSON.stringify({ entry: entry ? filesOf(entry.chunks) : [], pages }, null, 2)}\n`,
      );
    });
  }
}
