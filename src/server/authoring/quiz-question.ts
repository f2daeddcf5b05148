import { isMap, isSeq, parseDocument } from 'yaml';

export interface SingleChoiceQuestion {
  id: string;
  prompt: string;
  right: { text: string; feedback: string };
  wrong: Array<{ text: string; feedback: string }>;
}

/**
 * Appends a single-choice question to a quiz file, keeping the rest of it (and its comments).
 * Null when the file is not a quiz map with a `questions` list.
 */
export function appendQuestion(text: string, q: SingleChoiceQuestion): string | null {
  const doc = parseDocument(text);
  if (doc.errors.length > 0 || !isMap(doc.contents)) return null;
  const questions = doc.get('questions');
  if (!isSeq(questions)) return null;
  questions.add(
    doc.createNode({
      id: q.id,
      type: 'single_choice',
      prompt: q.prompt,
      choices: [{ text: q.right.text, correct: true, feedback: q.right.feedback }, ...q.wrong.map((w) => ({ text: w.text, feedback: w.feedback }))],
    }),
  );
  return doc.toString();
}
