// Until the recorder lands: no voice note.
export function VoiceNote(_props: {
  onChange: (voiceId: string | null) => void;
  onBusyChange?: (busy: boolean) => void;
}) {
  return null;
}
