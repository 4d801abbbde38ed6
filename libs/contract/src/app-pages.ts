/**
 * Mini-program pages the server links to: WeChat opens them from a subscribe message or a scanned mini-program
 * code, so their paths are part of the contract. Written as WeChat wants them, without a leading slash.
 */
export const APP_PAGES = {
  home: 'pages/home/index',
  /** 扫码: a WeChat mini-program code of an activity opens it with the check-in token in `scene`. */
  scan: 'pages/scan/index',
  /** 心愿详情, with `?id=` the wish. */
  wish: 'pages-wishes/detail',
  /** 查验志愿服务证明, with `?code=` the certificate's code: the link printed on the certificate; no login needed. */
  verifyCertificate: 'pages-activities/verify',
} as const;
