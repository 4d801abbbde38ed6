import { renderCertificate } from '../records/certificate-pdf';
import { renderThankYouLetter } from '../wishes/thank-you-letter';
import { drawable } from './fonts';
import { pdfToText } from './pdf-text';

const flat = (text: string) => text.replace(/\s+/g, '');

describe('printed documents', () => {
  it('leaves out of a text the characters the font cannot draw, and keeps the rest', () => {
    expect(drawable('谢谢小张🌹，轮椅又能用了！👍🏻')).toBe('谢谢小张，轮椅又能用了！');
    expect(drawable('第一行\n第二行 ★')).toBe('第一行\n第二行 ★');
  });

  it('prints a thank-you letter with emoji in the wish and the thanks as the words around them, no boxes', async () => {
    const text = flat(
      pdfToText(
        await renderThankYouLetter({
          communityName: '襄阳街社区',
          employer: '佛山市税务局',
          claimerName: '张卫东',
          residentName: '孙桂芳',
          wishTitle: '修轮椅🦽',
          fulfilledOn: '2026-12-02',
          thanks: '谢谢小张🌹❤️，轮椅又能用了！👍',
          issuedOn: '2026-12-03',
        }),
      ),
    );
    expect(text).toContain('微心愿“修轮椅”');
    expect(text).toContain('孙桂芳说：“谢谢小张，轮椅又能用了！”');
    expect(text).toContain('于2026年12月2日认领');
    expect(text).not.toMatch(/[☒□\ufffd]/u);
  });

  it('prints a certificate with its durations in words, its days in Chinese and an emoji title without boxes', async () => {
    const raw = pdfToText(
      await renderCertificate({
        code: 'ABCDEFGH2345',
        communityName: '襄阳街社区',
        holderName: '赵志远',
        periodFrom: '2026-01-01',
        periodTo: '2026-12-02',
        totalMinutes: 136,
        entries: [
          { date: '2026-03-05', title: '学雷锋🌟义诊', place: '社区广场', minutes: 1 },
          { date: '2026-10-29', title: '重阳节敬老院慰问', place: '石湾镇敬老院', minutes: 135 },
        ],
        issuedOn: '2026-12-03',
        verifyUrl: 'http://127.0.0.1:3000/#/pages-activities/verify?code=ABCDEFGH2345',
      }),
    );
    const text = flat(raw);
    // The address whole on one line, as a reader types it.
    expect(raw).toContain('查验网址：http://127.0.0.1:3000/#/pages-activities/verify?code=ABCDEFGH2345\n');
    expect(text).toContain('于2026年1月1日至2026年12月2日期间');
    expect(text).toContain('累计服务时长2小时16分钟');
    expect(text).toContain('服务时长');
    expect(text).toContain('学雷锋义诊');
    expect(text).toContain('1分钟');
    expect(text).toContain('2小时15分钟');
    expect(text).not.toContain('小时）');
    expect(text).not.toMatch(/[☒□\ufffd]/u);
  });
});
