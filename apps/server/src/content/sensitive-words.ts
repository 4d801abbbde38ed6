/**
 * 敏感词: words a community wish board must not carry — fraud, gambling, drugs, weapons, vulgarity and
 * illegal services. Kept short and concrete; WeChat's content check (when configured) covers the rest.
 */
export const SENSITIVE_WORDS: readonly string[] = [
  '赌博',
  '博彩',
  '六合彩',
  '私彩',
  '网赌',
  '赌球',
  '老虎机',
  '毒品',
  '冰毒',
  '大麻',
  '海洛因',
  '摇头丸',
  'K粉',
  '枪支',
  '手枪',
  '子弹',
  '弹药',
  '管制刀具',
  '炸药',
  '雷管',
  '色情',
  '嫖娼',
  '卖淫',
  '援交',
  '裸聊',
  '一夜情',
  '代开发票',
  '办证',
  '刻章',
  '假证',
  '假文凭',
  '套现',
  '洗钱',
  '高利贷',
  '裸贷',
  '校园贷',
  '传销',
  '诈骗',
  '刷单',
  '跑分',
  '代孕',
  '卖肾',
  '器官买卖',
  '反动',
  '邪教',
  '法轮',
  '傻逼',
  '操你',
  '王八蛋',
  '去死',
];

/** Spaces, punctuation and symbols people put between the characters of a word to slip it past a list. */
const FILLER = /[\s\p{P}\p{S}_]+/gu;

export function normaliseForCheck(text: string): string {
  return text.normalize('NFKC').replace(FILLER, '').toLowerCase();
}

/** The first listed word the text contains, or null. */
export function findSensitiveWord(text: string, words: readonly string[] = SENSITIVE_WORDS): string | null {
  const plain = normaliseForCheck(text);
  return words.find((word) => plain.includes(normaliseForCheck(word))) ?? null;
}
