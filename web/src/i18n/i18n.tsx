// The language context: Vietnamese first, English on request, the choice kept in localStorage.

import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { formatDateVi, formatIntegerEn, formatIntegerVi } from '../../../src/rules/index.js';
import { en } from './en.js';
import { vi, type MessageKey } from './vi.js';

/** A language of the app. */
export type Lang = 'vi' | 'en';

/** Parameters of a message: `{name}` in the text is replaced by the value. */
export type MessageParams = Readonly<Record<string, string | number>>;

const TABLES: Readonly<Record<Lang, Record<MessageKey, string>>> = { vi, en };
const STORAGE_KEY = 'tinnhiem.lang';

/** Fills `{name}` placeholders; numbers are written with the language's grouping (1.234 / 1,234). */
export function format(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  return TABLES[lang][key].replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    if (typeof value === 'number')
      return lang === 'vi' ? formatIntegerVi(value) : formatIntegerEn(value);
    return value;
  });
}

/** Whether a string is a key of the tables (error codes from the server are looked up with it). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(vi, key);
}

/** What components get from useI18n(). */
export interface I18n {
  readonly lang: Lang;
  readonly t: (key: MessageKey, params?: MessageParams) => string;
  readonly setLang: (lang: Lang) => void;
  /** A calendar date yyyy-mm-dd as people write it: 28/7/2023 (vi) or 28 Jul 2023 (en). */
  readonly date: (iso: string | null) => string;
  /** A whole number with the language's grouping. */
  readonly int: (n: number) => string;
}

const Context = createContext<I18n | null>(null);

function initialLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === 'en' ? 'en' : 'vi';
  } catch {
    return 'vi';
  }
}

const EN_MONTHS = [
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Oct',
  'Nov',
  'Dec',
];

/** Provides the language to the app and keeps <html lang> in step. */
export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);
  const setLang = useCallback((next: Lang) => {
    setLangState(next);
    try {
      localStorage.setItem(STORAGE_KEY, next);
    } catch {
      // Private mode: the choice lasts for this page only.
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => format(lang, key, params),
      date: (iso) => {
        if (iso === null || iso === '') return '—';
        const day = iso.slice(0, 10);
        if (lang === 'vi') return formatDateVi(day);
        const [y, m, d] = day.split('-');
        return `${Number(d)} ${EN_MONTHS[Number(m) - 1] ?? m} ${y}`;
      },
      int: (n) => (lang === 'vi' ? formatIntegerVi(n) : formatIntegerEn(n)),
    }),
    [lang, setLang],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

/** The current language, its message lookup and formatters. */
export function useI18n(): I18n {
  const value = useContext(Context);
  if (value === null) throw new Error('useI18n() outside <I18nProvider>');
  return value;
}
