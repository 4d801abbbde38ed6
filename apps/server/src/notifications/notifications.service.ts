import { APP_PAGES, NotificationView, Page, toIsoLocal } from '@redvest/contract';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { EntityManager, In, IsNull, LessThan } from 'typeorm';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { User } from '../users/user.entity';
import { WechatClient } from '../wechat/wechat.client';
import { Notification } from './notification.entity';
import { NotificationTopic } from './notification-topic';

export interface Notice {
  userId: string;
  communityId: string;
  title: string;
  body: string;
  wishId?: string;
  /** For the subscribe message: the status word (≤ 5 characters). */
  status: string;
  /** A request to several people that one of them answers: settled for all when it is answered. */
  topic?: NotificationTopic;
}

/**
 * Tells people what changed: always an inbox row, written in the same transaction as the change; then,
 * after the commit, a WeChat subscribe message when a template is configured (its failure changes nothing).
 */
@Injectable()
export class NotificationsService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly db: Db,
    private readonly wechat: WechatClient,
    @Inject(CONFIG) private readonly config: AppConfig,
  ) {}

  async record(em: EntityManager, notices: Notice[]): Promise<void> {
    const now = new Date();
    for (const n of notices) {
      await em.insert(Notification, {
        id: newId(),
        userId: n.userId,
        communityId: n.communityId,
        title: n.title.slice(0, 60),
        body: n.body.slice(0, 300),
        wishId: n.wishId ?? null,
        topic: n.topic ?? null,
        readAt: null,
        createdAt: now,
      });
    }
  }

  /** After the commit: WeChat subscribe messages, best effort. */
  async push(notices: Notice[]): Promise<void> {
    const template = this.config.wechatWishTemplate;
    if (!template || !this.wechat.configured || notices.length === 0) return;
    const users = await this.db.read((em) =>
      em.find(User, { where: { id: In(notices.map((n) => n.userId)) } }),
    );
    for (const n of notices) {
      const user = users.find((u) => u.id === n.userId);
      if (!user) continue;
      await this.wechat
        .sendSubscribeMessage({
          touser: user.openid,
          template_id: template,
          page: n.wishId ? `${APP_PAGES.wish}?id=${n.wishId}` : APP_PAGES.home,
          data: {
            thing1: { value: n.title.slice(0, 20) },
            phrase2: { value: n.status.slice(0, 5) },
            time3: { value: toIsoLocal(new Date()).slice(0, 16).replace('T', ' ') },
            thing4: { value: n.body.slice(0, 20) },
          },
        })
        .catch((error: Error) => this.logger.warn(`subscribe message not sent: ${error.message}`));
    }
  }

  async inbox(
    userId: string,
    cursor?: string,
    limit = 20,
  ): Promise<Page<NotificationView> & { unread: number }> {
    return this.db.read(async (em) => {
      const rows = await em.find(Notification, {
        where: { userId, ...(cursor ? { id: LessThan(cursor) } : {}) },
        order: { id: 'DESC' },
        take: limit + 1,
      });
      const page = rows.slice(0, limit);
      const unread = await em.count(Notification, { where: { userId, readAt: IsNull() } });
      return {
        items: page.map((n) => ({
          id: n.id,
          title: n.title,
          body: n.body,
          wishId: n.wishId,
          read: n.readAt !== null,
          createdAt: toIsoLocal(n.createdAt),
        })),
        nextCursor: rows.length > limit ? page[page.length - 1].id : null,
        unread,
      };
    });
  }

  /** Once one reviewer has answered, the others' “please review” messages are read: nothing is left to do. */
  async settle(em: EntityManager, wishId: string, topic: NotificationTopic): Promise<void> {
    await em.update(Notification, { wishId, topic, readAt: IsNull() }, { readAt: new Date() });
  }

  async markRead(userId: string, ids?: string[]): Promise<void> {
    await this.db.transaction((em) =>
      em.update(
        Notification,
        { userId, readAt: IsNull(), ...(ids?.length ? { id: In(ids) } : {}) },
        { readAt: new Date() },
      ),
    );
  }
}
