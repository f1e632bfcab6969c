// Native modules that render nothing without a device: their own Jest stand-ins.
jest.mock('react-native-safe-area-context', () => require('react-native-safe-area-context/jest/mock').default);

// The services update screens from promises and timers (tracing status, checks) that the screen tests wait for
// with findBy*/waitFor; React's reminder to wrap each such update in act() is noise there, not a failure.
const consoleError = console.error;
console.error = (...args) => {
  if (typeof args[0] === 'string' && args[0].includes('not wrapped in act(')) return;
  consoleError(...args);
};
