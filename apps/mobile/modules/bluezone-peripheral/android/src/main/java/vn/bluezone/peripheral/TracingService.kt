package vn.bluezone.peripheral

import android.app.Notification
import android.app.NotificationChannel
import android.app.NotificationManager
import android.app.PendingIntent
import android.app.Service
import android.content.Context
import android.content.Intent
import android.content.pm.ServiceInfo
import android.os.Build
import android.os.IBinder

/**
 * The foreground service of type connectedDevice (declared by plugins/with-bluezone-tracing.js) that Android requires
 * for an app to go on scanning and advertising with the screen off. It does no work itself: the scan (react-native-
 * ble-plx) and the advertisement (BluezonePeripheralModule) run in the same process, which this service keeps alive.
 * Its ongoing notification, in the app's language (title and text come from JavaScript), says that tracing runs and
 * opens the app when touched.
 */
class TracingService : Service() {
  override fun onBind(intent: Intent?): IBinder? = null

  override fun onStartCommand(intent: Intent?, flags: Int, startId: Int): Int {
    val title = intent?.getStringExtra(EXTRA_TITLE) ?: "Bluezone"
    val text = intent?.getStringExtra(EXTRA_TEXT) ?: ""
    val notification = notification(title, text)
    try {
      if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.Q) {
        startForeground(NOTIFICATION_ID, notification, ServiceInfo.FOREGROUND_SERVICE_TYPE_CONNECTED_DEVICE)
      } else {
        startForeground(NOTIFICATION_ID, notification)
      }
    } catch (error: RuntimeException) {
      // Android 14 refuses a connectedDevice service without a Bluetooth permission granted, and Android 12 one
      // started from the background: tracing then runs only while the app's process does, rather than not at all.
      stopSelf()
      return START_NOT_STICKY
    }
    // Restarted by the system after it had to stop it; JavaScript starts tracing again when the app runs.
    return START_STICKY
  }

  private fun notification(title: String, text: String): Notification {
    val builder = if (Build.VERSION.SDK_INT >= Build.VERSION_CODES.O) {
      val manager = getSystemService(Context.NOTIFICATION_SERVICE) as NotificationManager
      // Low importance: no sound, no heads-up; it is there to be seen, not to interrupt.
      manager.createNotificationChannel(NotificationChannel(CHANNEL_ID, title, NotificationManager.IMPORTANCE_LOW))
      Notification.Builder(this, CHANNEL_ID)
    } else {
      @Suppress("DEPRECATION")
      Notification.Builder(this)
    }
    val open = packageManager.getLaunchIntentForPackage(packageName)?.let {
      PendingIntent.getActivity(this, 0, it, PendingIntent.FLAG_IMMUTABLE or PendingIntent.FLAG_UPDATE_CURRENT)
    }
    return builder
      .setContentTitle(title)
      .setContentText(text)
      .setSmallIcon(smallIcon())
      .setOngoing(true)
      .setShowWhen(false)
      .apply { if (open != null) setContentIntent(open) }
      .build()
  }

  /** The white status-bar icon expo-notifications writes from app.json (notification_icon), else the app's icon. */
  private fun smallIcon(): Int {
    val icon = resources.getIdentifier("notification_icon", "drawable", packageName)
    return if (icon != 0) icon else applicationInfo.icon
  }

  companion object {
    const val EXTRA_TITLE = "vn.bluezone.peripheral.TITLE"
    const val EXTRA_TEXT = "vn.bluezone.peripheral.TEXT"
    private const val CHANNEL_ID = "tracing"
    private const val NOTIFICATION_ID = 0x5A
  }
}
