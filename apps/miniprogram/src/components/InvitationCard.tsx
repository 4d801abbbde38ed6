import { useState } from 'react';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { InvitationView, ROLE_LABELS } from '@redvest/contract';
import { toApiError } from '../hooks/useAsync';
import { api } from '../services/api';
import { formatDate } from '../services/format';
import './InvitationCard.scss';
import { showModal } from '../services/modal';
import { showToast } from '../services/toast';

/**
 * 社区邀请: a secretary asked the user to join with these roles. Nothing happens until the user answers;
 * both answers are confirmed first. An invitation the community withdrew, or one overtaken meanwhile, is
 * explained and the list shown as it is now (`onStale`).
 */
export function InvitationCard({
  invitation,
  onAnswered,
  onStale,
}: {
  invitation: InvitationView;
  onAnswered: (answered: InvitationView) => void;
  onStale: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const roles = invitation.roles.map((role) => ROLE_LABELS[role]).join('、');

  const answer = async (accept: boolean) => {
    if (busy) return;
    const { confirm } = await showModal({
      title: accept ? `加入${invitation.communityName}` : '拒绝邀请',
      content: accept
        ? `同意后您将以${roles}的身份成为${invitation.communityName}的成员，社区工作人员可以看到您的微信昵称。`
        : `拒绝后您不会加入${invitation.communityName}，社区不会得到您的任何信息。`,
      confirmText: accept ? '同意加入' : '拒绝',
      cancelText: '再想想',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      const answered = accept
        ? await api.invitations.accept(invitation.id)
        : await api.invitations.decline(invitation.id);
      void showToast({ title: accept ? '已加入社区' : '已拒绝', icon: 'success' });
      onAnswered(answered);
    } catch (caught) {
      const error = toApiError(caught);
      await showModal({
        title: accept ? '没有加入' : '没有拒绝',
        content: error.message,
        showCancel: false,
      });
      // 409: answered, withdrawn or overtaken meanwhile, or its inviter may no longer invite.
      if (error.status === 409) onStale();
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="rv-card invitation-card">
      <Text className="invitation-card__title">{invitation.communityName}邀请您加入</Text>
      <Text className="invitation-card__text">
        {invitation.invitedBy || '社区工作人员'}邀请您以{roles}的身份加入
        {invitation.employer ? `（原单位：${invitation.employer}）` : ''}。
      </Text>
      <Text className="rv-muted">邀请时间：{formatDate(invitation.createdAt)}</Text>
      <View className="rv-actions">
        <Button type="primary" size="large" loading={busy} onClick={() => void answer(true)}>
          同意加入
        </Button>
        <Button size="large" disabled={busy} onClick={() => void answer(false)}>
          拒绝
        </Button>
      </View>
    </View>
  );
}
