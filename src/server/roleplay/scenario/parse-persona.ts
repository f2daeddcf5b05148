import { DEFAULT_VOICE } from './defaults.ts';
import { isMap, type FieldReader, type Path, type YamlMap } from './field-reader.ts';
import { MOOD_NAMES } from './mood.ts';
import type { Persona, RecordField, Voice } from './types.ts';

const PERSONA_KEYS = ['name', 'situation', 'mood', 'voice', 'record'] as const;
const VOICE_KEYS = ['variant', 'pitch', 'speed'] as const;
const FIELD_KEYS = ['key', 'label', 'value', 'lookup'] as const;
const KEY_PATTERN = /^[a-z][a-zA-Z0-9-]*$/;
/** espeak-ng's stock variants (espeak-ng-data/voices/!v). */
const VOICE_VARIANT = /^(m[1-7]|f[1-5]|klatt[1-6]?|croak|whisper|whisperf)$/;

export function parsePersona(reader: FieldReader, value: unknown): Persona | undefined {
  const path: Path = ['persona'];
  const obj = reader.map(value, path, 'persona');
  if (!obj) return undefined;
  reader.onlyKeys(obj, PERSONA_KEYS, path);
  return {
    name: reader.text(obj, 'name', path, { required: true }) ?? '',
    situation: reader.text(obj, 'situation', path, { required: true }) ?? '',
    mood: parseStartingMood(reader, obj.mood, [...path, 'mood']),
    voice: parseVoice(reader, obj.voice, [...path, 'voice']),
    record: parseRecord(reader, obj.record, [...path, 'record']),
  };
}

export function parseStartingMood(reader: FieldReader, value: unknown, path: Path): number {
  if (value === undefined) return MOOD_NAMES.neutre;
  if (typeof value === 'number' && value >= 0 && value <= 100) return Math.round(value);
  if (typeof value === 'string' && value in MOOD_NAMES) return MOOD_NAMES[value];
  reader.error(path, `humeur de départ invalide : un nombre de 0 à 100 ou ${Object.keys(MOOD_NAMES).join(', ')}.`);
  return MOOD_NAMES.neutre;
}

function parseVoice(reader: FieldReader, value: unknown, path: Path): Voice {
  if (value === undefined) return DEFAULT_VOICE;
  const obj: YamlMap | undefined = typeof value === 'string' ? { variant: value } : reader.map(value, path, 'voice');
  if (!obj) return DEFAULT_VOICE;
  reader.onlyKeys(obj, VOICE_KEYS, path);
  const variant = reader.text(obj, 'variant', path, { required: false }) ?? DEFAULT_VOICE.variant;
  if (!VOICE_VARIANT.test(variant)) {
    reader.error([...path, 'variant'], `variante de voix inconnue « ${variant} » (ex. m1 à m7, f1 à f5).`);
  }
  return {
    variant,
    pitch: reader.number(obj, 'pitch', path, { min: 0, max: 99 }) ?? DEFAULT_VOICE.pitch,
    speed: reader.number(obj, 'speed', path, { min: 80, max: 260 }) ?? DEFAULT_VOICE.speed,
  };
}

function parseRecord(reader: FieldReader, value: unknown, path: Path): RecordField[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    reader.error(path, 'la fiche client (record) doit être une liste de champs.');
    return [];
  }
  const fields: RecordField[] = [];
  value.forEach((item: unknown, index) => {
    const fieldPath = [...path, index];
    if (!isMap(item)) {
      reader.error(fieldPath, 'chaque champ de la fiche client est un bloc { key, label, value }.');
      return;
    }
    reader.onlyKeys(item, FIELD_KEYS, fieldPath);
    const key = reader.text(item, 'key', fieldPath, { required: true }) ?? '';
    if (key && !KEY_PATTERN.test(key)) reader.error([...fieldPath, 'key'], `clé de champ invalide « ${key} » (lettres et chiffres, sans espace).`);
    if (fields.some((f) => f.key === key)) reader.error([...fieldPath, 'key'], `le champ « ${key} » est déjà défini dans la fiche.`);
    if (item.lookup !== undefined && typeof item.lookup !== 'boolean') {
      reader.error([...fieldPath, 'lookup'], '« lookup » vaut true ou false.');
    }
    fields.push({
      key,
      label: reader.text(item, 'label', fieldPath, { required: true }) ?? key,
      value: reader.text(item, 'value', fieldPath, { required: true }) ?? '',
      lookup: item.lookup === true,
    });
  });
  return fields;
}
