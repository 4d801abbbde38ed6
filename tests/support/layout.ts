import { Locator } from 'playwright-core';

/** Where a text box and what follows it are on screen (CSS pixels), to check that its text stays inside. */
export interface TextBoxLayout {
  /** The bottom of the native textarea, of the outlined box around it, and the top of the counter under it. */
  textBottom: number;
  boxBottom: number;
  footTop: number;
  /** The top of the first element laid out after the text box (a hint, the next field, the next card). */
  nextTop: number | null;
  /** The text is taller than the box and the box does not scroll: it would show over what follows. */
  spills: boolean;
  /** The outline's width and colour. */
  border: string;
}

/** Measures a TextBox (`.rv-textbox`). */
export function textBoxLayout(textBox: Locator): Promise<TextBoxLayout> {
  return textBox.evaluate((wrapper) => {
    const area = wrapper.querySelector('textarea')!;
    const box = wrapper.querySelector('.nut-textarea')!;
    const foot = wrapper.querySelector('.rv-textbox__foot')!;
    let next: Element | null = null;
    for (let at: Element | null = wrapper; at && !next; at = at.parentElement) {
      for (let sibling = at.nextElementSibling; sibling; sibling = sibling.nextElementSibling) {
        if (sibling.getBoundingClientRect().height > 0) {
          next = sibling;
          break;
        }
      }
    }
    const overflow = getComputedStyle(area).overflowY;
    const style = getComputedStyle(box);
    return {
      textBottom: area.getBoundingClientRect().bottom,
      boxBottom: box.getBoundingClientRect().bottom,
      footTop: foot.getBoundingClientRect().top,
      nextTop: next ? next.getBoundingClientRect().top : null,
      spills: area.scrollHeight > area.clientHeight + 1 && !['auto', 'scroll'].includes(overflow),
      border: `${style.borderTopWidth} ${style.borderTopStyle} ${style.borderTopColor}`,
    };
  });
}

/** Fails unless the text box's text stays inside its box, above its counter and above what follows. */
export async function expectTextInsideItsBox(textBox: Locator): Promise<TextBoxLayout> {
  const layout = await textBoxLayout(textBox);
  expect(layout.spills).toBe(false);
  expect(layout.textBottom).toBeLessThanOrEqual(layout.boxBottom + 0.5);
  expect(layout.boxBottom).toBeLessThanOrEqual(layout.footTop + 0.5);
  if (layout.nextTop !== null) expect(layout.boxBottom).toBeLessThanOrEqual(layout.nextTop + 0.5);
  // A visible outline: at least 1px, solid, not the ground's colour.
  expect(layout.border).toMatch(/^1px solid rgb\(140, 144, 153\)$|^1px solid rgb\(200, 22, 29\)$/);
  return layout;
}

/** The height of each element (CSS pixels), by its text. */
export function heights(targets: Locator): Promise<{ text: string; height: number }[]> {
  return targets.evaluateAll((elements) =>
    elements.map((element) => ({
      text: (element.textContent ?? '').trim(),
      height: element.getBoundingClientRect().height,
    })),
  );
}

/** Each element's text, how many lines it is drawn on, and whether it stays inside its own box. */
export function textLines(targets: Locator): Promise<{ text: string; lines: number; inside: boolean }[]> {
  return targets.evaluateAll((elements) =>
    elements.map((element) => {
      const range = document.createRange();
      range.selectNodeContents(element);
      const tops = new Set(Array.from(range.getClientRects(), (r) => Math.round(r.top)));
      return {
        text: (element.textContent ?? '').trim(),
        lines: tops.size,
        inside: element.scrollWidth <= element.clientWidth + 1,
      };
    }),
  );
}
