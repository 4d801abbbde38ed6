import { PropsWithChildren } from 'react';
import { Tag } from '@nutui/nutui-react-taro';

/** Text colour and tint of each tone: readable on white, told apart without relying on colour alone (text says it). */
const TONES = {
  red: ['#c8161d', '#fdecec'],
  green: ['#1d7f46', '#e7f5ec'],
  orange: ['#a85d00', '#fff3e0'],
  blue: ['#2459b8', '#eaf1fd'],
} as const;

export type BadgeTone = keyof typeof TONES;

/** A small label (status, role) on NutUI's Tag, in one of the app's tones. */
export function Badge({ tone, round, children }: PropsWithChildren<{ tone: BadgeTone; round?: boolean }>) {
  const [text, tint] = TONES[tone];
  return (
    <Tag
      plain
      round={round}
      background={text}
      color={text}
      style={{ backgroundColor: tint }}
      className="rv-badge"
    >
      {children}
    </Tag>
  );
}
