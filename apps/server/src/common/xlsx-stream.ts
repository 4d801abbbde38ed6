import ExcelJS from 'exceljs';
import { PassThrough, Readable } from 'node:stream';

/** Rows an export reads from the database at a time (a test sets a small page to cross many). */
export const EXPORT_PAGING = { rows: 500 };

/**
 * Lets the server answer others between two pages: on the embedded engine every query runs synchronously, so a
 * long export would otherwise hold the event loop (and the answer's own first bytes, corked until the next tick).
 */
export const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Waits until the rows written so far have been compressed and the answer has taken the file so far; false
 * when the client has gone and the export should stop reading.
 */
export type Pace = (sheet: ExcelJS.Worksheet) => Promise<boolean>;

/**
 * A spreadsheet written while it is sent: `write` adds and commits worksheets row by row (calling `pace`
 * after each page of rows), and the workbook is committed when it returns. Nothing but the current page sits
 * in memory, and a slow client slows the reading instead of filling memory.
 *
 * The answer has begun (status 200 and the zip's first bytes) before `write` reads anything, so whatever
 * refuses the request must be decided before this is returned. If `write` fails after that, the answer
 * breaks off with an error: the client gets a broken download, never a shorter file that looks complete.
 */
export function streamedWorkbook(
  options: { useStyles: boolean },
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, pace: Pace) => Promise<void>,
): Readable {
  const file = new PassThrough();
  // A failure reaches the answer through the iteration below; the listener only keeps the zip, which writes
  // into `file`, from throwing it a second time when the client has gone.
  file.on('error', () => undefined);
  let sent!: () => void;
  const firstChunkSent = new Promise<void>((resolve) => (sent = resolve));
  file.once('close', () => sent());
  async function* chunks() {
    // Nothing is read before the answer asks for its first bytes.
    const writing = writeWorkbook(file, options, firstChunkSent, write).catch((error: Error) =>
      file.destroy(error),
    );
    for await (const chunk of file) {
      yield chunk as Buffer;
      sent();
    }
    await writing;
  }
  const answer = Readable.from(chunks(), { objectMode: false });
  // The client went away (the server destroys the answer): the export stops at its next page.
  answer.once('close', () => file.destroy());
  return answer;
}

async function writeWorkbook(
  file: PassThrough,
  { useStyles }: { useStyles: boolean },
  firstChunkSent: Promise<void>,
  write: (workbook: ExcelJS.stream.xlsx.WorkbookWriter, pace: Pace) => Promise<void>,
) {
  // Shared strings would keep every distinct text of the file in memory until the end: cells hold their own.
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: file,
    useStyles,
    useSharedStrings: false,
  });
  workbook.creator = '红马甲';
  // The writer zips its theme and relations at once: once they are out, so are the answer's headers.
  await firstChunkSent;
  const pace: Pace = async (sheet) => {
    if (file.destroyed) return false;
    await caughtUp(file, sheet);
    await nextTurn();
    return !file.destroyed;
  };
  await write(workbook, pace);
  if (!file.destroyed) await workbook.commit();
}

/** Rows written but not yet compressed, past which an export reads no further until the zip has caught up. */
const BACKLOG_BYTES = 1 << 20;

/**
 * ExcelJS hands a worksheet's XML to its zip without waiting, so a slow zip or client would otherwise leave the
 * whole export in memory.
 */
async function caughtUp(file: PassThrough, sheet: ExcelJS.Worksheet): Promise<void> {
  const zip = zipInput(sheet);
  if (zip && (zip._writableState?.length ?? 0) > BACKLOG_BYTES) await drained(zip, file);
  if (file.writableNeedDrain) await drained(file, file);
}

/** Until `stream` has drained, or the answer has gone (the client left). */
function drained(stream: NodeJS.EventEmitter, file: PassThrough): Promise<void> {
  return new Promise((resolve) => {
    if (file.destroyed) return resolve();
    const done = () => {
      stream.off('drain', done);
      file.off('close', done);
      resolve();
    };
    stream.on('drain', done);
    file.on('close', done);
  });
}

type ZipInput = NodeJS.EventEmitter & { _writableState?: { length?: number } };

/** The stream the zip reads a worksheet from (inside ExcelJS; `xlsx-stream.spec.ts` checks it is found). */
export function zipInput(sheet: ExcelJS.Worksheet): ZipInput | undefined {
  return (sheet as unknown as { _stream?: { pipes?: ZipInput[] } })._stream?.pipes?.[0];
}

/** The style of every cell that has none of its own. */
const PLAIN: Partial<ExcelJS.Style> = {};

/**
 * Commits a row of unstyled cells. ExcelJS gives each new cell a style object of its own and, with styles on,
 * describes it afresh for every cell; its cache is keyed by the object, so one shared object halves the work.
 */
export function commitPlain(row: ExcelJS.Row): void {
  row.eachCell((cell) => (cell.style = PLAIN));
  row.commit();
}

/** Worksheet names are unique (whatever the case), at most 31 characters, without `\ / ? * [ ] :`. */
export function sheetNames(): (name: string) => string {
  const used = new Set<string>();
  return (name) => {
    const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31);
    let unique = base;
    for (let n = 2; used.has(unique.toLowerCase()); n++)
      unique = `${base.slice(0, 31 - `(${n})`.length)}(${n})`;
    used.add(unique.toLowerCase());
    return unique;
  };
}
