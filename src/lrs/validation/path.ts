/** Builds the JSON paths shown in issues: statement.context.extensions["http://x/y"], member[2]. */
const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** Path of an arbitrary key (language tags, extension IRIs, unknown properties). */
export function keyPath(path: string, key: string): string {
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`;
}

export function indexPath(path: string, index: number): string {
  return `${path}[${index}]`;
}
