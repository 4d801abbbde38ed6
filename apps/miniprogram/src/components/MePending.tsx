import { AsyncState } from '../hooks/useAsync';
import { Page } from './Page';
import { ErrorState, LoadingState } from './states';

/**
 * The whole page until the caller's profile (`useMe`) is in: why it failed, with 重试, or else the loading
 * state. Pages use it as `if (me.error || !me.data) return <MePending me={me} />`.
 */
export function MePending({ me }: { me: Pick<AsyncState<unknown>, 'error' | 'reload'> }) {
  return <Page>{me.error ? <ErrorState error={me.error} onRetry={me.reload} /> : <LoadingState />}</Page>;
}
