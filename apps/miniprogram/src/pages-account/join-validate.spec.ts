import { validateJoin } from './join-validate';

describe('validateJoin', () => {
  const valid = { inviteCode: ' XYJ2026 ', realName: ' 张三 ', phone: '138 1234 5678' };

  it('builds the request with trimmed fields and the phone without spaces', () => {
    expect(validateJoin({ ...valid, compoundId: 'c1' })).toEqual({
      errors: {},
      request: { inviteCode: 'XYJ2026', realName: '张三', phone: '13812345678', compoundId: 'c1' },
    });
  });

  it('accepts a landline with its area code, as elderly residents often give', () => {
    expect(validateJoin({ ...valid, phone: '0710-3456789' }).request?.phone).toBe('0710-3456789');
  });

  it('names every missing field', () => {
    const { errors, request } = validateJoin({ inviteCode: '', realName: '', phone: '' });
    expect(request).toBeUndefined();
    expect(Object.keys(errors).sort()).toEqual(['inviteCode', 'phone', 'realName']);
  });

  it('refuses a phone number that is not one', () => {
    expect(validateJoin({ ...valid, phone: '12345' }).errors.phone).toMatch('格式不正确');
  });

  it('refuses a one-character name', () => {
    expect(validateJoin({ ...valid, realName: '张' }).errors.realName).toMatch('2 到 20');
  });
});
