import type { MouseEvent, ReactNode } from "react";
import { navigate } from "../router";

/** An in-app link: a real href (open in new tab works) that navigates without reloading. */
export function AppLink({ to, children, label }: { to: string; children: ReactNode; label?: string }) {
  return (
    <a
      href={to}
      aria-label={label}
      onClick={(e) => {
        if (e.metaKey || e.ctrlKey || e.shiftKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}

/** An in-app link's click handler, for antd links and buttons that carry their own href. */
export function link(path: string) {
  return (e: MouseEvent) => {
    if (e.metaKey || e.ctrlKey || e.shiftKey) return;
    e.preventDefault();
    navigate(path);
  };
}
