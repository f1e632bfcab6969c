// Metro for the app: Expo's defaults, plus the repository's isomorphic packages compiled from their TypeScript
// source (as the root tests do, so the app never runs a stale build of the protocol).
const path = require('node:path');
const { getDefaultConfig } = require('expo/metro-config');

const projectRoot = __dirname;
const packagesRoot = path.resolve(projectRoot, '../../packages');
const sources = {
  '@bluezone/protocol': path.join(packagesRoot, 'protocol/src/index.ts'),
  '@bluezone/contract': path.join(packagesRoot, 'contract/src/index.ts'),
};

const config = getDefaultConfig(projectRoot);
config.watchFolders = [...(config.watchFolders ?? []), path.join(packagesRoot, 'protocol/src'), path.join(packagesRoot, 'contract/src')];

// sql.js (the web demo's SQLite) names Node modules in branches that never run in a browser.
const nodeOnly = new Set(['fs', 'path', 'crypto', 'node:fs', 'node:path', 'node:crypto']);

config.resolver.resolveRequest = (context, moduleName, platform) => {
  if (platform === 'web' && nodeOnly.has(moduleName)) return { type: 'empty' };
  if (sources[moduleName]) return { type: 'sourceFile', filePath: sources[moduleName] };
  if (context.originModulePath.startsWith(packagesRoot + path.sep)) {
    // The packages write ESM specifiers ('./hex.js') for their TypeScript files.
    if (moduleName.startsWith('.') && moduleName.endsWith('.js')) {
      const candidate = path.resolve(path.dirname(context.originModulePath), moduleName.replace(/\.js$/, '.ts'));
      return { type: 'sourceFile', filePath: candidate };
    }
    // Their dependencies (@noble/*, fflate, @bufbuild/protobuf, zod) come from this app's node_modules, so the app's
    // lockfile alone decides what ships in it.
    return context.resolveRequest({ ...context, originModulePath: path.join(projectRoot, 'index.js') }, moduleName, platform);
  }
  return context.resolveRequest(context, moduleName, platform);
};

module.exports = config;
