import { act, fireEvent } from '@testing-library/react';

/** The first element matching `selector` (a list's cards, say) whose text includes `text`. */
export function findByTextIn(selector: string, text: string): HTMLElement {
  const found = [...document.querySelectorAll<HTMLElement>(selector)].find((node) =>
    node.textContent?.includes(text),
  );
  if (!found) throw new Error(`no ${selector} with ${text}`);
  return found;
}

/** Clicks, then lets React apply what the click set off (state, effects, answered requests). */
export async function click(element: HTMLElement): Promise<void> {
  await act(async () => {
    fireEvent.click(element);
  });
}
