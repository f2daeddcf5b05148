/**
 * Activity IRIs are stable across course versions: they are built from the module id and the
 * item id only (never from the version), under the instance's base URL.
 */
export interface ActivityIds {
  programme(): string;
  module(moduleId: string): string;
  item(moduleId: string, itemId: string): string;
  /** A page of a lesson, a question of a quiz, a field of an exercise or a node of a role-play. */
  part(moduleId: string, itemId: string, partId: string): string;
  /** An issued certificate (its registry id). */
  certificate(certificateId: string): string;
}

const seg = (s: string) => encodeURIComponent(s);

export function activityIds(baseUrl: string): ActivityIds {
  const root = `${baseUrl.replace(/\/+$/, '')}/xapi/activities`;
  return {
    programme: () => `${root}/programme/conseiller-relation-client`,
    module: (moduleId) => `${root}/modules/${seg(moduleId)}`,
    item: (moduleId, itemId) => `${root}/modules/${seg(moduleId)}/items/${seg(itemId)}`,
    part: (moduleId, itemId, partId) => `${root}/modules/${seg(moduleId)}/items/${seg(itemId)}/${seg(partId)}`,
    certificate: (certificateId) => `${root}/certificates/${seg(certificateId)}`,
  };
}

/** Reads a module id and item id back from an item (or part) IRI of this instance; null if foreign. */
export function parseItemActivityId(baseUrl: string, iri: string): { moduleId: string; itemId: string; partId?: string } | null {
  const prefix = `${baseUrl.replace(/\/+$/, '')}/xapi/activities/modules/`;
  if (!iri.startsWith(prefix)) return null;
  const [moduleId, itemsWord, itemId, partId, ...rest] = iri.slice(prefix.length).split('/');
  if (itemsWord !== 'items' || !moduleId || !itemId || rest.length > 0) return null;
  return { moduleId: decodeURIComponent(moduleId), itemId: decodeURIComponent(itemId), ...(partId ? { partId: decodeURIComponent(partId) } : {}) };
}
