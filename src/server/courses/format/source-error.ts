/** A problem found in a course source file, located for the author. */
export interface SourceError {
  /** Path of the file, relative to the courses root (e.g. "accueil-appels-entrants/quiz.yaml"). */
  file: string;
  /** 1-based line, when known. */
  line?: number;
  /** French, for trainers: what is wrong and how to fix it. */
  message: string;
}

export function formatSourceError(error: SourceError): string {
  return `${error.file}${error.line ? `:${error.line}` : ''}: ${error.message}`;
}
