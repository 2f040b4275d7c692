import { Alert } from "antd";
import { PageTitle } from "./PageTitle";

export default function Page() {
  return (
    <div className="page">
      <PageTitle title="账户设置" />
      <Alert type="info" showIcon title="该页面正在建设中。" />
    </div>
  );
}
