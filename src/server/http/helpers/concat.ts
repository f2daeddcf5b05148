/** {{t (concat "accounts.roles." role)}}: joins its arguments, to build catalogue keys. */
export function concat(...args: unknown[]): string {
  return args.slice(0, -1).map(String).join('');
}
