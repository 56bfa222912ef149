/** The languages of the interface; every sentence a person may read exists in each. */
export const LANGUAGES = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Sentences by key, with `{name}` for each parameter. */
export type SentenceTable = Record<string, Record<Language, string>>;
