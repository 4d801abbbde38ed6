import { View, Text } from '@tarojs/components';
import { WishEventView } from '@redvest/contract';
import { maskName } from '@redvest/domain';
import { formatDateTime } from '../../services/format';
import './wishes.scss';

/** What the resident who wished does; the posting is theirs unless a secretary posted it for them (代发). */
function byAuthor(event: WishEventView, postedForResident: boolean): boolean {
  if (event.action === 'post') return !postedForResident;
  return event.action === 'confirm' || event.action === 'dispute' || event.action === 'cancel';
}

/**
 * The wish's progress as a vertical line, the latest step on top (as parcel tracking shows it). Someone who sees
 * the resident's name masked on the wish sees it masked here too (`maskAuthor`).
 */
export function WishTimeline({
  events,
  maskAuthor = false,
  postedForResident = false,
}: {
  events: WishEventView[];
  maskAuthor?: boolean;
  postedForResident?: boolean;
}) {
  const latestFirst = [...events]
    .reverse()
    .map((event) =>
      maskAuthor && event.actorName && byAuthor(event, postedForResident)
        ? { ...event, actorName: maskName(event.actorName) }
        : event,
    );
  return (
    <View className="wish-timeline">
      {latestFirst.map((event, index) => (
        <View
          key={`${event.at}-${event.action}-${index}`}
          className={`wish-timeline__item${index === 0 ? ' wish-timeline__item--latest' : ''}`}
        >
          <View className="wish-timeline__rail">
            <View className="wish-timeline__dot" />
            {index < latestFirst.length - 1 ? <View className="wish-timeline__line" /> : null}
          </View>
          <View className="wish-timeline__body">
            <View className="wish-timeline__head">
              <Text className="wish-timeline__label">{event.label}</Text>
              {event.actorName ? <Text className="wish-timeline__actor">{event.actorName}</Text> : null}
            </View>
            {event.note ? <Text className="wish-timeline__note">{event.note}</Text> : null}
            <Text className="wish-timeline__time">{formatDateTime(event.at)}</Text>
          </View>
        </View>
      ))}
    </View>
  );
}
