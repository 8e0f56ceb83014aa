import { Button, Space } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import clipUrl from '../../../../resources/audio/authorization-zh.ogg?url';

type Engine = 'speech' | 'clip';
type Playing = 'stopped' | 'playing' | 'paused';

/** A Chinese voice of the browser's speech synthesis, if the station has one (offline voices included). */
function chineseVoice(): SpeechSynthesisVoice | null {
  if (typeof speechSynthesis === 'undefined') return null;
  return (
    speechSynthesis.getVoices().find((v) => /^zh[-_]CN$/i.test(v.lang)) ??
    speechSynthesis.getVoices().find((v) => /^(zh|cmn)/i.test(v.lang)) ??
    null
  );
}

/**
 * The 授权书 read aloud, with play and pause: the browser's speech synthesis when it has a zh-CN
 * voice (it can say this signer's name), otherwise the clip shipped in resources/audio (the fixed
 * wording, recorded by scripts/makeAuthorizationClip.ts). Stops when the view goes.
 */
export function ReadAloud({ text }: { text: string }) {
  const { t } = useTranslation();
  const [voice, setVoice] = useState<SpeechSynthesisVoice | null>(chineseVoice);
  const [playing, setPlaying] = useState<Playing>('stopped');
  const audio = useRef<HTMLAudioElement | null>(null);
  const engine: Engine = voice ? 'speech' : 'clip';

  // Voices load late in Chromium: listen for them.
  useEffect(() => {
    if (typeof speechSynthesis === 'undefined') return;
    const update = () => setVoice(chineseVoice());
    speechSynthesis.addEventListener('voiceschanged', update);
    return () => speechSynthesis.removeEventListener('voiceschanged', update);
  }, []);
  useEffect(
    () => () => {
      if (typeof speechSynthesis !== 'undefined') speechSynthesis.cancel();
      audio.current?.pause();
    },
    [],
  );

  const play = () => {
    if (engine === 'speech' && voice) {
      if (playing === 'paused') speechSynthesis.resume();
      else {
        speechSynthesis.cancel();
        const u = new SpeechSynthesisUtterance(text);
        u.voice = voice;
        u.lang = voice.lang;
        u.rate = 0.85;
        u.onend = () => setPlaying('stopped');
        speechSynthesis.speak(u);
      }
    } else {
      void audio.current?.play().catch(() => setPlaying('stopped'));
    }
    setPlaying('playing');
  };
  const pause = () => {
    if (engine === 'speech') speechSynthesis.pause();
    else audio.current?.pause();
    setPlaying('paused');
  };

  return (
    <Space data-testid="read-aloud" data-engine={engine} data-playing={playing}>
      {playing === 'playing' ? (
        <Button size="large" onClick={pause} data-testid="read-aloud-pause">
          {t('applicant.readAloud.pause')}
        </Button>
      ) : (
        <Button size="large" onClick={play} data-testid="read-aloud-play">
          {playing === 'paused' ? t('applicant.readAloud.resume') : t('applicant.readAloud.play')}
        </Button>
      )}
      {engine === 'clip' && (
        <audio ref={audio} src={clipUrl} preload="none" onEnded={() => setPlaying('stopped')} data-testid="read-aloud-clip" />
      )}
    </Space>
  );
}
