import { AuditActorRole, Role, RouteAudit } from '@redvest/contract';
import { sortRoles } from '@redvest/domain';
import { Injectable, Logger } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { Membership } from '../communities/membership.entity';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { GENESIS_HASH } from '../ledger/chain';
import { AUDIT_HASH_VERSION, auditHash } from './audit-chain';
import { AuditChainHead, AuditEntry } from './audit-entry.entity';
import { AuditNote, AuditRequest, auditRequests } from './audit-request';
import { clip } from './words';

type Declared = AuditRequest & { spec: RouteAudit };

/** The summary of an entry the interceptor had to write because the use case wrote none (a bug, logged). */
export const UNDESCRIBED = '（此操作未写明详情）';

/**
 * Writes the 审计日志. A use case calls `record(em, …)` inside its own transaction, so an audited change never
 * commits without its entry and a failed one leaves none; a read or download calls `serve(…)`, and the entry is
 * written when the answer is served. Who, from where and in which route come from the request (`AuditRequest`).
 */
@Injectable()
export class AuditTrail {
  private readonly logger = new Logger('AuditTrail');

  constructor(private readonly db: Db) {}

  /**
   * Writes the entry of the change being made in `em`'s transaction. Outside a request (a scheduled job, the demo
   * seed) the server acts on its own and nothing is written.
   */
  async record(em: EntityManager, note: AuditNote): Promise<void> {
    const request = this.current();
    if (!request) return;
    await this.append(em, request, note);
    request.settled = true;
  }

  /** The call changed nothing (an idempotent replay, a no-op), so it has no entry of its own. */
  unchanged(): void {
    const request = this.current();
    if (request) request.settled = true;
  }

  /** Notes a file or list being handed out; its entry is written before the answer leaves. */
  serve(note: AuditNote): void {
    const request = this.current();
    if (!request) return;
    this.check(request, note);
    request.served = note;
  }

  /**
   * After the handler succeeded: writes what was served, and, for a route that always records, an entry from
   * the path when the use case wrote none (a bug, logged, but the change is not left without a trace).
   */
  async finish(request: AuditRequest): Promise<void> {
    if (!request.spec || request.settled || request.head) return;
    const declared = request as Declared;
    if (request.served) {
      const note = request.served;
      await this.db.transaction((em) => this.append(em, declared, note));
      return;
    }
    if ((request.spec.records ?? 'one') !== 'one') return;
    this.logger.error(`${request.route} declares an audit action but its use case recorded none`);
    await this.db.transaction((em) => this.append(em, declared, this.fromPath(declared)));
  }

  /**
   * The request being served, if any; a route that records without declaring it is a bug. A HEAD request
   * counts as none: GET routes only read, and what they would hand out is not sent.
   */
  private current(): Declared | undefined {
    const request = auditRequests.getStore();
    if (!request) return undefined;
    if (!request.spec) throw new Error(`${request.route} records an audit entry but declares none`);
    return request.head ? undefined : (request as Declared);
  }

  private check(request: Declared, note: AuditNote): void {
    if (note.action && !request.spec.actions.includes(note.action))
      throw new Error(`${request.route} does not declare the audit action ${note.action}`);
  }

  private async append(em: EntityManager, request: Declared, note: AuditNote): Promise<void> {
    this.check(request, note);
    const communityId = note.communityId ?? request.auth.community?.communityId ?? request.params.cid;
    if (!communityId) throw new Error(`${request.route}: an audit entry needs a community`);
    const head = await this.lockChain(em, communityId);
    const fields = {
      id: newId(),
      communityId,
      sequence: head.lastSequence + 1,
      occurredAt: new Date(),
      actorId: request.auth.user.id,
      actorName: await this.actorName(em, communityId, request),
      actorRole: note.actingAs ?? this.actingRole(request),
      action: note.action ?? request.spec.actions[0],
      targetType: note.targetType,
      targetId: note.targetId,
      subjectId: note.subjectId ?? null,
      // `clip` masks phones and ID numbers: what a secretary typed (a reason, a name) may hold one.
      summary: clip(note.summary, 500),
      ip: request.ip,
      userAgent: request.userAgent,
      hashVersion: AUDIT_HASH_VERSION,
      prevHash: head.lastHash,
    };
    const hash = auditHash(fields);
    await em.insert(AuditEntry, { ...fields, hash });
    await em.update(AuditChainHead, { communityId }, { lastSequence: fields.sequence, lastHash: hash });
  }

  /**
   * The actor's name in the community as they act, as the member list shows it (their real name, else their
   * nickname); none when they are not a member (the platform admin), whose nickname is not the community's.
   */
  private async actorName(em: EntityManager, communityId: string, request: Declared): Promise<string | null> {
    const { user } = request.auth;
    const membership = await em.findOne(Membership, {
      where: { communityId, userId: user.id },
      select: { realName: true },
    });
    return membership ? (membership.realName ?? user.nickname) : null;
  }

  /** Like the ledger's chain head: a plain `SELECT … FOR UPDATE` first, created on the first entry. */
  private async lockChain(em: EntityManager, communityId: string): Promise<AuditChainHead> {
    const head = await em.findOne(AuditChainHead, { where: { communityId }, ...this.db.forUpdate });
    if (head) return head;
    await em
      .createQueryBuilder()
      .insert()
      .into(AuditChainHead)
      .values({ communityId, lastSequence: 0, lastHash: GENESIS_HASH })
      .orIgnore()
      .updateEntity(false)
      .execute();
    return em.findOneOrFail(AuditChainHead, { where: { communityId }, ...this.db.forUpdate });
  }

  /** The caller's highest role, when the route admits them by a role they hold; else the platform admin they are. */
  private actingRole(request: Declared): AuditActorRole {
    const { access, auth } = request;
    if (access.access === 'platform_admin') return 'platform_admin';
    const held = auth.community?.roles;
    const admits = 'roles' in access ? access.roles : [];
    if (held && admits.some((role) => held.has(role))) {
      return sortRoles(held)[0] ?? Role.Resident;
    }
    if (auth.isPlatformAdmin) return 'platform_admin';
    throw new Error(`${request.route}: the use case must say which role the caller acted as`);
  }

  private fromPath(request: Declared): AuditNote {
    const { access, params } = request;
    if (access.access === 'resource')
      return { targetType: access.resource, targetId: params[access.param], summary: UNDESCRIBED };
    return { targetType: 'community', targetId: params.cid ?? '', summary: UNDESCRIBED };
  }
}
