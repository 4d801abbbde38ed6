import Taro from '@tarojs/taro';
import { View, Text } from '@tarojs/components';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { ArrowRight } from '@nutui/icons-react-taro';
import { useAsync, usePullToRefresh, useShownAgain } from '../../hooks/useAsync';
import { api } from '../../services/api';
import { MESSAGES_PAGE } from '../../services/routes';
import './wishes.scss';

/** 消息 on 我的: how many messages wait unread (a red count), opening the inbox. */
export function WishInboxCell() {
  const inbox = useAsync(() => api.notifications.inbox({ limit: 1 }), []);
  useShownAgain(() => void inbox.reload());
  usePullToRefresh(inbox.reload);
  const unread = inbox.data?.unread ?? 0;
  return (
    <CellGroup className="wish-inbox">
      <Cell
        title="消息"
        description="心愿的审核、认领和完成通知"
        align="center"
        clickable
        extra={
          <View className="wish-inbox__extra">
            {unread ? (
              <Text className="wish-inbox__count" aria-label={`${unread} 条未读`}>
                {unread > 99 ? '99+' : unread}
              </Text>
            ) : null}
            <ArrowRight size={16} />
          </View>
        }
        onClick={() => void Taro.navigateTo({ url: MESSAGES_PAGE })}
      />
    </CellGroup>
  );
}
