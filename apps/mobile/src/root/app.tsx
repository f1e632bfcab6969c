import { Text, View } from 'react-native';
import { toHex, deriveRollingProximityIdentifierKey, fromHex } from '@bluezone/protocol';

export default function App() {
  const k = toHex(deriveRollingProximityIdentifierKey(fromHex('75c734c6dd1a782de7a965da5eb93125')));
  return (
    <View>
      <Text>Bluezone {k}</Text>
    </View>
  );
}
