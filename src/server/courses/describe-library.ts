import type { ItemType, ModuleVersion } from './format/types.ts';

const NOUNS: Record<ItemType, [string, string]> = {
  lesson: ['leçon', 'leçons'],
  quiz: ['quiz', 'quiz'],
  exercise: ['exercice', 'exercices'],
  roleplay: ['jeu de rôle', 'jeux de rôle'],
};

/** The summary courses:check prints when everything is valid: one line per module. */
export function describeLibrary(modules: readonly ModuleVersion[]): string[] {
  const lines = modules.map((m) => {
    const counts = (Object.keys(NOUNS) as ItemType[])
      .map((type) => [type, m.items.filter((i) => i.type === type).length] as const)
      .filter(([, n]) => n > 0)
      .map(([type, n]) => `${n} ${NOUNS[type][n > 1 ? 1 : 0]}`);
    return `  ${m.id} : ${counts.join(', ')} (empreinte ${m.contentHash.slice(0, 12)})`;
  });
  return [`OK : ${modules.length} module(s) valide(s).`, ...lines];
}
