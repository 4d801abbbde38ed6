import { ReactNode } from 'react';
import Taro from '@tarojs/taro';
import { api } from '../../services/api';
import { showModal } from '../../services/modal';
import { toApiError, useAsync } from '../../hooks/useAsync';
import { BigButton } from './BigButton';

/**
 * 联系包户党员: the leader of the group that looks after the resident's household. A call when they chose to show
 * their number to their households, else 请他联系我 (they are told); nothing at all where no group is assigned.
 */
export function ContactMemberButton({ cid, icon }: { cid: string; icon: ReactNode }) {
  const contact = useAsync(() => api.contact.myContactMember(cid), [cid]);
  const member = contact.data?.member;
  if (!member) return null;

  const call = () => void Taro.makePhoneCall({ phoneNumber: member.phone ?? '' }).catch(() => undefined);
  const askToBeCalled = async () => {
    const { confirm } = await showModal({
      title: '请他联系我',
      content: `告诉包户党员${member.name}，请他给您打电话或上门？`,
      confirmText: '告诉他',
      cancelText: '先不用',
    });
    if (!confirm) return;
    try {
      await api.contact.callMe(cid);
      await showModal({
        title: '已经告诉他了',
        content: `${member.name}会尽快联系您，请留意电话。`,
        showCancel: false,
      });
    } catch (error) {
      await showModal({ title: '没有告诉成功', content: toApiError(error).message, showCancel: false });
    }
  };

  return (
    <BigButton
      icon={icon}
      title="联系包户党员"
      note={member.phone ? `给${member.name}打电话` : `请${member.name}联系我`}
      onClick={member.phone ? call : () => void askToBeCalled()}
    />
  );
}
