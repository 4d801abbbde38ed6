import { randomBytes } from 'node:crypto';
import { PersonalDataCipher } from './personal-data-cipher';

describe('PersonalDataCipher', () => {
  const sut = new PersonalDataCipher(randomBytes(32));

  it('round-trips and never stores the same ciphertext twice', () => {
    const a = sut.encrypt('13812341234');
    const b = sut.encrypt('13812341234');
    expect(a).not.toBe(b);
    expect(a).not.toContain('1234');
    expect(sut.decrypt(a)).toBe('13812341234');
  });

  it('detects a changed ciphertext and a different key', () => {
    const stored = sut.encrypt('13812341234');
    const parts = stored.split('.');
    parts[3] = Buffer.from('x'.repeat(11)).toString('base64url');
    expect(() => sut.decrypt(parts.join('.'))).toThrow();
    expect(() => new PersonalDataCipher(randomBytes(32)).decrypt(stored)).toThrow();
    expect(() => new PersonalDataCipher(randomBytes(16))).toThrow();
  });
});
