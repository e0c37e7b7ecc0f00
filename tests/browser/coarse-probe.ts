/**
 * In-page probe for the coarse-count tests (serialised by Playwright, so self-contained): every
 * labelled count element with its label as painted, and whether its own number is painted.
 */
export interface LabelState {
  metric: string;
  /** The label as its `::before` shows it, or null when no label is painted. */
  painted: string | null;
  /** Whether the element's own number is visible. */
  numberVisible: boolean;
}

export function labelStates(): LabelState[] {
  const roots: (Document | ShadowRoot)[] = [document];
  for (const el of document.querySelectorAll('*')) if (el.shadowRoot) roots.push(el.shadowRoot);
  return roots.flatMap((root) =>
    [...root.querySelectorAll('[data-feedlens-label]')].map((el) => {
      const before = getComputedStyle(el, '::before');
      const shown = before.content !== 'none' && before.content !== 'normal' && before.visibility === 'visible';
      return {
        metric: el.getAttribute('data-feedlens-label-of') ?? '',
        painted: shown ? before.content.replace(/^"|"$/g, '') : null,
        numberVisible: getComputedStyle(el).visibility !== 'hidden',
      };
    }),
  );
}
