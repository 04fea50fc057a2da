import { render } from 'preact';
import { App } from './app';
import { applyTheme, rememberedTheme } from './theme';
import './styles.css';

applyTheme(rememberedTheme());
render(<App />, document.getElementById('app') as HTMLElement);
