/** Builds the JSON paths shown in issues: statement.context.extensions["http://x/y"], member[2]. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

const MAX_KEY_SHOWN = 80;

/** Path of an arbitrary key (language tags, extension IRIs, unknown properties); huge keys are shortened. */
export function keyPath(path: string, key: string): string {
  const shown = key.length > MAX_KEY_SHOWN ? `${key.slice(0, MAX_KEY_SHOWN)}…` : key;
  return IDENTIFIER.test(shown) ? `${path}.${shown}` : `${path}[${JSON.stringify(shown)}]`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
