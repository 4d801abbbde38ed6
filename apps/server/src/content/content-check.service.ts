import { ErrorCode } from '@redvest/contract';
import { Injectable, Logger } from '@nestjs/common';
import { DomainError } from '../common/domain-error';
import { WechatClient } from '../wechat/wechat.client';
import { findSensitiveWord } from './sensitive-words';

/**
 * 内容安全: the local word list always, and WeChat's msgSecCheck when an app id is configured. A refused
 * text says which field and why; WeChat being down does not stop a post (secretaries review every wish).
 */
@Injectable()
export class ContentCheckService {
  private readonly logger = new Logger('ContentCheck');

  constructor(private readonly wechat: WechatClient) {}

  async check(fields: Record<string, string | undefined>, openid: string): Promise<void> {
    for (const [field, text] of Object.entries(fields)) {
      if (!text) continue;
      const word = findSensitiveWord(text);
      if (word) {
        throw new DomainError(
          ErrorCode.ContentRejected,
          { field, word },
          `内容含有不适宜发布的词语“${word}”，请修改后再提交`,
        );
      }
    }
    if (!this.wechat.configured) return;
    const content = Object.values(fields).filter(Boolean).join('\n');
    const verdict = await this.wechat.msgSecCheck(content, openid).catch((error: Error) => {
      this.logger.warn(`msgSecCheck unavailable: ${error.message}`);
      return null;
    });
    if (verdict?.suggest === 'risky') {
      throw new DomainError(
        ErrorCode.ContentRejected,
        { field: 'content', label: verdict.label },
        '内容未通过微信内容安全检测，请修改后再提交',
      );
    }
  }
}
