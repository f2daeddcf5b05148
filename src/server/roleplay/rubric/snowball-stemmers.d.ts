// snowball-stemmers (the Snowball project's stemmers compiled to JavaScript) ships no types;
// the rubric grader only builds the French stemmer and stems single words with it.
declare module 'snowball-stemmers' {
  interface Stemmer {
    stem(word: string): string;
  }
  const snowball: { newStemmer(language: string): Stemmer; algorithms(): string[] };
  export default snowball;
}
