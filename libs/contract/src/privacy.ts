/** The privacy notice a user agrees to before any personal data is asked for (WeChat requires it). */
export const PRIVACY_NOTICE_VERSION = '2026-11';
