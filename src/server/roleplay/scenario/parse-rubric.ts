import { compilePhrase } from '../rubric/find-phrase.ts';
import { DEFAULT_RUBRIC_PASS } from './defaults.ts';
import { isMap, type FieldReader, type Path, type YamlMap } from './field-reader.ts';
import type { ForbiddenConcept, Rubric, RubricElement } from './types.ts';

const RUBRIC_KEYS = ['required', 'forbidden', 'avoid', 'politeness', 'minWords', 'maxWords', 'pass'] as const;
const ELEMENT_KEYS = ['label', 'anyOf'] as const;
const FORBIDDEN_KEYS = ['label', 'anyOf', 'blocking', 'tag'] as const;

export function parseRubric(reader: FieldReader, value: unknown, path: Path): Rubric | undefined {
  const obj = reader.map(value, path, 'rubric');
  if (!obj) return undefined;
  reader.onlyKeys(obj, RUBRIC_KEYS, path);
  const required = parseRequired(reader, obj.required, [...path, 'required']);
  const forbidden = parseForbidden(reader, obj.forbidden, [...path, 'forbidden']);
  const avoid = checkTerms(reader, reader.textList(obj, 'avoid', path), [...path, 'avoid']);
  const politeness = checkTerms(reader, reader.textList(obj, 'politeness', path), [...path, 'politeness']);
  const minWords = reader.number(obj, 'minWords', path, { min: 1, max: 500 });
  const maxWords = reader.number(obj, 'maxWords', path, { min: 1, max: 500 });
  if (minWords !== undefined && maxWords !== undefined && minWords > maxWords) {
    reader.error([...path, 'minWords'], `minWords (${minWords}) dépasse maxWords (${maxWords}).`);
  }
  const wanted = required.flatMap((el) => el.anyOf);
  const clash = [...avoid, ...forbidden.flatMap((el) => el.anyOf)].find((term) => wanted.some((t) => sameExpression(t, term)));
  if (clash) reader.error([...path, 'avoid'], `« ${clash} » est à la fois exigé et à éviter.`);
  return {
    required,
    forbidden,
    avoid,
    politeness,
    minWords,
    maxWords,
    pass: reader.number(obj, 'pass', path, { min: 1, max: 100 }) ?? DEFAULT_RUBRIC_PASS,
  };
}

function sameExpression(a: string, b: string): boolean {
  const key = (text: string) => compilePhrase(text).tokens.map((t) => `${t.negated ? '!' : ''}${t.folded}`).join(' ');
  return key(a) === key(b);
}

function parseRequired(reader: FieldReader, value: unknown, path: Path): RubricElement[] {
  if (!Array.isArray(value) || value.length === 0) {
    reader.error(path, 'la grille doit lister au moins un élément attendu (required).');
    return [];
  }
  return value.flatMap((item: unknown, index): RubricElement[] => {
    const itemPath = [...path, index];
    if (typeof item === 'string') return [{ label: item, anyOf: checkTerms(reader, [item], itemPath) }];
    if (Array.isArray(item) && item.length > 0 && item.every((t) => typeof t === 'string')) {
      return [{ label: String(item[0]), anyOf: checkTerms(reader, item as string[], itemPath) }];
    }
    if (isMap(item)) {
      reader.onlyKeys(item, ELEMENT_KEYS, itemPath);
      return [parseElement(reader, item, itemPath)];
    }
    reader.error(itemPath, 'élément attendu mal formé : un texte, une liste de synonymes, ou { label, anyOf }.');
    return [];
  });
}

function parseElement(reader: FieldReader, item: YamlMap, path: Path): RubricElement {
  const anyOf = checkTerms(reader, reader.textList(item, 'anyOf', path), path);
  if (anyOf.length === 0) reader.error(path, 'élément sans expression (anyOf vide).');
  return { label: reader.text(item, 'label', path, { required: false }) ?? anyOf[0] ?? '', anyOf };
}

/** `forbidden: [{ label, anyOf, blocking: true, tag: divulgation }]`. */
function parseForbidden(reader: FieldReader, value: unknown, path: Path): ForbiddenConcept[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    reader.error(path, '« forbidden » doit être une liste de { label, anyOf, blocking, tag }.');
    return [];
  }
  return value.flatMap((item: unknown, index): ForbiddenConcept[] => {
    const itemPath = [...path, index];
    if (!isMap(item)) {
      reader.error(itemPath, 'concept interdit mal formé : { label, anyOf, blocking, tag } est attendu.');
      return [];
    }
    reader.onlyKeys(item, FORBIDDEN_KEYS, itemPath);
    if (item.blocking !== undefined && typeof item.blocking !== 'boolean') reader.error([...itemPath, 'blocking'], '« blocking » doit valoir true ou false.');
    // The tag names the kind of fault, as options' tags do ("divulgation", "promesse intenable").
    const tag = reader.text(item, 'tag', itemPath, { required: false });
    return [{ ...parseElement(reader, item, itemPath), blocking: item.blocking === true, ...(tag ? { tag } : {}) }];
  });
}

/** An expression with no word left once read (only punctuation, only "ne … pas") could never match. */
function checkTerms(reader: FieldReader, terms: string[], path: Path): string[] {
  for (const term of terms) {
    if (compilePhrase(term).tokens.length === 0) reader.error(path, `expression vide après normalisation : « ${term} ».`);
  }
  return terms;
}
