import { Alert } from "antd";
import { PageTitle } from "../pages/PageTitle";

export default function Page() {
  return (
    <div className="page">
      <PageTitle title="节假日设置" />
      <Alert type="info" showIcon title="该页面正在建设中。" />
    </div>
  );
}
