// Unit and screen tests: jest-expo's React Native preset. The repository's packages are compiled from their
// TypeScript source, as in Metro (metro.config.js).
const path = require('node:path');

const packagesRoot = path.resolve(__dirname, '../../packages');

module.exports = {
  preset: 'jest-expo/ios',
  roots: ['<rootDir>/src', '<rootDir>/plugins', '<rootDir>/scripts'],
  moduleNameMapper: {
    '^@bluezone/protocol$': `${packagesRoot}/protocol/src/index.ts`,
    '^@bluezone/contract$': `${packagesRoot}/contract/src/index.ts`,
    // The packages' ESM specifiers ('./hex.js') name TypeScript files.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  // Dependencies of the packages resolve from this app's node_modules, never from the repository root's.
  modulePaths: ['<rootDir>/node_modules'],
  transformIgnorePatterns: [
    'node_modules/(?!((jest-)?react-native|@react-native(-community)?|expo(nent)?|@expo(nent)?/.*|@expo-google-fonts/.*|react-navigation|@react-navigation/.*|react-native-svg|@noble/.*|fflate|i18next|react-i18next))',
  ],
  setupFiles: ['<rootDir>/jest.setup.js'],
  testTimeout: 20000,
  reporters: ['default', '<rootDir>/scripts/summary-reporter.js'],
};
