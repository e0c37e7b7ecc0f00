/**
 * The detail card as a badge opens it: placed under the badge (above it when there is no room
 * below), in the top layer where the Popover API exists, so no overflow or stacking context of the
 * page can clip it. The badge's box is read once on opening, then at most once per frame while the
 * page scrolls, and only while the card is open. Mounted into the badge's shadow root on opening
 * and unmounted on closing: closed badges carry no Preact tree at all.
 */
import { render } from 'preact';
import { useLayoutEffect, useRef } from 'preact/hooks';
import type { CardProps, CardRenderer } from '@/lib/overlay/card';
import { addCardStyles } from './card-css';
import { DetailCard } from './DetailCard';

const CARD_WIDTH = 300;
const GAP = 6;

function CardLayer(props: CardProps) {
  const card = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = card.current;
    if (!el) return;
    const popover = el as HTMLElement & { showPopover?: () => void };
    if (typeof popover.showPopover === 'function') {
      el.setAttribute('popover', 'manual');
      try {
        popover.showPopover();
      } catch {
        // Already shown, or not connected: it is still a fixed element placed below.
      }
    }
    const view = el.ownerDocument.defaultView;
    let frame = 0;
    const place = () => {
      frame = 0;
      if (!view) return;
      const box = props.anchor.getBoundingClientRect();
      const height = el.offsetHeight;
      const above = box.top - GAP - height;
      const top = box.bottom + GAP + height > view.innerHeight && above >= 0 ? above : box.bottom + GAP;
      el.style.top = `${Math.round(top)}px`;
      el.style.left = `${Math.round(Math.max(8, Math.min(box.left, view.innerWidth - CARD_WIDTH - 8)))}px`;
    };
    const later = () => {
      if (!frame && view) frame = view.requestAnimationFrame(place);
    };
    place();
    el.focus();
    view?.addEventListener('scroll', later, { capture: true, passive: true });
    view?.addEventListener('resize', later, { passive: true });
    return () => {
      if (frame) view?.cancelAnimationFrame(frame);
      view?.removeEventListener('scroll', later, { capture: true });
      view?.removeEventListener('resize', later);
    };
    // Placed once per opening; the anchor never changes while open.
  }, []);
  return (
    <div class="fl" data-theme={props.theme}>
      <DetailCard
        containerRef={card}
        data={props.data}
        now={props.now}
        loadHistory={props.loadHistory}
        onClose={props.onClose}
      />
    </div>
  );
}

/** Opens (or updates) the card in `mount`, or closes it with null. */
export const renderCard: CardRenderer = (mount, props) => {
  if (props) addCardStyles(mount);
  render(props ? <CardLayer {...props} /> : null, mount);
};
