// How a hold (预占) on a number reads to a customer: the day it ends and the time left, ticking.
import { Typography } from "antd";
import dayjs from "dayjs";
import { useEffect, useState } from "react";
import { ZONE } from "../format";

/** The react-query key of the customer's active holds (the choose and applications screens share it). */
export const HOLDS_KEY = ["myHolds"] as const;

const WEEKDAYS = ["周日", "周一", "周二", "周三", "周四", "周五", "周六"];

/**
 * The end of a hold as people say it. Holds end at midnight after their last working day, so
 * "2026-12-09 00:00" reads "2026-12-08(周二)24:00": the day the customer must act on.
 */
export function holdEnd(iso: string): string {
  const end = dayjs(iso).tz(ZONE);
  if (end.hour() === 0 && end.minute() === 0 && end.second() === 0) {
    const day = end.subtract(1, "day");
    return `${day.format("YYYY-MM-DD")}(${WEEKDAYS[day.day()]})24:00`;
  }
  return `${end.format("YYYY-MM-DD HH:mm")}(${WEEKDAYS[end.day()]})`;
}

/** Time left until `iso` as "4天 13:59:59"; null once it has passed. */
export function timeLeft(iso: string, now: number): string | null {
  const ms = dayjs(iso).valueOf() - now;
  if (ms <= 0) return null;
  const total = Math.floor(ms / 1000);
  const days = Math.floor(total / 86400);
  const pad = (n: number) => n.toString().padStart(2, "0");
  const clock = `${pad(Math.floor((total % 86400) / 3600))}:${pad(Math.floor((total % 3600) / 60))}:${pad(total % 60)}`;
  return days > 0 ? `${days}天 ${clock}` : clock;
}

function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  return now;
}

/** A live countdown to `iso` (screen readers get the text without a per-second announcement). */
export function Countdown({ iso }: { iso: string }) {
  const left = timeLeft(iso, useNow());
  return left ? (
    <Typography.Text strong data-testid="countdown">
      剩余 {left}
    </Typography.Text>
  ) : (
    <Typography.Text type="danger">已过期</Typography.Text>
  );
}
