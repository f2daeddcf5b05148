import type { ModuleItem, ModuleVersion } from '../../courses/format/types.ts';

export const moduleUrl = (moduleId: string) => `/learner/modules/${encodeURIComponent(moduleId)}`;
export const itemUrl = (moduleId: string, itemId: string) => `${moduleUrl(moduleId)}/items/${encodeURIComponent(itemId)}`;

/** Role-play items are played by call-player. */
export function playerUrl(moduleId: string, item: Pick<ModuleItem, 'id' | 'type'>): string {
  if (item.type === 'roleplay') return `/learner/calls/start?module=${encodeURIComponent(moduleId)}&item=${encodeURIComponent(item.id)}`;
  return itemUrl(moduleId, item.id);
}

/** The "next" button after an item: the next item of the module, or the module page at the end. */
export function nextAfter(module: ModuleVersion, itemId: string): { href: string; label: string; isModule: boolean } {
  const index = module.items.findIndex((i) => i.id === itemId);
  const next = module.items[index + 1];
  if (next) return { href: playerUrl(module.id, next), label: next.title, isModule: false };
  return { href: moduleUrl(module.id), label: module.title, isModule: true };
}

export const ITEM_ICONS: Record<ModuleItem['type'], string> = { lesson: 'book', quiz: 'star', exercise: 'edit', roleplay: 'headset' };
