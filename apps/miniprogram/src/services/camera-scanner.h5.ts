/**
 * H5: reads a QR code with the phone's camera (getUserMedia) and a QR decoder in JavaScript, where the browser
 * allows the camera (a secure page, a browser that has the API). Taro builds this file for H5 only; the
 * mini-program gets `camera-scanner.ts` and uses WeChat's own scanner.
 */

/** Whether this browser can show the camera here. */
export function cameraScanSupported(): boolean {
  return (
    typeof window !== 'undefined' &&
    window.isSecureContext &&
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getUserMedia === 'function'
  );
}

/** The most of each frame the decoder looks at: enough for a code held up to the phone, fast on old phones. */
const MAX_SIDE = 640;

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  style: Partial<CSSStyleDeclaration>,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node.style, style);
  if (text) node.textContent = text;
  return node;
}

/**
 * Opens the camera full screen with a 取消 button and resolves with the text of the first QR code it reads,
 * or null when the user cancels. Rejects with a message when the camera cannot be opened (refused, none).
 */
export async function scanWithCamera(): Promise<string | null> {
  // The decoder is loaded when the camera is first opened, not with the page.
  const { default: jsQR } = await import('jsqr');
  let stream: MediaStream;
  try {
    stream = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: 'environment' },
      audio: false,
    });
  } catch {
    throw new Error('无法打开摄像头。请在浏览器设置中允许使用摄像头，或直接粘贴签到码。');
  }

  const overlay = element('div', {
    position: 'fixed',
    inset: '0',
    zIndex: '10000',
    display: 'flex',
    flexDirection: 'column',
    alignItems: 'center',
    justifyContent: 'center',
    gap: '20px',
    backgroundColor: '#000000',
  });
  overlay.setAttribute('role', 'dialog');
  overlay.setAttribute('aria-label', '扫描签到码');
  const video = element('video', { width: '100%', maxHeight: '70vh', objectFit: 'cover' });
  video.setAttribute('playsinline', 'true');
  video.muted = true;
  const hint = element(
    'div',
    { color: '#ffffff', fontSize: '18px', textAlign: 'center', padding: '0 24px' },
    '将活动现场的二维码放在画面中间',
  );
  const cancel = element(
    'button',
    {
      minWidth: '160px',
      minHeight: '50px',
      border: 'none',
      borderRadius: '25px',
      backgroundColor: '#ffffff',
      color: '#1a1a1a',
      fontSize: '18px',
    },
    '取消',
  );
  overlay.append(video, hint, cancel);
  document.body.appendChild(overlay);

  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });

  return new Promise<string | null>((resolve) => {
    let done = false;
    const finish = (text: string | null) => {
      if (done) return;
      done = true;
      stream.getTracks().forEach((track) => track.stop());
      overlay.remove();
      resolve(text);
    };
    cancel.onclick = () => finish(null);

    const look = () => {
      if (done) return;
      if (context && video.readyState >= video.HAVE_ENOUGH_DATA && video.videoWidth) {
        const scale = Math.min(1, MAX_SIDE / Math.max(video.videoWidth, video.videoHeight));
        canvas.width = Math.round(video.videoWidth * scale);
        canvas.height = Math.round(video.videoHeight * scale);
        context.drawImage(video, 0, 0, canvas.width, canvas.height);
        const frame = context.getImageData(0, 0, canvas.width, canvas.height);
        const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
        if (code?.data) return finish(code.data);
      }
      requestAnimationFrame(look);
    };

    video.srcObject = stream;
    void video.play().then(look, () => finish(null));
  });
}
