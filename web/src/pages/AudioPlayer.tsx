// An audio player with a waveform: the browser's own controls (keyboard and screen-reader friendly) above
// a canvas drawn from the decoded audio. The service sends no peaks, so the file is fetched once and
// decoded with the Web Audio API (an OfflineAudioContext, which needs no user gesture to start).
import { Typography } from "antd";
import { useEffect, useRef, useState, type MouseEvent } from "react";

const BUCKETS = 800; // resolution of the stored peaks; drawing scales them to the canvas width
const HEIGHT = 56;
const PLAYED = "#1464c8";
const UNPLAYED = "#a6b4c8";

type Peaks = { min: Float32Array; max: Float32Array };

/** Minimum and maximum sample of each of `BUCKETS` equal slices of the first channel. */
export function peaksOf(samples: Float32Array, buckets = BUCKETS): Peaks {
  const min = new Float32Array(buckets);
  const max = new Float32Array(buckets);
  const size = samples.length / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.max(start + 1, Math.floor((b + 1) * size));
    let lo = 0;
    let hi = 0;
    for (let i = start; i < end && i < samples.length; i++) {
      const v = samples[i];
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    min[b] = lo;
    max[b] = hi;
  }
  return { min, max };
}

function draw(canvas: HTMLCanvasElement, peaks: Peaks, played: number) {
  const ratio = window.devicePixelRatio || 1;
  const width = canvas.clientWidth;
  if (!width) return;
  canvas.width = Math.round(width * ratio);
  canvas.height = Math.round(HEIGHT * ratio);
  const ctx = canvas.getContext("2d");
  if (!ctx) return;
  ctx.scale(ratio, ratio);
  ctx.clearRect(0, 0, width, HEIGHT);
  const mid = HEIGHT / 2;
  // Scaled to the loudest sample, so a quiet prompt's shape is still visible (silence stays flat).
  let loudest = 0;
  for (let b = 0; b < peaks.min.length; b++) loudest = Math.max(loudest, peaks.max[b], -peaks.min[b]);
  const gain = (loudest > 0.01 ? 1 / loudest : 1) * 0.95;
  const columns = Math.max(1, Math.floor(width / 2)); // one bar every 2 px
  for (let x = 0; x < columns; x++) {
    const from = Math.floor((x / columns) * peaks.min.length);
    const to = Math.max(from + 1, Math.floor(((x + 1) / columns) * peaks.min.length));
    let lo = 0;
    let hi = 0;
    for (let b = from; b < to; b++) {
      lo = Math.min(lo, peaks.min[b]);
      hi = Math.max(hi, peaks.max[b]);
    }
    const top = mid - Math.max(hi * gain, 0.02) * mid;
    const bottom = mid - Math.min(lo * gain, -0.02) * mid;
    ctx.fillStyle = x / columns < played ? PLAYED : UNPLAYED;
    ctx.fillRect(x * 2, top, 1.5, bottom - top);
  }
}

/** `autoPlay`: the player was opened by a 试听 / 播放 click, so it starts at once (that click is the
 * user gesture browsers ask for); without it the user presses the control's own play button. */
export function AudioPlayer({ src, label, autoPlay = false }: { src: string; label: string; autoPlay?: boolean }) {
  const audio = useRef<HTMLAudioElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [peaks, setPeaks] = useState<Peaks | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const response = await fetch(src, { credentials: "same-origin" });
        if (!response.ok) throw new Error(String(response.status));
        const decoded = await new OfflineAudioContext(1, 1, 8000).decodeAudioData(await response.arrayBuffer());
        if (!cancelled) setPeaks(peaksOf(decoded.getChannelData(0)));
      } catch {
        if (!cancelled) setFailed(true);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [src]);

  useEffect(() => {
    // A refused start (a browser that still wants a gesture) leaves the controls there to press.
    if (autoPlay) audio.current?.play().catch(() => undefined);
  }, [autoPlay, src]);

  // Redraw when the peaks arrive, the canvas is resized, or playback moves (every frame while playing).
  useEffect(() => {
    const c = canvas.current;
    const a = audio.current;
    if (!c || !a || !peaks) return;
    let frame = 0;
    const render = () => draw(c, peaks, a.duration ? a.currentTime / a.duration : 0);
    const tick = () => {
      render();
      if (!a.paused) frame = requestAnimationFrame(tick);
    };
    const onPlay = () => {
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(tick);
    };
    render();
    const observer = new ResizeObserver(render);
    observer.observe(c);
    a.addEventListener("play", onPlay);
    a.addEventListener("seeked", render);
    a.addEventListener("pause", render);
    a.addEventListener("ended", render);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
      a.removeEventListener("play", onPlay);
      a.removeEventListener("seeked", render);
      a.removeEventListener("pause", render);
      a.removeEventListener("ended", render);
    };
  }, [peaks]);

  function seek(event: MouseEvent<HTMLCanvasElement>) {
    const a = audio.current;
    if (!a || !a.duration) return;
    const rect = event.currentTarget.getBoundingClientRect();
    a.currentTime = ((event.clientX - rect.left) / rect.width) * a.duration;
  }

  return (
    <div className="audio-player" style={{ width: "100%", maxWidth: 560 }}>
      <audio ref={audio} src={src} controls preload="metadata" aria-label={`播放 ${label}`} style={{ width: "100%", display: "block" }} />
      {failed ? (
        <Typography.Text type="secondary">无法显示波形</Typography.Text>
      ) : (
        <canvas
          ref={canvas}
          role="img"
          aria-label={peaks ? `${label} 的波形(点击可跳转)` : `${label} 的波形加载中`}
          data-ready={peaks ? "true" : "false"}
          onClick={seek}
          style={{ width: "100%", height: HEIGHT, display: "block", cursor: peaks ? "pointer" : "default", marginTop: 4 }}
        />
      )}
    </div>
  );
}
