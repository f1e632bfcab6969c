import type { Place, PlaceScope } from '@bluezone/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Field } from '../forms/field.js';
import { placeName } from './place-name.js';
import './place-picker.css';

export interface PlacePickerProps {
  label: string;
  hint?: string;
  error?: string | null | undefined;
  /** The control's id (the form moves focus to it when the field is in error). */
  id: string;
  value: Place | null;
  onChange: (place: Place | null) => void;
  scope: PlaceScope;
  search: (q: string, scope: PlaceScope) => Promise<Place[]>;
  optional?: boolean;
}

/** Typing pauses this long before a search goes out: a slow phone sends one request per word, not per letter. */
const PAUSE_MS = 400;

/**
 * A unit of Vietnam picked by name, with or without diacritics ("dong dang" finds Xã Đồng Đăng): type, then choose in
 * the list. Chosen, it reads as a filled box with a button to change it. The search runs on the server (the public
 * place search), a few results at a time.
 */
export function PlacePicker({ label, hint, error, id, value, onChange, scope, search, optional = false }: PlacePickerProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Place[] | null>(null);
  const [searching, setSearching] = useState(false);
  const asked = useRef(0);

  const run = (q: string) => {
    const query = q.trim();
    const ticket = ++asked.current;
    if (query.length < 2) {
      setResults(null);
      return;
    }
    setSearching(true);
    search(query, scope)
      .then((found) => {
        if (ticket === asked.current) setResults(found);
      })
      .catch(() => {
        if (ticket === asked.current) setResults([]);
      })
      .finally(() => {
        if (ticket === asked.current) setSearching(false);
      });
  };

  useEffect(() => {
    if (value) return undefined;
    const timer = setTimeout(() => run(text), PAUSE_MS);
    return () => clearTimeout(timer);
    // A new text (or a cleared choice) starts the pause again.
  }, [text, value]);

  if (value) {
    return (
      <Field label={label} id={id} error={error} optional={optional} hint={hint}>
        {(control) => (
          <div className="place-chosen">
            <input {...control} readOnly value={placeName(value, i18n.language)} />
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setText('');
                setResults(null);
                onChange(null);
                requestAnimationFrame(() => document.getElementById(id)?.focus());
              }}
            >
              {t('declare.place.change')}
            </button>
          </div>
        )}
      </Field>
    );
  }
  const listId = `${id}-results`;
  return (
    <Field label={label} id={id} error={error} optional={optional} hint={hint}>
      {(control) => (
        <div className="place-picker">
          <div className="place-search">
            <input
              {...control}
              type="search"
              autoComplete="off"
              enterKeyHint="search"
              aria-controls={listId}
              value={text}
              onChange={(event) => setText(event.target.value)}
              onKeyDown={(event) => {
                // Enter searches now; it must not send the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  run(text);
                }
              }}
            />
            <button type="button" className="button-secondary" onClick={() => run(text)}>
              {t('declare.place.search')}
            </button>
          </div>
          <div id={listId} aria-live="polite">
            {searching ? <p className="muted">{t('declare.place.searching')}</p> : null}
            {!searching && results && results.length === 0 ? <p className="muted">{t('declare.place.none')}</p> : null}
            {!searching && results && results.length > 0 ? (
              <ul className="place-results" aria-label={t('declare.place.results')}>
                {results.map((place) => (
                  <li key={place.code}>
                    <button type="button" className="link-button" onClick={() => onChange(place)}>
                      {placeName(place, i18n.language)}
                    </button>
                  </li>
                ))}
              </ul>
            ) : null}
          </div>
        </div>
      )}
    </Field>
  );
}
