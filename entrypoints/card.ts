import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { renderCard } from '@/components/overlay/CardLayer';
import { CARD_RENDERER_KEY } from '@/lib/overlay/card-loader';

// Injected by the background into a tab's frame when its first card opens (lib/overlay/card-loader.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[CARD_RENDERER_KEY] = renderCard;
});
