import { useState } from 'react';
import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ArrowRight, Notice } from '@nutui/icons-react-taro';
import { NotificationView } from '@redvest/contract';
import { Page } from '../components/Page';
import { EmptyState, ErrorState, ListFooter, LoadingState } from '../components/states';
import { toApiError, useShownAgain } from '../hooks/useAsync';
import { useRequireLogin } from '../hooks/useMe';
import { usePagedList } from '../hooks/usePagedList';
import { api } from '../services/api';
import { formatDateTime } from '../services/format';
import { wishPage } from '../services/routes';
import './messages.scss';
import { showToast } from '../services/toast';

/** 消息: what happened to my wishes and claims (reviewed, claimed, done, …); a message opens its wish. */
export default function MessagesPage() {
  useRequireLogin();
  const list = usePagedList<NotificationView>((cursor) => api.notifications.inbox({ cursor, limit: 20 }), []);
  useShownAgain(() => void list.reload());
  const [markingAll, setMarkingAll] = useState(false);
  const unread = list.items.filter((item) => !item.read).length;

  const markLocally = (ids?: string[]) =>
    list.updateItems((items) =>
      items.map((item) => (!ids || ids.includes(item.id) ? { ...item, read: true } : item)),
    );

  const openMessage = (message: NotificationView) => {
    if (!message.read) {
      markLocally([message.id]);
      api.notifications.markRead([message.id]).catch(() => undefined);
    }
    if (message.wishId) void Taro.navigateTo({ url: wishPage(message.wishId) });
  };

  const markAll = async () => {
    if (markingAll) return;
    setMarkingAll(true);
    try {
      await api.notifications.markRead();
      markLocally();
    } catch (error) {
      void showToast({ title: toApiError(error).message, icon: 'none', duration: 3000 });
    } finally {
      setMarkingAll(false);
    }
  };

  const body = () => {
    if (list.loading) return <LoadingState cards={3} rows={1} />;
    if (list.error) return <ErrorState error={list.error} onRetry={list.reload} />;
    if (!list.items.length) {
      return (
        <EmptyState
          icon={<Notice size={48} />}
          title="还没有消息"
          description="心愿审核、认领、完成时，会在这里告诉您。"
        />
      );
    }
    return (
      <>
        {list.items.map((message) => (
          <View
            key={message.id}
            className={`rv-card message-row${message.read ? '' : ' message-row--unread'}`}
            role="button"
            onClick={() => openMessage(message)}
          >
            <View className="message-row__head">
              {message.read ? null : <View className="message-row__dot" aria-label="未读" />}
              <Text className="message-row__title">{message.title}</Text>
              {message.wishId ? <ArrowRight size={16} color="#9a9ea6" /> : null}
            </View>
            <Text className="message-row__body">{message.body}</Text>
            <Text className="message-row__time">{formatDateTime(message.createdAt)}</Text>
          </View>
        ))}
        <ListFooter loading={list.loadingMore} done={!list.hasMore} />
      </>
    );
  };

  return (
    <Page className="messages-page">
      {unread ? (
        <View className="messages-top">
          <Text className="messages-top__count">{unread} 条未读</Text>
          <Button size="small" loading={markingAll} onClick={() => void markAll()}>
            全部标为已读
          </Button>
        </View>
      ) : null}
      {body()}
    </Page>
  );
}
