import { PropsWithChildren } from 'react';
import { Tag } from '@nutui/nutui-react-taro';

/**
 * Text colour and tint of each tone: readable on white (darker in 长辈模式, styles/theme.scss), told apart without
 * relying on colour alone (text says it).
 */
const TONES = {
  red: ['var(--rv-brand-text, #c8161d)', '#fdecec'],
  green: ['var(--rv-ok-text, #1a7340)', '#e7f5ec'],
  orange: ['var(--rv-warn-text, #9a5500)', '#fff3e0'],
  blue: ['var(--rv-info-text, #2459b8)', '#eaf1fd'],
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
