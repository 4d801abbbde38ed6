import { PropsWithChildren } from 'react';
import { useLaunch } from '@tarojs/taro';
import { View } from '@tarojs/components';
// Imported from its module: the on-demand import rule maps package imports to default exports, and this is a named one.
import { configure } from '@nutui/icons-react-taro/dist/es/icons/configure';
import '@nutui/icons-react-taro/dist/style_icon.css';
import { startOfflineScanSync } from './services/checkin';
import { markBodyWithStoredMode, rememberElderlyMode } from './services/elderly-mode';
import { api } from './services/api';
import { getToken } from './services/session';
import './app.scss';

// Icons render as a View masked by their SVG: an element every platform has (the default <i> is not a
// mini-program component), and no icon font to download.
configure({ tag: View });

function App({ children }: PropsWithChildren) {
  // Scans kept while offline are sent at launch and whenever the network comes back.
  useLaunch(() => {
    startOfflineScanSync();
    // 长辈模式 as this phone last knew it at once, then as the server has it (it may have been switched elsewhere).
    markBodyWithStoredMode();
    if (getToken())
      api.me.get().then(
        (me) => rememberElderlyMode(me.settings.elderlyMode),
        () => undefined,
      );
  });
  // Pages load their own data; the app shell only hosts them.
  return children;
}

export default App;
