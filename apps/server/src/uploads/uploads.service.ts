import { ErrorCode, MAX_PHOTOS, UploadView, VOICE_LIMITS, VoiceUploadView } from '@redvest/contract';
import { Inject, Injectable } from '@nestjs/common';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { EntityManager, In } from 'typeorm';
import { DomainError } from '../common/domain-error';
import { AppConfig } from '../config/app-config';
import { CONFIG } from '../config/config.module';
import { Db } from '../database/db';
import { newId } from '../database/ids';
import { imageTypeOf } from './image-type';
import { mp3Seconds } from './mp3-duration';
import { OBJECT_STORE, ObjectStore } from './object-store';
import { Upload } from './upload.entity';

export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
/** Photo links stay valid this long; views hand out fresh ones. */
const LINK_LIFETIME_MS = 24 * 3600_000;

/**
 * 上传照片 (JPEG or PNG, at most 5 MB) and 语音留言 (MP3, at most a minute and 1 MB), checked by content;
 * read back through signed links (an <image> or <audio> sends no token).
 */
@Injectable()
export class UploadsService {
  private readonly key: Buffer;

  constructor(
    private readonly db: Db,
    @Inject(OBJECT_STORE) private readonly store: ObjectStore,
    @Inject(CONFIG) config: AppConfig,
  ) {
    this.key = createHmac('sha256', config.appSecret).update('redvest/upload-links/v1').digest();
  }

  async save(ownerId: string, content: Buffer): Promise<UploadView> {
    if (content.length > MAX_PHOTO_BYTES) throw new DomainError(ErrorCode.PhotoTooLarge);
    const contentType = imageTypeOf(content);
    if (!contentType) throw new DomainError(ErrorCode.PhotoTypeNotAllowed);
    const id = await this.keep(
      ownerId,
      content,
      contentType,
      'photos',
      contentType === 'image/png' ? 'png' : 'jpg',
      null,
    );
    return { id, url: this.link(id) };
  }

  /** 语音留言: an MP3 of at most a minute, its length read from its frames (a name or a type can lie). */
  async saveVoice(ownerId: string, content: Buffer): Promise<VoiceUploadView> {
    if (content.length > VOICE_LIMITS.maxBytes) throw new DomainError(ErrorCode.VoiceTooLarge);
    const length = mp3Seconds(content);
    if (length === null) throw new DomainError(ErrorCode.VoiceTypeNotAllowed);
    // The encoder pads a frame or two at each end: a full minute stays a minute.
    const seconds = Math.max(1, Math.round(length));
    if (seconds > VOICE_LIMITS.maxSeconds) throw new DomainError(ErrorCode.VoiceTooLong);
    const id = await this.keep(ownerId, content, 'audio/mpeg', 'voice', 'mp3', seconds);
    return { id, url: this.link(id), seconds };
  }

  /** Photos attached to something must be few and the caller's own uploads. */
  async checkOwned(em: EntityManager, photoIds: string[], ownerId: string): Promise<void> {
    if (photoIds.length > MAX_PHOTOS) throw new DomainError(ErrorCode.TooManyPhotos);
    if (photoIds.length === 0) return;
    const found = await em.count(Upload, { where: { id: In(photoIds), ownerId } });
    if (found !== new Set(photoIds).size) throw new DomainError(ErrorCode.PhotoNotFound);
  }

  /** The bytes of an upload the caller was already found to be allowed (a wish's 语音说明). */
  async content(id: string): Promise<{ contentType: string; content: Buffer }> {
    const upload = await this.db.read((em) => em.findOne(Upload, { where: { id } }));
    const content = upload ? await this.store.get(upload.storageKey) : null;
    if (!upload || !content) throw new DomainError(ErrorCode.NotFound);
    return { contentType: upload.contentType, content };
  }

  /** A link that works without a login until it expires. */
  link(id: string, now = Date.now()): string {
    const expires = Math.floor((now + LINK_LIFETIME_MS) / 1000);
    return `/api/uploads/${id}?e=${expires}&s=${this.sign(id, expires)}`;
  }

  async read(
    id: string,
    expires: string,
    signature: string,
  ): Promise<{ contentType: string; content: Buffer }> {
    const at = Number(expires);
    const expected = Buffer.from(this.sign(id, at));
    const given = Buffer.from(String(signature ?? ''));
    if (
      !Number.isInteger(at) ||
      at * 1000 < Date.now() ||
      given.length !== expected.length ||
      !timingSafeEqual(given, expected)
    ) {
      throw new DomainError(ErrorCode.NotFound);
    }
    return this.content(id);
  }

  private async keep(
    ownerId: string,
    content: Buffer,
    contentType: string,
    folder: string,
    extension: string,
    seconds: number | null,
  ): Promise<string> {
    const id = newId();
    const storageKey = `${folder}/${id.slice(0, 8)}/${id}.${extension}`;
    await this.store.put(storageKey, content);
    await this.db.transaction((em) =>
      em.insert(Upload, {
        id,
        ownerId,
        contentType,
        size: content.length,
        seconds,
        storageKey,
        createdAt: new Date(),
      }),
    );
    return id;
  }

  private sign(id: string, expires: number): string {
    return createHmac('sha256', this.key).update(`${id}.${expires}`).digest('base64url').slice(0, 22);
  }
}
