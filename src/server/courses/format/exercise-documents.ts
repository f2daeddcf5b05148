import type { Exercise, ExerciseDocument } from './types.ts';

/**
 * The documents of an exercise, in the order shown. Versions stored before documents became
 * files have no `documents` list but one inline `document`: both read the same here.
 */
export function exerciseDocuments(exercise: Pick<Exercise, 'documents' | 'document'>): ExerciseDocument[] {
  return (exercise.documents as ExerciseDocument[] | undefined) ?? (exercise.document ? [exercise.document] : []);
}
