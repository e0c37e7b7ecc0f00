import { defineBackground } from 'wxt/utils/define-background';
import { runBackground } from '@/lib/background/main';

export default defineBackground(() => runBackground());
