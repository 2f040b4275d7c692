// The operators' review queue (受理审核): each application with its scans shown in the page, approved
// (the contract is signed and the number goes into service) or rejected with a reason the customer reads.
// Paths: /review (the queue) and /review/:id (one application).
import { useInfiniteQuery, useQuery, useQueryClient } from "@tanstack/react-query";
import { Alert, App, Button, Card, Col, Descriptions, Empty, Form, Input, Modal, Popconfirm, Result, Row, Segmented, Space, Spin, Table, Typography } from "antd";
import { useState } from "react";
import { request, unwrap } from "../api/client";
import {
  ApproveApplicationDocument,
  RejectApplicationDocument,
  ReviewApplicationDocument,
  ReviewQueueDocument,
  type ApplicationFieldsFragment,
  type ApplicationDocumentFragment,
  type ApplicationStatus,
  type ReviewQueueQuery,
} from "../gql/graphql";
import { dateTime, maskMobile } from "../format";
import type { PageProps } from "../ui/page";
import { PageTitle } from "../ui/PageTitle";
import { APPLICATION_STATUS, StatusTag } from "../portal/applicationStatus";
import { link } from "../ui/AppLink";
import { match } from "../router";
import { errorMessage } from "../ui/errors";

type QueueRow = ReviewQueueQuery["applications"]["edges"][number]["node"];
type Detail = ApplicationFieldsFragment;
const PAGE = 50;
const QUEUE_KEY = "reviewQueue";

function useQueue(status: ApplicationStatus) {
  return useInfiniteQuery({
    queryKey: [QUEUE_KEY, status],
    initialPageParam: null as string | null,
    queryFn: async ({ pageParam }) => (await request(ReviewQueueDocument, { status, first: PAGE, after: pageParam })).applications,
    getNextPageParam: (last) => (last.pageInfo.hasNextPage ? last.pageInfo.endCursor : undefined),
  });
}

/** A scan as it was uploaded: an image in the page, a PDF in a frame; both from the inline route. */
function Scan({ doc }: { doc: ApplicationDocumentFragment }) {
  const src = `${doc.url}?inline=1`;
  return (
    <Card
      size="small"
      title={doc.kindName}
      extra={
        <a href={src} target="_blank" rel="noopener" aria-label={`在新窗口打开 ${doc.kindName}`}>
          新窗口打开
        </a>
      }
      role="figure"
      aria-label={doc.kindName}
    >
      {doc.contentType === "application/pdf" ? (
        <iframe title={doc.kindName} src={src} style={{ width: "100%", height: 420, border: 0 }} />
      ) : (
        <img src={src} alt={doc.kindName} style={{ display: "block", maxWidth: "100%", maxHeight: 420, margin: "0 auto", border: "1px solid #d9d9d9" }} />
      )}
      <Typography.Text type="secondary">{doc.filename}</Typography.Text>
    </Card>
  );
}

function Review({ id }: { id: string }) {
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const detail = useQuery({ queryKey: ["reviewApplication", id], queryFn: async () => (await request(ReviewApplicationDocument, { id })).application });
  const [rejecting, setRejecting] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const app = detail.data;

  async function refresh() {
    await queryClient.invalidateQueries({ queryKey: [QUEUE_KEY] });
    await queryClient.invalidateQueries({ queryKey: ["reviewApplication", id] });
  }

  async function approve(row: Detail) {
    setBusy(true);
    try {
      unwrap((await request(ApproveApplicationDocument, { applicationId: row.id })).approveApplication);
      message.success(`已通过 ${row.display} 的申请,号码已开通`);
      await refresh();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  async function reject(row: Detail) {
    if (!reason.trim()) {
      setReasonError("请填写驳回原因,客户将看到此原因");
      return;
    }
    setBusy(true);
    try {
      unwrap((await request(RejectApplicationDocument, { applicationId: row.id, reason })).rejectApplication);
      setRejecting(false);
      message.success(`已驳回 ${row.display} 的申请`);
      await refresh();
    } catch (e) {
      setReasonError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (detail.isPending) return <Spin />;
  if (detail.isError) return <Alert type="error" showIcon title={errorMessage(detail.error)} />;
  if (!app) {
    return (
      <Result
        status="404"
        title="未找到该申请"
        extra={
          <Button href="/review" onClick={link("/review")}>
            返回审核队列
          </Button>
        }
      />
    );
  }
  const documents = app.documents.filter((d) => !d.replaced);
  return (
    <>
      <Space wrap style={{ marginBottom: 16 }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {app.display}
        </Typography.Title>
        <StatusTag status={app.status} />
      </Space>
      {app.status === "REJECTED" ? <Alert type="error" showIcon title={`驳回原因:${app.rejectReason ?? ""}`} style={{ marginBottom: 16 }} /> : null}
      <Card title="企业信息" size="small" style={{ marginBottom: 16 }}>
        <Descriptions column={{ xs: 1, md: 2, xl: 3 }} size="small">
          <Descriptions.Item label="公司名称">{app.companyName}</Descriptions.Item>
          <Descriptions.Item label="统一社会信用代码">{app.creditCode}</Descriptions.Item>
          <Descriptions.Item label="法人姓名">{app.legalRepName}</Descriptions.Item>
          <Descriptions.Item label="联系人">
            {app.contactName} {app.contactPhone}
          </Descriptions.Item>
          <Descriptions.Item label="绑定号码">{app.boundNumbers.join("、")}</Descriptions.Item>
          <Descriptions.Item label="提交时间">{dateTime(app.submittedAt)}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Typography.Title level={4}>资料({documents.length} 份)</Typography.Title>
      <Row gutter={[16, 16]} style={{ marginBottom: 24 }}>
        {documents.map((d) => (
          <Col key={d.id} xs={24} lg={12}>
            <Scan doc={d} />
          </Col>
        ))}
      </Row>
      {app.status === "SUBMITTED" ? (
        <Space wrap>
          <Popconfirm title={`确认 ${app.display} 已签约,通过审核并开通号码?`} okText="通过" cancelText="取消" onConfirm={() => approve(app)}>
            <Button type="primary" loading={busy}>
              通过审核
            </Button>
          </Popconfirm>
          <Button danger onClick={() => (setRejecting(true), setReasonError(null))} disabled={busy}>
            驳回
          </Button>
        </Space>
      ) : (
        <Button href="/review" onClick={link("/review")}>
          返回审核队列
        </Button>
      )}
      <Modal
        open={rejecting}
        title={`驳回 ${app.display} 的申请`}
        okText="驳回"
        cancelText="取消"
        okButtonProps={{ danger: true, loading: busy }}
        onOk={() => reject(app)}
        onCancel={() => setRejecting(false)}
        destroyOnHidden
      >
        <Form layout="vertical">
          <Form.Item label="驳回原因(客户可见)" htmlFor="reject-reason" validateStatus={reasonError ? "error" : undefined} help={reasonError ?? "请说明需要客户修改或补充的内容"}>
            <Input.TextArea id="reject-reason" rows={4} maxLength={500} showCount value={reason} onChange={(e) => (setReason(e.target.value), setReasonError(null))} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}

function Queue() {
  const [status, setStatus] = useState<ApplicationStatus>("SUBMITTED");
  const queue = useQueue(status);
  const rows = queue.data?.pages.flatMap((p) => p.edges.map((e) => e.node)) ?? [];
  return (
    <>
      <Segmented<ApplicationStatus>
        aria-label="申请状态"
        value={status}
        onChange={setStatus}
        options={(Object.keys(APPLICATION_STATUS) as ApplicationStatus[]).map((s) => ({ value: s, label: APPLICATION_STATUS[s].label }))}
        style={{ marginBottom: 16 }}
      />
      {queue.isError ? <Alert type="error" showIcon title={errorMessage(queue.error)} style={{ marginBottom: 16 }} /> : null}
      <Typography.Paragraph aria-live="polite">
        {queue.isPending ? "正在加载…" : `共 ${queue.data?.pages[0]?.totalCount ?? rows.length} 份${APPLICATION_STATUS[status].label}申请`}
      </Typography.Paragraph>
      <Table<QueueRow>
        rowKey="id"
        size="middle"
        loading={queue.isPending}
        dataSource={rows}
        pagination={false}
        scroll={{ x: "max-content" }}
        locale={{ emptyText: <Empty description={status === "SUBMITTED" ? "没有待审核的申请" : "没有申请"} /> }}
        columns={[
          { title: "号码", dataIndex: "display" },
          { title: "公司名称", dataIndex: "companyName" },
          { title: "联系人", key: "contact", render: (_, a) => `${a.contactName} ${maskMobile(a.contactPhone)}` },
          { title: "资料", key: "docs", render: (_, a) => `${a.documents.filter((d) => !d.replaced).length} 份` },
          { title: "提交时间", dataIndex: "submittedAt", render: dateTime },
          { title: "状态", dataIndex: "status", render: (s: ApplicationStatus) => <StatusTag status={s} /> },
          {
            title: "操作",
            key: "open",
            render: (_, a) => (
              <a href={`/review/${a.id}`} onClick={link(`/review/${a.id}`)} aria-label={`审核 ${a.display}`}>
                {a.status === "SUBMITTED" ? "审核" : "查看"}
              </a>
            ),
          },
        ]}
      />
      {queue.hasNextPage ? (
        <div style={{ textAlign: "center", marginTop: 16 }}>
          <Button onClick={() => queue.fetchNextPage()} loading={queue.isFetchingNextPage}>
            加载更多
          </Button>
        </div>
      ) : null}
    </>
  );
}

export default function ReviewPage({ path }: PageProps) {
  const one = match("/review/:id", path);
  return (
    <div className="page">
      {one ? (
        <>
          <PageTitle
            title="审核开通申请"
            extra={
              <Button href="/review" onClick={link("/review")}>
                返回审核队列
              </Button>
            }
          />
          <Review key={one.id} id={one.id} />
        </>
      ) : (
        <>
          <PageTitle title="受理审核" />
          <Queue />
        </>
      )}
    </div>
  );
}
