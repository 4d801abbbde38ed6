import { formatDuration, writtenDay } from '@redvest/domain';
import PDFDocument from 'pdfkit';
import { CJK_BOLD, CJK_REGULAR, collect, drawable } from '../pdf/fonts';

export interface CertificateEntry {
  date: string;
  title: string;
  place: string;
  minutes: number;
}

export interface CertificateContent {
  code: string;
  communityName: string;
  holderName: string;
  periodFrom: string;
  periodTo: string;
  totalMinutes: number;
  entries: CertificateEntry[];
  issuedOn: string;
  verifyUrl: string;
}

/** 志愿服务证明 as an A4 PDF, in the community's name, with the verification code. */
export function renderCertificate(c: CertificateContent): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    info: { Title: '志愿服务证明', Author: c.communityName },
  });
  doc.registerFont('regular', CJK_REGULAR);
  doc.registerFont('bold', CJK_BOLD);
  const done = collect(doc);
  const holder = drawable(c.holderName);
  const community = drawable(c.communityName);

  doc.font('bold').fontSize(26).text('志愿服务证明', { align: 'center' });
  doc.moveDown(1.2);
  doc
    .font('regular')
    .fontSize(13)
    .text(
      `兹证明 ${holder} 同志于 ${writtenDay(c.periodFrom)}至${writtenDay(c.periodTo)}期间，在${community}参加志愿服务活动 ${c.entries.length} 次，` +
        `累计服务时长 ${formatDuration(c.totalMinutes)}。具体记录如下：`,
      { lineGap: 6 },
    );
  doc.moveDown(0.8);
  const columns = [
    { title: '日期', width: 92 },
    { title: '活动名称', width: 180 },
    { title: '地点', width: 115 },
    { title: '服务时长', width: 80 },
  ];
  const row = (cells: string[], font: 'regular' | 'bold') => {
    const y = doc.y;
    let x = doc.page.margins.left;
    doc.font(font).fontSize(10.5);
    const height = Math.max(
      ...cells.map((cell, i) => doc.heightOfString(cell, { width: columns[i].width - 6 })),
    );
    if (y + height > doc.page.height - doc.page.margins.bottom - 80) doc.addPage();
    const top = doc.y;
    cells.forEach((cell, i) => {
      doc.text(cell, x + 3, top, { width: columns[i].width - 6 });
      x += columns[i].width;
    });
    doc.y = top + height + 6;
    doc
      .moveTo(doc.page.margins.left, doc.y - 3)
      .lineTo(doc.page.margins.left + 467, doc.y - 3)
      .lineWidth(0.5)
      .strokeColor('#cccccc')
      .stroke();
  };
  row(
    columns.map((c) => c.title),
    'bold',
  );
  for (const entry of c.entries) {
    row(
      [writtenDay(entry.date), drawable(entry.title), drawable(entry.place), formatDuration(entry.minutes)],
      'regular',
    );
  }
  doc.x = doc.page.margins.left;
  doc.moveDown(1.5);
  doc
    .font('regular')
    .fontSize(11)
    .text('本证明依据《志愿服务记录与证明出具办法》出具，记录真实、准确、完整。', { lineGap: 4 });
  doc.moveDown(2);
  doc.font('bold').fontSize(13).text(`${community}（盖章）`, { align: 'right' });
  doc.font('regular').fontSize(12).text(writtenDay(c.issuedOn), { align: 'right' });
  doc.moveDown(2);
  doc.fontSize(10).fillColor('#555555').text(`证明编号：${c.code}`);
  // The address on a line of its own, so that it is not broken where a reader would type it.
  doc.text(`查验网址：${c.verifyUrl}`, { lineBreak: false });
  doc.end();
  return done;
}
