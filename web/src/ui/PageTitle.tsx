import { Space, Typography } from "antd";
import type { ReactNode } from "react";

/** A screen's heading with its actions on the right; wraps under the title on a phone. */
export function PageTitle({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="page-title">
      <Typography.Title level={2} style={{ margin: 0 }}>
        {title}
      </Typography.Title>
      {extra ? <Space wrap>{extra}</Space> : null}
    </div>
  );
}
