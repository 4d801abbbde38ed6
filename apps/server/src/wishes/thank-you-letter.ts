import { writtenDay } from '@redvest/domain';
import PDFDocument from 'pdfkit';
import { CJK_BOLD, CJK_REGULAR, collect, drawable } from '../pdf/fonts';

export interface LetterContent {
  communityName: string;
  /** The claimer's employer organisation (原单位), when they have one. */
  employer: string | null;
  claimerName: string;
  residentName: string;
  wishTitle: string;
  fulfilledOn: string;
  thanks: string | null;
  issuedOn: string;
}

/** 感谢信: to the claimer's employer organisation, in the community's name, with the resident's own words. */
export function renderThankYouLetter(content: LetterContent): Promise<Buffer> {
  const c = printedLetter(content);
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 80, bottom: 72, left: 72, right: 72 },
    info: { Title: '感谢信', Author: c.communityName },
  });
  doc.registerFont('regular', CJK_REGULAR);
  doc.registerFont('bold', CJK_BOLD);
  const done = collect(doc);
  doc.font('bold').fontSize(28).fillColor('#c8161d').text('感 谢 信', { align: 'center' });
  doc.moveDown(1.5).fillColor('#000000');
  doc
    .font('bold')
    .fontSize(14)
    .text(c.employer ? `${c.employer}党组织：` : `${c.claimerName} 同志：`);
  doc.moveDown(0.6);
  const paragraph = (text: string) =>
    doc.font('regular').fontSize(13).text(`\u3000\u3000${text}`, { lineGap: 8, align: 'justify' });
  paragraph(
    c.employer
      ? `贵单位在职党员 ${c.claimerName} 同志积极参加“双报到”活动，于 ${c.fulfilledOn} 认领并完成了我社区居民${c.residentName}的微心愿“${c.wishTitle}”，以实际行动践行了全心全意为人民服务的宗旨。`
      : `您于 ${c.fulfilledOn} 认领并完成了我社区居民${c.residentName}的微心愿“${c.wishTitle}”，以实际行动温暖了邻里。`,
  );
  doc.moveDown(0.5);
  if (c.thanks) {
    paragraph(`${c.residentName}说：“${c.thanks}”`);
    doc.moveDown(0.5);
  }
  paragraph(
    c.employer ? `在此，谨向 ${c.claimerName} 同志和贵单位表示衷心的感谢！` : '在此，谨向您表示衷心的感谢！',
  );
  doc.moveDown(3);
  doc.font('bold').fontSize(14).text(c.communityName, { align: 'right' });
  doc.font('regular').fontSize(13).text(c.issuedOn, { align: 'right' });
  doc.end();
  return done;
}

/** Every text of the letter as the font can print it (a resident's 🌹 would be an empty box), days in words. */
function printedLetter(c: LetterContent): LetterContent {
  return {
    ...c,
    fulfilledOn: writtenDay(c.fulfilledOn),
    issuedOn: writtenDay(c.issuedOn),
    communityName: drawable(c.communityName),
    employer: c.employer === null ? null : drawable(c.employer),
    claimerName: drawable(c.claimerName),
    residentName: drawable(c.residentName),
    wishTitle: drawable(c.wishTitle),
    thanks: c.thanks === null ? null : drawable(c.thanks),
  };
}
