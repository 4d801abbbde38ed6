import { readdirSync } from 'node:fs';
import { MIGRATIONS } from './index';

describe('MIGRATIONS', () => {
  it('lists every migration file of the folder, in the order of their timestamps', () => {
    const files = readdirSync(__dirname)
      .filter((f) => /^\d{13}-\w+\.ts$/.test(f))
      .sort();
    expect(MIGRATIONS.map((m) => `${m.name.replace(/^(\D+)(\d+)$/, '$2-$1')}.ts`)).toEqual(files);
  });
});
