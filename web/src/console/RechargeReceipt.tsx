// The receipt (收据) an operator hands a customer for a recharge: shown once it is booked, and printed
// alone on its page (receipt.css).
import { PrinterOutlined } from "@ant-design/icons";
import { Alert, Button, Modal } from "antd";
import { createPortal } from "react-dom";
import { dateTime, yuan } from "../format";
import type { ConsoleReceiptFragment } from "../gql/graphql";
import { RECHARGE_METHOD_NAMES } from "./consoleShared";
import "./receipt.css";

function ReceiptBody({ receipt }: { receipt: ConsoleReceiptFragment }) {
  return (
    <div className="receipt">
      <h2>充值收据</h2>
      <div className="receipt-no">收据编号:{receipt.number}</div>
      <table>
        <tbody>
          <tr>
            <th scope="row">客户名称</th>
            <td>{receipt.accountName}</td>
          </tr>
          <tr>
            <th scope="row">充值金额</th>
            <td className="receipt-amount">{yuan(receipt.amountFen)}</td>
          </tr>
          <tr>
            <th scope="row">支付方式</th>
            <td>{RECHARGE_METHOD_NAMES[receipt.method]}</td>
          </tr>
          <tr>
            <th scope="row">付款流水号</th>
            <td>{receipt.reference}</td>
          </tr>
          <tr>
            <th scope="row">充值后余额</th>
            <td>{yuan(receipt.balanceAfterFen)}</td>
          </tr>
          <tr>
            <th scope="row">入账时间</th>
            <td>{dateTime(receipt.createdAt)}</td>
          </tr>
          <tr>
            <th scope="row">经办人</th>
            <td data-testid="receipt-operator">{receipt.operatorName || "—"}</td>
          </tr>
        </tbody>
      </table>
      <div className="receipt-sign">
        <span>客户签收:</span>
        <span>(盖章)</span>
      </div>
    </div>
  );
}

export function RechargeReceiptModal({ receipt, onClose }: { receipt: ConsoleReceiptFragment | null; onClose: () => void }) {
  return (
    <>
      <Modal
        title="充值收据"
        className="receipt-dialog"
        open={receipt !== null}
        onCancel={onClose}
        destroyOnHidden
        width={560}
        footer={[
          <Button key="close" onClick={onClose}>
            关闭
          </Button>,
          <Button key="print" type="primary" icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印收据
          </Button>,
        ]}
      >
        {receipt?.replayed ? (
          <Alert type="warning" showIcon style={{ marginBottom: 12 }} title="该付款流水号已入账,本次未重复充值;以下是首次入账的收据。" />
        ) : null}
        {receipt ? <ReceiptBody receipt={receipt} /> : null}
      </Modal>
      {receipt
        ? createPortal(
            <div className="receipt-print-copy" aria-hidden="true">
              <ReceiptBody receipt={receipt} />
            </div>,
            document.body,
          )
        : null}
    </>
  );
}
