/** @vitest-environment happy-dom */
import { afterEach, describe, expect, it } from 'vitest';
import { titleWithoutCount, watchTitleCount, type TitleCount } from './title';

/** Mutation observers report after the current task's microtasks. */
const settled = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('the unread count before a tab title', () => {
  it.each([
    ['(3) Home / X', 'Home / X'],
    ['(12) Feed | LinkedIn', 'Feed | LinkedIn'],
    ['(9+) YouTube', 'YouTube'],
    ['(1 234) Facebook', 'Facebook'],
    ['(1.234) Facebook', 'Facebook'],
  ])('"%s" becomes "%s"', (title, expected) => expect(titleWithoutCount(title)).toBe(expected));

  it.each(['Home / X', '(Draft) My post', 'Feed (3) | LinkedIn', '() Home'])('"%s" stays as it is', (title) =>
    expect(titleWithoutCount(title)).toBe(title),
  );
});

describe('watching the title', () => {
  let watch: TitleCount;
  afterEach(() => watch?.stop());

  it('strips the count the site sets, every time it changes, and gives the title back when shown again', async () => {
    document.head.innerHTML = '<title>(3) Home / X</title>';
    watch = watchTitleCount(document);
    watch.setActive(true);
    expect(document.title).toBe('Home / X');

    // A new notification: the site sets the title again.
    document.title = '(4) Home / X';
    await settled();
    expect(document.title).toBe('Home / X');

    // Some apps replace the <title> element itself.
    document.querySelector('title')!.remove();
    const fresh = document.createElement('title');
    fresh.textContent = '(5) Notifications / X';
    document.head.append(fresh);
    await settled();
    expect(document.title).toBe('Notifications / X');
    fresh.textContent = '(6) Notifications / X';
    await settled();
    expect(document.title).toBe('Notifications / X');

    watch.setActive(false);
    expect(document.title).toBe('(6) Notifications / X');
    // Shown: the site's counts are left alone.
    document.title = '(7) Notifications / X';
    await settled();
    expect(document.title).toBe('(7) Notifications / X');
  });

  it('leaves a title the page set after ours when notifications are shown again', async () => {
    document.head.innerHTML = '<title>(2) Feed | LinkedIn</title>';
    watch = watchTitleCount(document);
    watch.setActive(true);
    watch.stop();
    document.title = 'Messaging | LinkedIn';
    watch.setActive(false);
    expect(document.title).toBe('Messaging | LinkedIn');
  });
});
