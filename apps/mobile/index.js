import { registerRootComponent } from 'expo';
import App from './src/root/app';

registerRootComponent(App);
