import { ComponentType } from 'react';
import {
  Designer,
  Health,
  Heart,
  Home,
  Microphone,
  More,
  Repairman,
  ShieldCheck,
} from '@nutui/icons-react-taro';
import { WishAction, WishCategory, WishStatus, WishView } from '@redvest/contract';
import { BadgeTone } from '../Badge';

/** How each category looks on the board and on the posting form: an icon and a colour of its own. */
export const CATEGORY_LOOKS: Record<
  WishCategory,
  { icon: ComponentType<{ size?: number | string; color?: string }>; color: string; tint: string }
> = {
  生活帮扶: { icon: Home, color: '#d9731a', tint: '#fff3e6' },
  助老助残: { icon: Heart, color: '#d4302b', tint: '#fdecec' },
  助学圆梦: { icon: Designer, color: '#2f6fc6', tint: '#eaf1fd' },
  医疗健康: { icon: Health, color: '#1d7f46', tint: '#e7f5ec' },
  维修服务: { icon: Repairman, color: '#7a4cc2', tint: '#f2ecfb' },
  法律咨询: { icon: ShieldCheck, color: '#1a7f7f', tint: '#e3f4f4' },
  文化娱乐: { icon: Microphone, color: '#b7860b', tint: '#fbf4de' },
  其他: { icon: More, color: '#5b5f66', tint: '#eef0f2' },
};

export function CategoryIcon({ category, size = 28 }: { category: WishCategory; size?: number }) {
  const look = CATEGORY_LOOKS[category] ?? CATEGORY_LOOKS['其他'];
  const Icon = look.icon;
  return <Icon size={size} color={look.color} />;
}

export const STATUS_TONES: Record<WishStatus, BadgeTone> = {
  [WishStatus.PendingReview]: 'orange',
  [WishStatus.Published]: 'red',
  [WishStatus.Claimed]: 'blue',
  [WishStatus.Fulfilled]: 'orange',
  [WishStatus.Confirmed]: 'green',
  [WishStatus.Rejected]: 'red',
  [WishStatus.Cancelled]: 'blue',
};

/** The buttons, in the order they are offered: the step forward first, the way back last. */
export const ACTION_ORDER: WishAction[] = [
  'publish',
  'reject',
  'claim',
  'dispatch',
  'fulfil',
  'confirm',
  'confirm_on_behalf',
  'dispute',
  'release',
  'cancel',
];

/** What each button says. The scheduled jobs' actions (expire_claim, auto_confirm) are never offered. */
export const ACTION_BUTTONS: Partial<Record<WishAction, string>> = {
  publish: '审核通过',
  reject: '不通过',
  claim: '认领心愿',
  dispatch: '派单',
  fulfil: '完成心愿',
  confirm: '确认完成',
  confirm_on_behalf: '代居民确认',
  dispute: '有异议',
  release: '放弃认领',
  cancel: '撤回心愿',
};

export const PRIMARY_ACTIONS: ReadonlySet<WishAction> = new Set([
  'publish',
  'claim',
  'fulfil',
  'confirm',
  'confirm_on_behalf',
]);

/** The actions of a wish that get a button, in button order. */
export function buttonActions(wish: WishView): WishAction[] {
  return ACTION_ORDER.filter((action) => wish.actions.includes(action));
}

/** The thank-you letter: for a confirmed wish, to its claimer and to the community's secretaries. */
export function canDownloadLetter(wish: WishView, secretary: boolean): boolean {
  return wish.status === WishStatus.Confirmed && (secretary || wish.claimedByMe);
}

/** One plain sentence on where the wish stands, for the person looking at it. */
export function wishHint(wish: WishView): string | null {
  const author = wish.mine;
  const claimer = wish.claimedByMe;
  const claimerName = wish.claimerName || '认领人';
  switch (wish.status) {
    case WishStatus.PendingReview:
      return author ? '社区正在审核您的心愿，通过后会出现在心愿墙上。' : '这个心愿正在等待社区审核。';
    case WishStatus.Published:
      if (author) return '心愿已发布，正在等待党员、志愿者认领。';
      return wish.actions.includes('claim') ? '认领后可以看到居民的住址和完整电话。' : null;
    case WishStatus.Claimed:
      if (claimer) return '请尽快联系居民，办好后点“完成心愿”。';
      return author ? `${claimerName}已认领您的心愿，会尽快和您联系。` : `${claimerName}已认领这个心愿。`;
    case WishStatus.Fulfilled:
      if (author) return `${claimerName}说心愿已经完成。请您确认；如果还没办好，请点“有异议”。`;
      return claimer ? '已告诉居民心愿完成了，正在等居民确认。' : '认领人已完成，正在等居民确认。';
    case WishStatus.Confirmed:
      if (claimer) {
        return wish.confirmation === 'author'
          ? `居民已确认完成，${wish.points} 积分已经入账。谢谢您！`
          : `心愿已确认完成，${wish.points} 积分经社区审批后入账。谢谢您！`;
      }
      return author ? '心愿已经完成，祝您生活顺心！' : '这个心愿已经完成。';
    case WishStatus.Rejected:
      return `未通过审核${wish.rejectReason ? `：${wish.rejectReason}` : ''}`;
    case WishStatus.Cancelled:
      return '这个心愿已撤回。';
    default:
      return null;
  }
}
