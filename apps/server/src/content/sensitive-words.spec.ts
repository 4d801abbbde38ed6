import { findSensitiveWord } from './sensitive-words';

describe('the local word list', () => {
  it('finds listed words, also split by spaces, punctuation or full-width forms', () => {
    expect(findSensitiveWord('帮忙介绍网赌平台')).toBe('网赌');
    expect(findSensitiveWord('需要 代 开 发 票')).toBe('代开发票');
    expect(findSensitiveWord('办·证，快')).toBe('办证');
    expect(findSensitiveWord('买Ｋ粉')).toBe('K粉');
  });

  it('lets ordinary wishes through', () => {
    for (const text of [
      '帮我修一下轮椅',
      '想请人陪我去医院复查',
      '帮忙在网上填养老认证表',
      '家里水龙头漏水',
    ]) {
      expect(findSensitiveWord(text)).toBeNull();
    }
  });
});
