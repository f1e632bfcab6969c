/** Whether the user has allowed something: as the OS answers, reduced to what the screens need. */
export type PermissionState = 'granted' | 'denied' | 'undetermined';

/**
 * The two permissions the app asks for, and no others: Bluetooth (to advertise and scan; on Android 12+ the
 * "nearby devices" permissions, declared without location) and notifications (to warn at once). Each is asked only
 * after the screen has said why.
 */
export interface Permissions {
  bluetooth(): Promise<PermissionState>;
  requestBluetooth(): Promise<PermissionState>;
  notifications(): Promise<PermissionState>;
  requestNotifications(): Promise<PermissionState>;
}

/** The state of the phone that can stop or limit tracing without being the app's doing. */
export interface DeviceConditions {
  /** Android battery saver or iOS Low Power Mode: background work is cut back. */
  batterySaver(): Promise<boolean>;
  onChange(listener: () => void): () => void;
}

/** Permissions held in memory: tests, and the web demo (which asks with its own buttons, as a phone would). */
export class MemoryPermissions implements Permissions {
  constructor(
    public bluetoothState: PermissionState = 'undetermined',
    public notificationState: PermissionState = 'undetermined',
    private readonly onGrant: (which: 'bluetooth' | 'notifications', state: PermissionState) => void = () => {},
  ) {}

  async bluetooth(): Promise<PermissionState> {
    return this.bluetoothState;
  }

  async requestBluetooth(): Promise<PermissionState> {
    if (this.bluetoothState === 'undetermined') this.bluetoothState = 'granted';
    this.onGrant('bluetooth', this.bluetoothState);
    return this.bluetoothState;
  }

  async notifications(): Promise<PermissionState> {
    return this.notificationState;
  }

  async requestNotifications(): Promise<PermissionState> {
    if (this.notificationState === 'undetermined') this.notificationState = 'granted';
    this.onGrant('notifications', this.notificationState);
    return this.notificationState;
  }
}

export const noDeviceConditions: DeviceConditions = {
  batterySaver: async () => false,
  onChange: () => () => {},
};
