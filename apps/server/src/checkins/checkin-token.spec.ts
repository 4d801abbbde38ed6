import { decodeCode, encodeCode } from '@redvest/domain';
import { codeSigner } from './checkin-token';

const sign = codeSigner('a-secret-of-at-least-thirty-two-characters');

describe('codeSigner', () => {
  // Codes printed on posters must keep working: these were signed before the codes moved to libs/domain.
  it('signs codes as they have always been signed', () => {
    expect(encodeCode(sign, { kind: 'rotating', activityNumber: 4_000_000_000, window: 59_000_000 })).toBe(
      'Ee5rKAADhETA227rJ9XiVsVqssAx',
    );
    expect(encodeCode(sign, { kind: 'poster', activityNumber: 7, window: 0 })).toBe(
      'EgAAAAcAAAAAV2LrTo5lV89j4dzR',
    );
    expect(decodeCode(sign, 'EQAAAAEAAAAB-OGL1qAFCMK1qr-x')).toEqual({
      kind: 'rotating',
      activityNumber: 1,
      window: 1,
    });
  });

  it('calls a code signed with another secret forged', () => {
    const token = encodeCode(sign, { kind: 'poster', activityNumber: 7, window: 0 });
    expect(decodeCode(codeSigner('another-secret-of-at-least-thirty-two-chars'), token)).toBe('forged');
  });
});
