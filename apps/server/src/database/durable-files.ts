import { closeSync, fsyncSync, openSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `20261201T093000`: a moment in file names, sortable. */
export const fileStamp = (date = new Date()) => date.toISOString().replace(/[-:]/g, '').replace(/\..*$/, '');

/** Waits until the file (or a folder's list of names) is on the disk, not only in the page cache. */
export function fsyncPath(path: string): void {
  const fd = openSync(path, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Writes a file whole or not at all: a temporary file, flushed, renamed into place, the folder flushed. */
export function writeFileDurably(path: string, data: string | Buffer, mode = 0o600): void {
  const temporary = `${path}.writing`;
  writeFileSync(temporary, data, { mode });
  fsyncPath(temporary);
  renameSync(temporary, path);
  fsyncPath(dirname(path));
}
