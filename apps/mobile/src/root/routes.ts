import type { TestType } from '@bluezone/contract';
import type { NavigatorScreenParams } from '@react-navigation/native';
import type { NativeStackScreenProps } from '@react-navigation/native-stack';

export type TabParamList = {
  Home: undefined;
  Notices: undefined;
  Settings: undefined;
};

export type RootStackParamList = {
  Welcome: undefined;
  BluetoothPermission: undefined;
  NotificationPermission: undefined;
  Main: NavigatorScreenParams<TabParamList> | undefined;
  ExposureWarning: undefined;
  /** `c`: a code from a bluezone://verify?c=… link or QR code, checked at once. */
  UploadCode: { c?: string } | undefined;
  UploadConsent: { testType: TestType; symptomDate?: string };
  UploadOnset: { testType: TestType; symptomDate?: string; rollingStartNumbers: number[] };
  UploadResult: { rollingStartNumbers: number[]; symptomOnsetDay: string | null; testType?: TestType };
  ScanQr: undefined;
  NoticeDetail: { id: number };
  /** `warned`: opened from the exposure warning, so "warned by Bluezone" starts ticked. */
  Declaration: { warned?: boolean } | undefined;
  /** `fresh`: just sent (the screen offers a way home instead of back to the form). */
  DeclarationReceipt: { receipt: string; fresh?: boolean };
  Declarations: undefined;
  Privacy: undefined;
  Licences: undefined;
  Demo: undefined;
};

export type ScreenProps<Name extends keyof RootStackParamList> = NativeStackScreenProps<RootStackParamList, Name>;
