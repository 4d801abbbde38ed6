import { AuditAction, Role } from '@redvest/contract';
import { GENESIS_HASH } from '../ledger/chain';
import { AUDIT_HASH_VERSION, auditHash, ChainedAuditFields } from './audit-chain';

const ENTRY: ChainedAuditFields = {
  id: '01938f2a-0000-7000-8000-000000000001',
  communityId: '01938f2a-0000-7000-8000-0000000000c1',
  sequence: 7,
  occurredAt: new Date('2026-11-23T10:30:05.123Z'),
  actorId: '01938f2a-0000-7000-8000-0000000000a1',
  actorName: null,
  actorRole: Role.Secretary,
  action: AuditAction.PointsApprove,
  targetType: 'transfer',
  targetId: 't-1',
  subjectId: null,
  summary: '通过：志愿服务签到 15 积分',
  ip: '203.0.113.9',
  userAgent: 'RedVestTest/1.0',
  hashVersion: 1,
  prevHash: GENESIS_HASH,
};

describe('auditHash', () => {
  it('hashes an entry written before names were stored exactly as it was hashed then', () => {
    // The hash the first version of the 审计日志 gave this entry.
    const then = '0907fbf7ae0f40d979ecee8a54c57d8b4ec2021d1ce78e5931daf7b240559364';
    expect(auditHash(ENTRY)).toBe(then);
    // The name filled in afterwards is outside that hash.
    expect(auditHash({ ...ENTRY, actorName: '王书记' })).toBe(then);
  });

  it('covers the actor’s name and the version on the entries written since', () => {
    const entry = { ...ENTRY, hashVersion: AUDIT_HASH_VERSION, actorName: '王书记' };
    const hash = auditHash(entry);
    expect(AUDIT_HASH_VERSION).toBe(2);
    expect(auditHash({ ...entry, actorName: '李书记' })).not.toBe(hash);
    expect(auditHash({ ...entry, actorName: null })).not.toBe(hash);
    // Passing a newer entry off as an older one, whose hash leaves the name out, breaks it too.
    expect(auditHash({ ...entry, hashVersion: 1 })).not.toBe(hash);
  });
});
