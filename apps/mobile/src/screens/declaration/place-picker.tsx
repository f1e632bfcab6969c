import type { Place, PlaceScope } from '@bluezone/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { StyleSheet, Text, View } from 'react-native';
import { Button } from '../../ui/button';
import { ChoiceRow } from '../../ui/choice-row';
import { FieldError, TextField } from '../../ui/text-field';
import { colors, radius, space } from '../../ui/theme';
import { placeName } from './declaration-text';

/** Typing pauses this long before a search goes out: a slow phone sends one request per word, not per letter. */
const PAUSE_MS = 400;

export interface PlacePickerProps {
  id: string;
  label: string;
  hint?: string;
  error?: string;
  value: Place | null;
  onChange: (place: Place | null) => void;
  scope: PlaceScope;
  search: (q: string, scope: PlaceScope) => Promise<Place[]>;
}

/**
 * A unit of Vietnam picked by name, with or without diacritics ("dong dang" finds Xã Đồng Đăng), through the public
 * place search the console's declaration form uses: type, then tap one of the few results. Chosen, it reads as a
 * filled box with a button to change it.
 */
export function PlacePicker({ id, label, hint, error, value, onChange, scope, search }: PlacePickerProps) {
  const { t, i18n } = useTranslation();
  const [text, setText] = useState('');
  const [results, setResults] = useState<Place[] | null>(null);
  const [state, setState] = useState<'idle' | 'searching' | 'failed'>('idle');
  const asked = useRef(0);

  useEffect(() => {
    if (value) return undefined;
    const query = text.trim();
    const ticket = ++asked.current;
    if (query.length < 2) {
      setResults(null);
      setState('idle');
      return undefined;
    }
    const timer = setTimeout(() => {
      setState('searching');
      search(query.slice(0, 100), scope)
        .then((found) => {
          if (ticket !== asked.current) return;
          setResults(found);
          setState('idle');
        })
        .catch(() => {
          if (ticket !== asked.current) return;
          setResults(null);
          setState('failed');
        });
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [text, value, scope, search]);

  if (value) {
    return (
      <View style={styles.field}>
        <Text nativeID={`${id}-label`} style={styles.label}>
          {label}
        </Text>
        <View style={styles.chosen}>
          <Text testID={`${id}-chosen`} style={styles.chosenText}>
            {placeName(value, i18n.language)}
          </Text>
        </View>
        {error ? <FieldError id={id}>{error}</FieldError> : null}
        <Button
          testID={`${id}-change`}
          variant="secondary"
          label={t('declaration.place.change')}
          onPress={() => {
            setText('');
            setResults(null);
            onChange(null);
          }}
        />
      </View>
    );
  }

  return (
    <View>
      <TextField id={id} label={label} hint={hint ?? t('declaration.place.search')} error={error} value={text} onChangeText={setText} autoComplete="off" autoCapitalize="words" maxLength={100} />
      {state === 'searching' ? <Text style={styles.note}>{t('declaration.place.searching')}</Text> : null}
      {state === 'failed' ? <Text style={styles.note}>{t('declaration.place.failed')}</Text> : null}
      {results && results.length === 0 ? <Text style={styles.note}>{t('declaration.place.none')}</Text> : null}
      {results?.map((place) => (
        <ChoiceRow key={place.code} kind="radio" testID={`${id}-option-${place.code}`} label={placeName(place, i18n.language)} selected={false} onPress={() => onChange(place)} />
      ))}
    </View>
  );
}

const styles = StyleSheet.create({
  field: { marginBottom: space.m },
  label: { fontSize: 16, lineHeight: 22, fontWeight: '600', color: colors.text, marginBottom: space.xs },
  chosen: { minHeight: 48, borderWidth: 1.5, borderColor: colors.primary, borderRadius: radius, backgroundColor: colors.surface, paddingHorizontal: space.m, justifyContent: 'center' },
  chosenText: { fontSize: 16, color: colors.text },
  note: { fontSize: 14, color: colors.muted, marginBottom: space.s },
});
