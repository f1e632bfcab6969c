import './src/platform/zod-jitless';
import { registerRootComponent } from 'expo';
import './src/background/exposure-task';
import App from './src/root/app';

registerRootComponent(App);
