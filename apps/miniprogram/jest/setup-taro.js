// Taro's APIs as a page sees them, for tests in jsdom: `@tarojs/taro` has no platform behind it here, so the
// calls the app makes are jest mocks (storage kept in memory) that a test can inspect or change.
process.env.TARO_ENV = 'h5';

const Taro = require('@tarojs/taro');

const storage = new Map();
const resolved = (value = {}) => jest.fn(() => Promise.resolve({ errMsg: 'ok', ...value }));

Object.assign(Taro, {
  getStorageSync: jest.fn((key) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key, value) => void storage.set(key, value)),
  removeStorageSync: jest.fn((key) => void storage.delete(key)),
  clearStorageSync: jest.fn(() => storage.clear()),
  showToast: resolved(),
  showModal: resolved({ confirm: true, cancel: false }),
  showActionSheet: resolved({ tapIndex: 0 }),
  reLaunch: resolved(),
  navigateTo: resolved(),
  redirectTo: resolved(),
  switchTab: resolved(),
  navigateBack: resolved(),
  setNavigationBarTitle: resolved(),
  stopPullDownRefresh: jest.fn(),
  login: resolved({ code: 'test-code' }),
  scanCode: resolved({ result: '' }),
  request: jest.fn(() => Promise.reject(new Error('tests use a fake transport'))),
  uploadFile: jest.fn(() => Promise.reject(new Error('tests use a fake transport'))),
  useRouter: jest.fn(() => ({ params: {}, path: '' })),
  useDidShow: jest.fn(),
  useDidHide: jest.fn(),
  usePullDownRefresh: jest.fn(),
  useReachBottom: jest.fn(),
  useReady: jest.fn(),
  useLoad: jest.fn(),
  useLaunch: jest.fn(),
  // 扫码签到: location for activities that check it, the network for the offline queue, files with the login.
  getLocation: resolved({ latitude: 30.0, longitude: 114.0 }),
  getSetting: resolved({ authSetting: {} }),
  onNetworkStatusChange: jest.fn(),
  offNetworkStatusChange: jest.fn(),
  setKeepScreenOn: resolved(),
  downloadFile: jest.fn(() => Promise.reject(new Error('tests use a fake transport'))),
  openDocument: resolved(),
});

beforeEach(() => storage.clear());

// NutUI's Dialog animates with react-transition-group, which still calls findDOMNode: React's development build
// warns about that on every dialog opened. Not ours to fix; keep the test output for real problems.
const consoleError = console.error;
jest.spyOn(console, 'error').mockImplementation((message, ...rest) => {
  if (typeof message === 'string' && message.includes('findDOMNode is deprecated')) return;
  consoleError(message, ...rest);
});
