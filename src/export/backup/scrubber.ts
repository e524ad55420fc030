/*
 * The treatments a sanitised copy gives each field, and the tally of what they did. Records are copied
 * field by field from a whitelist (a Spec names every field of a record type, so the compiler asks for
 * a decision on each new one): a field the Spec does not know is dropped. The same person, team or
 * case gets the same label everywhere in one copy.
 */
import { makeRedactor, type RedactionKind, type Redactor } from './redact';

export interface SanitiseSummary {
  /** Distinct people, and how many times a name was replaced by their label. */
  people: number;
  namesReplaced: number;
  teams: number;
  caseReferences: number;
  /** Known fields that were emptied or removed because they could identify someone. */
  fieldsDropped: number;
  /** Fields this version of the app does not know, dropped because they were not on the whitelist. */
  unknownFieldsDropped: number;
  redactions: Record<RedactionKind, number>;
}

export type Treat<V> = (value: V) => V | undefined;
export type Spec<T> = { readonly [K in keyof T]-?: Treat<Exclude<T[K], undefined>> };

export const keep = <V>(value: V): V => value;

const labelKey = (value: string) => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** Labels "Colleague 1", "Team 1", "Case 1" … in the order values are met, one per distinct value. */
class Labels {
  readonly #labels = new Map<string, string>();
  constructor(private readonly prefix: string) {}
  label(value: string): string {
    const key = labelKey(value);
    let label = this.#labels.get(key);
    if (!label) {
      label = `${this.prefix} ${this.#labels.size + 1}`;
      this.#labels.set(key, label);
    }
    return label;
  }
  get size(): number {
    return this.#labels.size;
  }
}

/**
 * Made twice per copy: first to collect every name and case reference the records hold (so free text
 * anywhere can be searched for them), then, with those, to make the copy.
 */
export class Scrubber {
  readonly names = new Set<string>();
  readonly caseReferencesSeen = new Set<string>();
  readonly #people = new Labels('Colleague');
  readonly #teams = new Labels('Team');
  readonly #cases = new Labels('Case');
  readonly #redact: Redactor | undefined;
  #namesReplaced = 0;
  #fieldsDropped = 0;
  #unknownFieldsDropped = 0;
  readonly #redactions: Record<RedactionKind, number> = {
    caseReference: 0,
    name: 0,
    nhsNumber: 0,
    dateOfBirth: 0,
  };

  constructor(collected?: Scrubber) {
    this.#redact = collected
      ? makeRedactor({ names: collected.names, caseReferences: collected.caseReferencesSeen })
      : undefined;
  }

  readonly person = (name: string): string => {
    if (name.trim() === '') return '';
    this.names.add(name);
    this.#namesReplaced += 1;
    return this.#people.label(name);
  };

  readonly people = (names: string[]): string[] => names.map(this.person);

  readonly team = (team: string): string => (team.trim() === '' ? '' : this.#teams.label(team));

  readonly caseReference = (reference: string): string => {
    if (reference.trim() === '') return '';
    this.caseReferencesSeen.add(reference);
    return this.#cases.label(reference);
  };

  /** Names and references in a list the copy leaves out (a case list), still searched for in text. */
  readonly noteIdentifiers = (entry: { caseReference?: string; worker?: string; auditor?: string }) => {
    if (entry.caseReference) this.caseReferencesSeen.add(entry.caseReference);
    for (const name of [entry.worker, entry.auditor]) if (name) this.names.add(name);
  };

  /** Free text that is kept, with identifiers in it redacted. */
  readonly text = (text: string): string => (this.#redact ? this.#redact(text, this.#redactions) : text);

  readonly texts = (texts: string[]): string[] => texts.map(this.text);

  readonly textValues = (values: Record<string, string>): Record<string, string> =>
    Object.fromEntries(Object.entries(values).map(([key, value]) => [key, this.text(String(value))]));

  /** A required text field that could identify someone: kept, but empty. */
  readonly empty = (value: string): string => {
    if (value !== '') this.#fieldsDropped += 1;
    return '';
  };

  /** An optional field, or a list, that could identify someone: left out of the copy. */
  readonly omit = <V>(_value: V): undefined => {
    this.#fieldsDropped += 1;
    return undefined;
  };

  readonly emptyList = <V>(list: V[]): V[] => {
    if (list.length) this.#fieldsDropped += 1;
    return [];
  };

  dropped(count = 1): void {
    this.#fieldsDropped += count;
  }

  /** Copies the fields `spec` knows, each treated as it says; every other field is dropped. */
  copy<T extends object>(record: T, spec: Spec<T>): T {
    // Only an object can be copied field by field; anything else in its place is not passed on.
    if (!record || typeof record !== 'object' || Array.isArray(record)) {
      this.#unknownFieldsDropped += 1;
      return {} as T;
    }
    const out: Record<string, unknown> = {};
    const treatments = spec as Record<string, Treat<unknown> | undefined>;
    for (const [key, value] of Object.entries(record)) {
      const treat = Object.hasOwn(treatments, key) ? treatments[key] : undefined;
      if (!treat) {
        this.#unknownFieldsDropped += 1;
        continue;
      }
      if (value === undefined) continue;
      const kept = treat(value);
      if (kept !== undefined) out[key] = kept;
    }
    return out as T;
  }

  each<T extends object>(spec: Spec<T>): Treat<T[]> {
    return (list) => (Array.isArray(list) ? list.map((item) => this.copy(item, spec)) : []);
  }

  summary(): SanitiseSummary {
    return {
      people: this.#people.size,
      namesReplaced: this.#namesReplaced,
      teams: this.#teams.size,
      caseReferences: this.#cases.size,
      fieldsDropped: this.#fieldsDropped,
      unknownFieldsDropped: this.#unknownFieldsDropped,
      redactions: { ...this.#redactions },
    };
  }
}
