import { parseDocument, isMap, isSeq, stringify } from 'yaml';

export interface ModuleMetadata {
  id: string;
  title: string;
  summary: string;
  durationMinutes: number;
  level: 'débutant' | 'intermédiaire' | 'avancé';
  competencies: string[];
}

export interface NewItem {
  id: string;
  type: string;
  title: string;
  file: string;
  competencies: string[];
}

/** module.yaml of a new module, with no items yet. */
export function newModuleYaml(meta: ModuleMetadata): string {
  return stringify({ id: meta.id, title: meta.title, summary: meta.summary, duration_minutes: meta.durationMinutes, level: meta.level, competencies: meta.competencies, items: [] });
}

/** The form's current values, read from module.yaml as far as it can be read. */
export function readMetadata(text: string): Partial<ModuleMetadata> {
  const doc = parseDocument(text);
  const data: unknown = doc.toJS();
  if (!data || typeof data !== 'object') return {};
  const o = data as Record<string, unknown>;
  return {
    ...(typeof o.id === 'string' ? { id: o.id } : {}),
    ...(typeof o.title === 'string' ? { title: o.title } : {}),
    ...(typeof o.summary === 'string' ? { summary: o.summary } : {}),
    ...(typeof o.duration_minutes === 'number' ? { durationMinutes: o.duration_minutes } : {}),
    ...(o.level === 'débutant' || o.level === 'intermédiaire' || o.level === 'avancé' ? { level: o.level } : {}),
    ...(Array.isArray(o.competencies) ? { competencies: o.competencies.filter((c): c is string => typeof c === 'string') } : {}),
  };
}

/** Items listed in module.yaml (what can be read of them). */
export function readItems(text: string): Array<{ id: string; type: string; title: string; file: string }> {
  const data: unknown = parseDocument(text).toJS();
  const items = data && typeof data === 'object' ? (data as Record<string, unknown>).items : undefined;
  if (!Array.isArray(items)) return [];
  return items.map((it: unknown) => {
    const o = (it && typeof it === 'object' ? it : {}) as Record<string, unknown>;
    const s = (v: unknown) => (typeof v === 'string' ? v : '');
    return { id: s(o.id), type: s(o.type), title: s(o.title), file: s(o.file) };
  });
}

/**
 * Rewrites the metadata fields of module.yaml, keeping its items and comments. Returns null
 * when the file is not a YAML map (the trainer fixes it in the text editor first).
 */
export function setMetadata(text: string, meta: Omit<ModuleMetadata, 'id'>): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  doc.set('title', meta.title);
  doc.set('summary', meta.summary);
  doc.set('duration_minutes', meta.durationMinutes);
  doc.set('level', meta.level);
  doc.set('competencies', doc.createNode(meta.competencies, { flow: true }));
  return doc.toString();
}

/** Appends an item to module.yaml; null when the file cannot take it (not a map, items not a list). */
export function appendItem(text: string, item: NewItem): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const items = doc.get('items');
  const node = doc.createNode({ id: item.id, type: item.type, title: item.title, file: item.file, competencies: item.competencies });
  if (items === undefined || items === null || (isSeq(items) && items.items.length === 0)) doc.set('items', doc.createNode([]));
  const seq = doc.get('items');
  if (!isSeq(seq)) return null;
  seq.add(node);
  return doc.toString();
}
