import { View } from '@tarojs/components';
import { ApiError } from '@redvest/api-client';
import './InlineRetry.scss';

/** A part of a form failed to load (its choices): say why, in a line to tap to load it again. */
export function InlineRetry({ error, onRetry }: { error: ApiError | Error; onRetry: () => void }) {
  return (
    <View className="rv-inline-retry" role="button" onClick={onRetry}>
      {error.message}（点此重试）
    </View>
  );
}
