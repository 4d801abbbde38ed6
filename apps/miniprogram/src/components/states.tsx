import { PropsWithChildren, ReactNode } from 'react';
import { View, Text } from '@tarojs/components';
import { Button, Empty, Skeleton } from '@nutui/nutui-react-taro';
import { Ask, NetworkError, Tips } from '@nutui/icons-react-taro';
import { ApiError } from '@redvest/api-client';
import './states.scss';

/** A soft round badge holding an icon, instead of pictures fetched from elsewhere (the app works offline). */
function Illustration({ children }: PropsWithChildren) {
  return <View className="rv-state__image">{children}</View>;
}

/** While the first answer is on its way: grey placeholder lines where the content will be. */
export function LoadingState({ rows = 3, cards = 2 }: { rows?: number; cards?: number }) {
  return (
    <View className="rv-loading" aria-busy="true" aria-label="正在加载">
      {Array.from({ length: cards }, (_, index) => (
        <View className="rv-card" key={index}>
          <Skeleton rows={1} width="40%" size="large" />
          <View className="rv-loading__gap" />
          <Skeleton rows={rows} />
        </View>
      ))}
    </View>
  );
}

/** The request failed: say why (the server's message) and offer to try again. */
export function ErrorState({ error, onRetry }: { error: ApiError | Error; onRetry: () => void }) {
  const offline = error instanceof ApiError && error.status === 0;
  return (
    <View className="rv-state rv-state--error" role="alert">
      <Empty
        image={<Illustration>{offline ? <NetworkError size={48} /> : <Tips size={48} />}</Illustration>}
        title={offline ? '网络不给力' : '加载失败'}
        description={error.message}
      />
      <View className="rv-state__action">
        <Button type="primary" size="large" onClick={onRetry}>
          重试
        </Button>
      </View>
    </View>
  );
}

/** Nothing to show yet, with what to do about it. */
export function EmptyState({
  title,
  description,
  icon,
  actionText,
  onAction,
}: {
  title: string;
  icon?: ReactNode;
  description?: string;
  actionText?: string;
  onAction?: () => void;
}) {
  return (
    <View className="rv-state">
      <Empty
        image={<Illustration>{icon ?? <Ask size={48} />}</Illustration>}
        title={title}
        description={description}
      />
      {actionText && onAction ? (
        <View className="rv-state__action">
          <Button type="primary" size="large" onClick={onAction}>
            {actionText}
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** A short line under a list: loading more, or the end. */
export function ListFooter({ loading, done }: { loading: boolean; done: boolean }) {
  return <Text className="rv-list-footer">{loading ? '正在加载…' : done ? '没有更多了' : ''}</Text>;
}
