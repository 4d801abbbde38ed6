import { ErrorCode, TransferStatus, Unit } from '@redvest/contract';
import fc from 'fast-check';
import {
  certificatePeriod,
  certifiedRecords,
  correctionOutcome,
  decideCorrectionDecision,
  decideCorrectionRequest,
} from './decide';

const closed = { userId: 'u1', status: 'closed' as const, minutes: 90, points: 10 };

describe('correcting a service record', () => {
  it('is asked by the volunteer whose closed record it is, one request at a time', () => {
    expect(decideCorrectionRequest(closed, 'u1', false)).toEqual({ recordedMinutes: 90 });
    expect(decideCorrectionRequest(closed, 'u2', false)).toEqual({ error: ErrorCode.Forbidden });
    expect(decideCorrectionRequest({ ...closed, status: 'open' }, 'u1', false)).toEqual({
      error: ErrorCode.AttendanceOpen,
    });
    expect(decideCorrectionRequest(closed, 'u1', true)).toEqual({ error: ErrorCode.CorrectionPending });
    expect(decideCorrectionRequest({ ...closed, status: 'unclosed', minutes: null }, 'u1', false)).toEqual({
      recordedMinutes: 0,
    });
  });

  it('is decided once', () => {
    expect(decideCorrectionDecision({ status: 'pending' })).toBe(true);
    expect(decideCorrectionDecision({ status: 'accepted' })).toEqual({ error: ErrorCode.CorrectionDecided });
  });

  it('adjusts the ledger by exactly the difference, in each unit that changed', () => {
    const perHour = { kind: 'per_hour' as const, points: 5 };
    fc.assert(
      fc.property(fc.nat(600), fc.nat(100), fc.nat(24 * 60), (minutes, points, requested) => {
        const record = { ...closed, minutes, points };
        const outcome = correctionOutcome(record, perHour, requested);
        const moved = (unit: Unit) => outcome.adjustments.find((a) => a.unit === unit)?.amount ?? 0;
        expect(minutes + moved(Unit.Minutes)).toBe(outcome.minutes);
        expect(points + moved(Unit.Points)).toBe(outcome.points);
        expect(outcome.points).toBe(Math.floor(requested / 60) * 5);
        expect(outcome.adjustments.every((a) => a.amount !== 0)).toBe(true);
      }),
    );
  });
});

describe('a certificate of service', () => {
  it('covers whole days in China, up to five years', () => {
    expect(certificatePeriod('2026-01-01', '2026-12-31')).toEqual({
      start: new Date('2025-12-31T16:00:00.000Z'),
      end: new Date('2026-12-31T16:00:00.000Z'),
    });
    expect(certificatePeriod('2026-12-31', '2026-01-01')).toEqual({
      error: ErrorCode.CertificatePeriodInvalid,
    });
    expect(certificatePeriod('2010-01-01', '2026-01-01')).toEqual({
      error: ErrorCode.CertificatePeriodInvalid,
    });
  });

  it('lists the records with minutes served, and needs at least one', () => {
    const posted = (minutes: number | null) => ({ minutes, minutesAward: TransferStatus.Posted });
    expect(certifiedRecords([posted(0), posted(30), posted(null)])).toEqual([posted(30)]);
    expect(certifiedRecords([posted(0)])).toEqual({ error: ErrorCode.NoServiceInPeriod });
  });

  it('lists only what is in the ledger: minutes waiting for approval or refused are not certified', () => {
    const record = (minutes: number, minutesAward?: TransferStatus) => ({ minutes, minutesAward });
    expect(
      certifiedRecords([
        record(45, TransferStatus.Pending),
        record(20, TransferStatus.Voided),
        record(30, TransferStatus.Posted),
        // Minutes an accepted correction gave, with no award of their own.
        record(60),
      ]),
    ).toEqual([record(30, TransferStatus.Posted), record(60)]);
    expect(certifiedRecords([record(45, TransferStatus.Pending)])).toEqual({
      error: ErrorCode.NoServiceInPeriod,
    });
  });
});
