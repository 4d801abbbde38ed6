import { WishCategory } from '@redvest/contract';
import { Db } from '../database/db';
import { User } from '../users/user.entity';
import { WishPosting } from '../wishes/wish-posting';
import { WishesService } from '../wishes/wishes.service';
import { demoAccess } from './demo-access';

type Step = 'published' | 'claimed' | 'confirmed' | 'pending';

const DEMO_WISHES: {
  title: string;
  description: string;
  category: WishCategory;
  step: Step;
  claimer?: string;
  thanks?: string;
  onBehalf?: boolean;
}[] = [
  {
    title: '陪我去医院复查',
    description: '下周二上午要去区人民医院复查血压，孩子在外地，想请人陪我去，帮忙挂号拿药。',
    category: '医疗健康',
    step: 'confirmed',
    claimer: 'demo-member-1',
    thanks: '谢谢张同志，耐心陪我跑了一上午！',
  },
  {
    title: '帮忙在网上做养老资格认证',
    description: '社保的养老资格认证要在手机上刷脸，我不会弄，想请人上门教一下。',
    category: '生活帮扶',
    step: 'claimed',
    claimer: 'demo-member-2',
    onBehalf: true,
  },
  {
    title: '轮椅刹车坏了，想请人修一下',
    description: '老伴的轮椅左边刹车松了，推上坡很危险，想请会修的志愿者帮忙看看。',
    category: '维修服务',
    step: 'published',
  },
  {
    title: '想学用手机和孙子视频',
    description: '孙子在外地读书，想学会用微信视频通话，最好能多教几次。',
    category: '文化娱乐',
    step: 'published',
  },
  {
    title: '厨房水龙头一直滴水',
    description: '厨房的水龙头关不紧，一晚上能滴半桶水，想请人帮忙换个阀芯。',
    category: '维修服务',
    step: 'pending',
  },
];

/** The demo's wish board: one confirmed with a thank-you, one claimed, two waiting for a claim, one for review. */
export async function seedDemoWishes(
  db: Db,
  posting: WishPosting,
  wishes: WishesService,
  communityId: string,
  users: Map<string, User>,
): Promise<void> {
  const access = (openid: string) => demoAccess(db, communityId, users.get(openid)!.id);
  const [resident, secretary] = [users.get('demo-resident')!, users.get('demo-secretary')!];
  for (const wish of DEMO_WISHES) {
    const body = { title: wish.title, description: wish.description, category: wish.category };
    const posted = wish.onBehalf
      ? await posting.post(await access('demo-secretary'), secretary, { ...body, onBehalfOf: resident.id })
      : await posting.post(await access('demo-resident'), resident, body);
    if (wish.step === 'pending') continue;
    if (!wish.onBehalf) await wishes.act(await access('demo-secretary'), secretary, posted.id, 'publish');
    if (!wish.claimer) continue;
    const claimer = users.get(wish.claimer)!;
    await wishes.act(await access(wish.claimer), claimer, posted.id, 'claim', { onBehalfOfEmployer: true });
    if (wish.step !== 'confirmed') continue;
    await wishes.act(await access(wish.claimer), claimer, posted.id, 'fulfil', {
      fulfil: { note: '已陪同就诊，药已取回并交代了服用方法。' },
    });
    await wishes.act(await access('demo-resident'), resident, posted.id, 'confirm', {
      confirm: { rating: 5, thanks: wish.thanks },
    });
  }
}
