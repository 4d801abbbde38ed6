import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isProduction, parseDataKey, weakKeyReason, weakSecretReason } from './production-safety';

describe('what counts as production', () => {
  it('is NODE_ENV=production, or a MySQL database outside tests and development on this machine', () => {
    expect(isProduction({})).toBe(false);
    expect(isProduction({ NODE_ENV: 'production' })).toBe(true);
    expect(isProduction({ DATABASE_URL: 'mysql://u@db/x' })).toBe(true);
    expect(isProduction({ DATABASE_URL: 'mysql://u@127.0.0.1:3306/x', NODE_ENV: 'test' })).toBe(false);
    expect(isProduction({ DATABASE_URL: 'mysql://u@localhost/x', NODE_ENV: 'development' })).toBe(false);
    expect(isProduction({ DATABASE_URL: 'mysql://u@[::1]:3306/x', NODE_ENV: 'development' })).toBe(false);
    // Another machine's database is a deployment's: NODE_ENV=development does not open dev login there.
    expect(isProduction({ DATABASE_URL: 'mysql://u@db/x', NODE_ENV: 'development' })).toBe(true);
    expect(isProduction({ DATABASE_URL: 'mysql://u@10.0.0.5/x', NODE_ENV: 'test' })).toBe(true);
    expect(isProduction({ DATABASE_URL: 'not a url', NODE_ENV: 'test' })).toBe(true);
  });
});

describe('weak secrets', () => {
  it.each([
    ['one letter repeated', 'x'.repeat(40)],
    ['two letters in turn', 'ab'.repeat(20)],
    ['a short pattern repeated', '0123456789abcdef'.repeat(2)],
    ['the alphabet', 'abcdefghijklmnopqrstuvwxyz0123456789'],
    ['too short', randomBytes(8).toString('hex')],
    ['the example in .env.example', 'change-me-to-a-long-random-secret-string'],
  ])('refuses an APP_SECRET that is %s', (_name, secret) => {
    expect(weakSecretReason(secret)).not.toBeNull();
  });

  it('accepts what the documented command generates, every time', () => {
    for (let i = 0; i < 2000; i++) {
      expect(weakSecretReason(randomBytes(32).toString('hex'))).toBeNull();
      expect(weakSecretReason(randomBytes(16).toString('hex'))).toBeNull();
      expect(weakSecretReason(randomBytes(32).toString('base64url'))).toBeNull();
      const key = randomBytes(32);
      expect(weakKeyReason(key, key.toString('hex'))).toBeNull();
    }
  });

  it.each([
    ['all zeros', '0'.repeat(64)],
    ['one byte repeated', '07'.repeat(32)],
    ['four bytes repeated', 'deadbeef'.repeat(8)],
    ['the example', '0123456789abcdef'.repeat(4)],
  ])('refuses a DATA_ENCRYPTION_KEY of %s', (_name, text) => {
    expect(weakKeyReason(parseDataKey(text), text)).not.toBeNull();
  });

  it('refuses every secret and key written in .env.example', () => {
    const example = readFileSync(join(__dirname, '../../../../.env.example'), 'utf8');
    const value = (key: string) => new RegExp(`^#?\\s*${key}=(.+)$`, 'm').exec(example)?.[1].trim();
    const secret = value('APP_SECRET');
    const key = value('DATA_ENCRYPTION_KEY');
    expect(secret && key).toBeTruthy();
    expect(weakSecretReason(secret!)).not.toBeNull();
    expect(weakKeyReason(parseDataKey(key!), key!)).not.toBeNull();
  });
});
