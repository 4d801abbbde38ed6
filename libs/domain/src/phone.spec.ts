import { isValidPhone, maskName, maskPhone, nameAsShown, normalisePhone } from './phone';

describe('phones', () => {
  it('accepts mobiles with spaces or +86, and landlines with an area code', () => {
    expect(isValidPhone('13812341234')).toBe(true);
    expect(isValidPhone('+86 138 1234 1234')).toBe(true);
    expect(isValidPhone('0757-83381234')).toBe(true);
    expect(normalisePhone('+86 138 1234 1234')).toBe('13812341234');
  });

  it('refuses what cannot be dialled', () => {
    for (const bad of ['', '12345', '12812341234', '138123412345', 'abc', '010-12'])
      expect(isValidPhone(bad)).toBe(false);
  });

  it('masks the middle of a mobile number and the middle of a name', () => {
    expect(maskPhone('13812341234')).toBe('138****1234');
    expect(maskPhone('83381234')).toBe('******34');
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳娜娜')).toBe('欧**娜');
    expect(nameAsShown('张三丰', true)).toBe('张三丰');
    expect(nameAsShown('张三丰', false)).toBe('张*丰');
  });
});
