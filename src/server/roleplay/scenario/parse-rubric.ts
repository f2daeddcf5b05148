import { normaliseFrench } from '../rubric/normalise-french.ts';
import { DEFAULT_RUBRIC_PASS } from './defaults.ts';
import { isMap, type FieldReader, type Path } from './field-reader.ts';
import type { Rubric, RubricElement } from './types.ts';

const RUBRIC_KEYS = ['required', 'avoid', 'politeness', 'minWords', 'maxWords', 'pass'] as const;
const ELEMENT_KEYS = ['label', 'anyOf'] as const;

export function parseRubric(reader: FieldReader, value: unknown, path: Path): Rubric | undefined {
  const obj = reader.map(value, path, 'rubric');
  if (!obj) return undefined;
  reader.onlyKeys(obj, RUBRIC_KEYS, path);
  const required = parseRequired(reader, obj.required, [...path, 'required']);
  const avoid = checkTerms(reader, reader.textList(obj, 'avoid', path), [...path, 'avoid']);
  const politeness = checkTerms(reader, reader.textList(obj, 'politeness', path), [...path, 'politeness']);
  const minWords = reader.number(obj, 'minWords', path, { min: 1, max: 500 });
  const maxWords = reader.number(obj, 'maxWords', path, { min: 1, max: 500 });
  if (minWords !== undefined && maxWords !== undefined && minWords > maxWords) {
    reader.error([...path, 'minWords'], `minWords (${minWords}) dépasse maxWords (${maxWords}).`);
  }
  const clash = avoid.find((term) => required.some((el) => el.anyOf.some((t) => normaliseFrench(t) === normaliseFrench(term))));
  if (clash) reader.error([...path, 'avoid'], `« ${clash} » est à la fois exigé et à éviter.`);
  return {
    required,
    avoid,
    politeness,
    minWords,
    maxWords,
    pass: reader.number(obj, 'pass', path, { min: 1, max: 100 }) ?? DEFAULT_RUBRIC_PASS,
  };
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
      const anyOf = checkTerms(reader, reader.textList(item, 'anyOf', itemPath), itemPath);
      if (anyOf.length === 0) reader.error(itemPath, 'élément attendu sans expression (anyOf vide).');
      return [{ label: reader.text(item, 'label', itemPath, { required: false }) ?? anyOf[0] ?? '', anyOf }];
    }
    reader.error(itemPath, 'élément attendu mal formé : un texte, une liste de synonymes, ou { label, anyOf }.');
    return [];
  });
}

/** An expression that normalises to nothing (only punctuation) could never match. */
function checkTerms(reader: FieldReader, terms: string[], path: Path): string[] {
  for (const term of terms) {
    if (normaliseFrench(term) === '') reader.error(path, `expression vide après normalisation : « ${term} ».`);
  }
  return terms;
}
