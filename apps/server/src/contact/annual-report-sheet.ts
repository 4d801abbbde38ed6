import { AnnualMemberReport, RATING_GRADE_LABELS, RATING_LEVEL_LABELS, RatingLevel } from '@redvest/contract';
import type ExcelJS from 'exceljs';
import type { Readable } from 'node:stream';
import { commitPlain, sheetNames, streamedWorkbook } from '../common/xlsx-stream';
import type { AnnualReportPage } from './annual-report-reader';

const LEVELS: RatingLevel[] = ['group', 'branch', 'community'];
const HEADER = [
  '姓名',
  '参加活动（次）',
  '服务时长（小时）',
  '完成心愿（个）',
  '入户走访（次）',
  '办结诉求（件）',
  '获得积分',
  ...LEVELS.map((l) => RATING_LEVEL_LABELS[l]),
];
const hours = (minutes: number) => Number((minutes / 60).toFixed(1));

/** The sums of one sheet's columns, for its 合计 line. */
class Totals {
  activities = 0;
  minutes = 0;
  wishesFulfilled = 0;
  visits = 0;
  demandsResolved = 0;
  pointsEarned = 0;

  add(m: AnnualMemberReport): void {
    this.activities += m.activities;
    this.minutes += m.minutes;
    this.wishesFulfilled += m.wishesFulfilled;
    this.visits += m.visits;
    this.demandsResolved += m.demandsResolved;
    this.pointsEarned += m.pointsEarned;
  }

  row(): (string | number)[] {
    return [
      '合计',
      this.activities,
      hours(this.minutes),
      this.wishesFulfilled,
      this.visits,
      this.demandsResolved,
      this.pointsEarned,
    ];
  }
}

interface OpenSheet {
  group: number;
  sheet: ExcelJS.Worksheet;
  totals: Totals;
}

/**
 * One sheet per employer organisation (原单位), for the members' annual assessment: a title, the columns, a row
 * per member and the totals. The pages come employer by employer, so each sheet is written in one pass and
 * committed before the next begins; the file is written while it is sent (`streamedWorkbook`).
 */
export function annualReportSheet(year: number, pages: AsyncIterable<AnnualReportPage>): Readable {
  return streamedWorkbook({ useStyles: true }, async (workbook, pace) => {
    const uniqueName = sheetNames();
    let open = null as OpenSheet | null;
    const close = ({ sheet, totals }: OpenSheet) => {
      const line = sheet.addRow(totals.row());
      line.font = { bold: true };
      line.commit();
      sheet.commit();
    };
    for await (const page of pages) {
      if (open?.group !== page.group) {
        if (open) close(open);
        const employer = page.employer ?? '未登记原单位';
        const sheet = workbook.addWorksheet(uniqueName(employer));
        sheet.columns = HEADER.map(() => ({ width: 14 }));
        sheet.addRow([`${employer} 在职党员 ${year} 年社区服务情况`]).font = { bold: true, size: 14 };
        sheet.addRow(HEADER).font = { bold: true };
        open = { group: page.group, sheet, totals: new Totals() };
      }
      for (const m of page.members) {
        commitPlain(
          open.sheet.addRow([
            m.name,
            m.activities,
            hours(m.minutes),
            m.wishesFulfilled,
            m.visits,
            m.demandsResolved,
            m.pointsEarned,
            ...LEVELS.map((l) => (m.ratings[l] ? RATING_GRADE_LABELS[m.ratings[l]!] : '')),
          ]),
        );
        open.totals.add(m);
      }
      if (!(await pace(open.sheet))) return;
    }
    if (open) close(open);
    else {
      const sheet = workbook.addWorksheet('无数据');
      sheet.addRow([`${year} 年没有在职党员的服务记录`]).commit();
      sheet.commit();
    }
  });
}
