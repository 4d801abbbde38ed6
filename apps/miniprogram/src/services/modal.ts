import Taro from '@tarojs/taro';

/** The app's red (styles/theme.scss $brand). */
export const BRAND_COLOUR = '#c8161d';

/**
 * Taro.showModal with its confirm button in the app's red (its default is green on H5, blue in WeChat); a
 * dialog that names its own colour keeps it. Every dialog of the app goes through here.
 */
export function showModal(options: Taro.showModal.Option): Promise<Taro.showModal.SuccessCallbackResult> {
  return Taro.showModal({ confirmColor: BRAND_COLOUR, ...options });
}
