/**
 * The camera scanner of the H5 build (`camera-scanner.h5.ts`, which Taro picks for H5). The mini-program uses
 * WeChat's own scanner, so here there is none, and the decoder stays out of its package.
 */

export function cameraScanSupported(): boolean {
  return false;
}

export async function scanWithCamera(): Promise<string | null> {
  return null;
}
