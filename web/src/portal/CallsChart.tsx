// Calls per day as a bar-like line chart (uPlot, a small canvas library), loaded only with this module so
// the dashboard's first paint does not wait for it.
import { useEffect, useRef } from "react";
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import dayjs from "dayjs";
import { ZONE } from "../format";
import type { DayTotals } from "./calls";

export default function CallsChart({ days }: { days: DayTotals[] }) {
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const x = days.map((d) => dayjs.tz(d.day, ZONE).unix());
    const options: uPlot.Options = {
      width: Math.max(el.clientWidth, 240),
      height: 220,
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), ZONE),
      scales: { x: { time: true }, y: { range: (_u, _min, max) => [0, Math.max(4, max)] } },
      axes: [{ values: "{M}/{D}" }, { label: "通话数" }],
      series: [
        { label: "日期" },
        { label: "来电", stroke: "#1464c8", fill: "rgba(20,100,200,0.12)", width: 2 },
        { label: "漏接", stroke: "#d4380d", width: 2 },
      ],
    };
    const chart = new uPlot(options, [x, days.map((d) => d.calls), days.map((d) => d.missed)], el);
    const resize = new ResizeObserver(() => chart.setSize({ width: Math.max(el.clientWidth, 240), height: 220 }));
    resize.observe(el);
    return () => {
      resize.disconnect();
      chart.destroy();
    };
  }, [days]);

  const total = days.reduce((sum, d) => sum + d.calls, 0);
  return (
    <figure style={{ margin: 0 }}>
      <div ref={box} role="img" aria-label={`近${days.length}天来电 ${total} 通的每日趋势图`} data-testid="calls-chart" />
      <figcaption className="visually-hidden">
        {days.map((d) => `${d.day} 来电 ${d.calls} 通,漏接 ${d.missed} 通`).join(";")}
      </figcaption>
    </figure>
  );
}
