import { createBottomTabNavigator } from '@react-navigation/bottom-tabs';
import { HeaderBackButton } from '@react-navigation/elements';
import { createNativeStackNavigator } from '@react-navigation/native-stack';
import { useTranslation } from 'react-i18next';
import { Platform } from 'react-native';
import { DeclarationFormScreen } from '../screens/declaration/declaration-form-screen';
import { DeclarationReceiptScreen } from '../screens/declaration/declaration-receipt-screen';
import { DeclarationsScreen } from '../screens/declaration/declarations-screen';
import { ExposureWarningScreen } from '../screens/exposure/exposure-warning-screen';
import { HomeScreen } from '../screens/home/home-screen';
import { NoticeDetailScreen } from '../screens/notices/notice-detail-screen';
import { NoticesScreen } from '../screens/notices/notices-screen';
import { BluetoothScreen } from '../screens/onboarding/bluetooth-screen';
import { NotificationsScreen } from '../screens/onboarding/notifications-screen';
import { WelcomeScreen } from '../screens/onboarding/welcome-screen';
import { DemoScreen } from '../screens/settings/demo-screen';
import { LicencesScreen } from '../screens/settings/licences-screen';
import { PrivacyScreen } from '../screens/settings/privacy-screen';
import { SettingsScreen } from '../screens/settings/settings-screen';
import { ConsentScreen } from '../screens/upload/consent-screen';
import { OnsetScreen } from '../screens/upload/onset-screen';
import { ResultScreen } from '../screens/upload/result-screen';
import { ScanQrScreen } from '../screens/upload/scan-qr-screen';
import { UploadCodeScreen } from '../screens/upload/upload-code-screen';
import { colors } from '../ui/theme';
import { useApp } from './app-model';
import type { RootStackParamList, TabParamList } from './routes';

const Stack = createNativeStackNavigator<RootStackParamList>();
const Tabs = createBottomTabNavigator<TabParamList>();

function MainTabs() {
  const { t } = useTranslation();
  return (
    <Tabs.Navigator
      screenOptions={{
        tabBarActiveTintColor: colors.primary,
        tabBarInactiveTintColor: colors.muted,
        tabBarLabelStyle: { fontSize: 14, fontWeight: '600' },
        tabBarIcon: () => null,
        tabBarIconStyle: { display: 'none' },
        headerTitleStyle: { fontWeight: '700' },
      }}
    >
      <Tabs.Screen name="Home" component={HomeScreen} options={{ title: t('app.name'), tabBarLabel: t('tabs.home'), tabBarButtonTestID: 'tab-home' }} />
      <Tabs.Screen name="Notices" component={NoticesScreen} options={{ title: t('notices.title'), tabBarLabel: t('tabs.notices'), tabBarButtonTestID: 'tab-notices' }} />
      <Tabs.Screen name="Settings" component={SettingsScreen} options={{ title: t('settings.title'), tabBarLabel: t('tabs.settings'), tabBarButtonTestID: 'tab-settings' }} />
    </Tabs.Navigator>
  );
}

/** Onboarding until it is done; then the tabs, with every flow stacked above them. */
export function AppNavigator() {
  const { t } = useTranslation();
  const { onboarded } = useApp();
  return (
    <Stack.Navigator
      screenOptions={({ navigation }) => ({
        headerBackTitle: t('common.back'),
        contentStyle: { backgroundColor: colors.background },
        // On the web the default back button is announced "…, back" in English; this one says it in the app's language.
        ...(Platform.OS === 'web'
          ? {
              headerLeft: ({ canGoBack, tintColor }: { canGoBack?: boolean; tintColor?: string }) =>
                canGoBack ? <HeaderBackButton testID="header-back" tintColor={tintColor} accessibilityLabel={t('common.back')} onPress={navigation.goBack} /> : null,
            }
          : {}),
      })}
    >
      {!onboarded ? (
        <>
          <Stack.Screen name="Welcome" component={WelcomeScreen} options={{ title: t('app.name') }} />
          <Stack.Screen name="BluetoothPermission" component={BluetoothScreen} options={{ title: t('app.name') }} />
          <Stack.Screen name="NotificationPermission" component={NotificationsScreen} options={{ title: t('app.name') }} />
        </>
      ) : (
        <>
          <Stack.Screen name="Main" component={MainTabs} options={{ headerShown: false }} />
          <Stack.Screen name="ExposureWarning" component={ExposureWarningScreen} options={{ title: t('app.name') }} />
          <Stack.Screen name="UploadCode" component={UploadCodeScreen} options={{ title: t('upload.headerTitle') }} />
          <Stack.Screen name="UploadConsent" component={ConsentScreen} options={{ title: t('upload.headerTitle') }} />
          <Stack.Screen name="UploadOnset" component={OnsetScreen} options={{ title: t('upload.headerTitle') }} />
          <Stack.Screen name="UploadResult" component={ResultScreen} options={{ title: t('upload.headerTitle'), headerBackVisible: false, headerLeft: () => null }} />
          <Stack.Screen name="ScanQr" component={ScanQrScreen} options={{ title: t('upload.scanTitle') }} />
          <Stack.Screen name="Declaration" component={DeclarationFormScreen} options={{ title: t('declaration.title') }} />
          <Stack.Screen name="DeclarationReceipt" component={DeclarationReceiptScreen} options={{ title: t('declaration.title') }} />
          <Stack.Screen name="Declarations" component={DeclarationsScreen} options={{ title: t('declaration.mine.title') }} />
          <Stack.Screen name="NoticeDetail" component={NoticeDetailScreen} options={{ title: t('notices.title') }} />
          <Stack.Screen name="Privacy" component={PrivacyScreen} options={{ title: t('settings.privacy') }} />
          <Stack.Screen name="Licences" component={LicencesScreen} options={{ title: t('settings.licences') }} />
          <Stack.Screen name="Demo" component={DemoScreen} options={{ title: t('demo.title') }} />
        </>
      )}
    </Stack.Navigator>
  );
}
