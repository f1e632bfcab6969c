Pod::Spec.new do |s|
  s.name           = 'BluezonePeripheral'
  s.version        = '0.1.0'
  s.summary        = "Bluezone's BLE peripheral: a read-only GATT characteristic serving the phone's 20 bytes"
  s.description    = 'Serves RPI || AEM from a read-only characteristic of the Bluezone service, advertises the service UUID, and keeps the app database out of backups.'
  s.author         = 'Bluezone'
  s.license        = 'Apache-2.0'
  s.homepage       = 'https://bluezone.example.vn'
  s.platforms      = { :ios => '16.4' }
  s.source         = { git: '' }
  s.static_framework = true

  s.dependency 'ExpoModulesCore'

  s.pod_target_xcconfig = {
    'DEFINES_MODULE' => 'YES',
  }

  s.source_files = "**/*.{h,m,swift}"
end
